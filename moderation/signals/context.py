"""Context rules: when a matched phrase is not a cue after all, and when a cue is acute.

The lexicon finds phrases; these rules look around a match in the folded text to decide whether
the writer means it. They are deliberately local (a clause, or a window of some eighty
characters) so that in a long message a "lol" in one paragraph does not clear a plan in another.

* Negation: "ik wil niet dood", "I'm not suicidal anymore", "i would never hurt myself". A
  negator counts in the same clause up to four words before the phrase, inside it, or (Dutch
  word order: "hij slaat ons nooit") right after it. "can't stop", "weet niet", "not just" are not
  negations.
* Non-literal use: a laugh nearby (haha, lol, lmao, 😂, 💀, "grapje"), or an idiom right after
  the phrase ("dood van de stress", "die of embarrassment", "die for pizza"). A sincerity marker
  ("fr", "no joke", "ik meen het") overrides both.
* Fiction: games, films, series, books, songs, school assignments, prevention lessons, news and
  phrases inside quotation marks. Well-known titles ("Suicide Squad", "13 Reasons Why") are
  blanked before matching.
* Past and recovery: "vroeger", "used to", "2 jaar clean", "therapy helped" clear a cue unless the
  message also speaks of a relapse ("weer", "again", "terugval", "urges").
* School stress clears only the strain phrases that teenagers also use about exams ("can't wait
  for it all to be over, exam week"), never a wish to die or a plan.
* Accidents, play and leisure: "cut myself shaving", "aan een stuk papier", "hit me with a
  pillow", "beat me at fifa", "van de brug springen in het kanaal".
"""

from __future__ import annotations

import re

WINDOW = 80

_NEGATORS = frozenset({"niet", "geen", "nooit", "nee", "not", "never", "no", "neither", "nor"})
_POST_NEGATORS = frozenset({"niet", "nooit", "never"})
# A negator followed by one of these does not negate the phrase ("can not stop thinking").
_NOT_NEGATING_NEXT = frozenset(
    {"stop", "stoppen", "ophouden", "help", "helpen", "alleen", "only", "just", "one", "know"}
)
# ... nor preceded by one of these ("ik weet niet waarom").
_NOT_NEGATING_PREVIOUS = frozenset({"weet", "snap", "begrijp", "know"})
_CLAUSE_BOUNDARY = re.compile(r".*(?:[,.!?;:]|\b(?:maar|but|omdat|because)\b) ?", re.DOTALL)

_LAUGH = re.compile(
    r"\b(?:ha(?:ha)+h?|hah|hihi\w*|hehe\w*|lo+l\w*|lmf?a+o+\w*|rofl|xd+|jk|just kidding|kidding"
    r"|grapje|geintje|grapjes)\b|[😂🤣😹😆😅💀☠😜🙃]"
)
_SINCERE = re.compile(
    r"\b(?:fr|frfr|for real|no joke|not a joke|not joking|not kidding|i am serious|seriously|srs"
    r"|i mean it|geen grap|niet grappig|ik meen het|serieus|echt waar|maar echt|nee echt"
    r"|but (?:like )?(?:actually|really|seriously))\b"
)
# School stress next to a strain phrase: "can't wait for it all to be over, exam week".
_SCHOOL = re.compile(
    r"\b(?:exam\w*|examen\w*|toets\w*|tentamen\w*|huiswerk|homework|test|tests|school"
    r"|deadline\w*|werkstuk|essay|proefwerk|rapport|grades|cijfers?|stage|bijbaan|werk|job|shift"
    r"|internship)\b"
)
# Right after a word for dying: "dood van de stress", "die of boredom", "die for pizza".
_DEATH_WORD_AT_END = re.compile(r"\b(?:dood|die|dying|dead|sterven|doodgaan)$")
_IDIOM_AFTER = re.compile(r"(?: [,.!?;:])* (?:van|of|for(?! real)|laughing|lachen)\b")
# Right before a topic word: "die toets was echt zelfmoord", "that test was suicide".
_IDIOM_BEFORE = re.compile(
    r"\b(?:is|was|wordt|werd|be|are) (?:echt |gewoon |puur |pure |literally |basically |like )*$"
)
_FICTION = re.compile(
    r"\b(?:film|films|movie|movies|serie|series|netflix|episode|episodes|aflevering\w*|season"
    r"|seizoen|boek|book|books|novel|roman|character|personage|hoofdpersoon|song|songs|lied"
    r"|liedje|lyrics|songtekst\w*|rapper|rap|album|podcast\w*|true crime|nieuws|news|artikel"
    r"|article|documentaire|documentary|werkstuk|spreekbeurt|verslag|essay|presentatie"
    r"|presentation|project|maatschappijleer|lesson|health class|voorlichting|awareness|onderzoek"
    r"|research|quote|citaat|line from|anime|manga|hamlet|romeo|juliet|shakespeare|title"
    r"|taboe|taboo|bespreekbaar|stigma|statistiek\w*|statistics|rates|discussed|besproken)\b"
    r"|preventie|prevention|\bles (?:over|gehad)"
)
_GAME = re.compile(
    r"\b(?:minecraft|fortnite|roblox|valorant|gta|cod|call of duty|fifa|elden ring|apex"
    r"|overwatch|among us|sims|zelda|pokemon|mario|game|games|gamen|gaming|respawn\w*|npc"
    r"|chess|schaak|schaken|uno|monopoly|kaarten|cards|title)\b"
)
_PAST = re.compile(
    r"\b(?:vroeger|jaren geleden|jaar geleden|maanden geleden|in het verleden|used to"
    r"|back then|years ago|a year ago|months ago|in the past|when i was (?:younger|little|\d+)"
    r"|clean|gaat (?:nu |het )?(?:nu )?(?:veel |zoveel |een stuk |al )?beter"
    r"|doing (?:so much |a lot |way )?better|saved me|life is good"
    r"|(?:therapy|therapie|hulp|psycholoog)(?: \w+){0,2} (?:helped|saved|geholpen|gered))\b"
)
_RELAPSE = re.compile(
    r"\b(?:weer|opnieuw|again|relaps\w*|terugval\w*|teruggevallen|verpest|ruined|urges?|drang"
    r"|zin om|craving\w*|back to)\b"
)
_ACCIDENT = re.compile(
    r"\b(?:per ongeluk|by accident|accidentally|accident|ongeluk|papier|paper|papercut|broodmes"
    r"|koken|cooking|kitchen|keuken|shaving|scheren|vinger|finger|hair|knippen|kapper|kat|cat"
    r"|barber|kitten|hond|dog|puppy|playing|gevallen|fell|fiets|bike|tattoo|piercing|pierced|au"
    r"|ouch"
    r"|operatie|surgery|ziekenhuis|hospital|waterpokken|chickenpox|eczeem|eczema|allergi\w*"
    r"|muggen\w*|mosquito\w*|bloedprik|vaccin\w*|injection|brandnetel\w*|nettles|bramen|brambles"
    r"|thorns|bushes|struik\w*|hike|hiking|wandel\w*|scooter"
    r"|hockey|voetbal|football|soccer|rugby|judo|skate\w*|schillen|knutsel\w*|crafts?|crafting"
    r"|boks\w*|boxing|kickbox\w*|punching ?bag|mma|karate|taekwondo"
    r"|scherm|screen|bril|glasses|stretch ?marks|striae)\b"
)
# Someone else's marks with an excuse the writer reports ("zegt dat het van de kat is", "says
# its nothing", "maar ze heeft geen kat"): the writer doubts it, so the excuse clears nothing.
_REPORTED_EXCUSE = re.compile(
    r"\b(?:zegt|zei|zeggen|beweert|says|said|saying|claims|claimed)(?: dat| that)?(?: \S+){0,3}"
    r" (?:from"
    r"|van|did it|deed het|het deed|its|it is|it was|niks|niets|nothing|fell|gevallen|viel)\b"
    r"|\b(?:maar|but) (?:ze|hij|zij|she|he) (?:heeft|has|does not have) (?:geen"
    r"|no|a)\b|\b(?:smoes\w*|excuses?|zogenaamd|supposedly|apparently|blijkbaar)\b"
)
_PLAYFUL = re.compile(
    r"^(?: \S+){0,3} (?:met|with) (?:een |de |het |a |the |my |his |her |zijn |haar )?(?:\w+ )?"
    r"(?:kussen|pillow|toy|speelgoed\w*|bal|ball|sneeuwbal|snowball|lightsaber|nerf|foam)\b"
    r"|^(?: \S+){0,3} (?:at|in|met|bij|with) (?:\w+ )?(?:fifa|chess|schaak|schaken|game|games"
    r"|mario ?kart|fortnite|cards|kaarten|uno|monopoly|arm ?wrestling|a race)\b"
)
_EXPLICIT_ACCIDENT = re.compile(r"\b(?:per ongeluk|by accident|accidentally|perongeluk)\b")
# Siblings and friends playing rough, said of "we" by the writer: "we were messing around".
_PLAY_FIGHT = re.compile(
    r"\bwe (?:were|waren) (?:just |gewoon |maar )?(?:messing|mucking|horsing) around\b"
    r"|\bplay ?fight\w*|\b(?:aan het )?(?:stoeien|stoeiden|gestoeid)\b"
    r"|\b(?:waren|zijn|was) (?:gewoon |maar )?aan het (?:dollen|klooien|keten|stoeien)\b"
)
_LEISURE = re.compile(
    r"\b(?:in (?:het|de) (?:water|kanaal|meer|zee|zwembad|rivier)|into the (?:water|lake|river"
    r"|sea|pool)|zwemmen|swimming|bommetje|cliff ?jumping|bungee\w*|parachute\w*|trampoline"
    r"|skydiv\w*|klimmen|climbing|gevallen|fell|vibes|eiffel\w*|euromast|domtoren|burj"
    r"|empire state|excursie|schoolreis\w*|school trip|field trip|uitje|toerist\w*|tourists?"
    r"|sunset|zonsondergang|uitzicht|the view|fotos?|photos?|pictures?)\b"
)
_TIME = re.compile(
    r"\b(?:vanavond|vannacht|nu meteen|straks|vandaag nog|morgen|dit weekend|na school|tonight"
    r"|right now|tomorrow|this weekend|after school|in an hour|later today|op dit moment)\b"
)
_MEANS = re.compile(
    r"\b(?:pillen|pil|pills|pill|meds|medicijnen|medicatie|tabletten|tablets|paracetamol"
    r"|slaappillen|painkillers|touw|rope|noose|strop|mes|knife|brug|bridge|trein|train|spoor"
    r"|tracks|dak|roof|flat|balkon|balcony|ledge|gun|pistool|wapen|weapon)\b"
)
_DANGER_NOW = re.compile(
    r"\b(?:right now|op dit moment|nu|vanavond|tonight|voor de deur|outside my (?:door|room|window)"
    r"|banging|bonkt)\b"
    r"|\b(?:ik ben|i am) (?:zo |so |really |echt )?(?:bang|scared|terrified|afraid)\b"
)
# A quotation introduced as a message from someone ("she texted me \"bye\"") is a report, not
# fiction: only an unintroduced quotation reads as a song line or a title.
_REPORTED_QUOTE = re.compile(
    r"\b(?:texted|text|sent|send|messaged|dmd|dm|wrote|said|says|posted|replied|zei|zegt|appte"
    r"|appt|stuurde|stuurt|schreef|schrijft|plaatste|postte)\b(?: \S+){0,3} $"
)
# A goodbye for an ordinary reason: see you later, a move, a holiday, a birthday, a sale.
_ORDINARY = re.compile(
    r"\b(?:tot (?:morgen|straks|zo|later|ziens|snel|maandag|vrijdag|volgende|na|over|vanavond"
    r"|de volgende)|see (?:you|ya|yall)|cya|ttyl|talk (?:to you )?(?:later|tomorrow|soon)"
    r"|until (?:next|tomorrow|after|then)|next (?:week|year|time|month|season)|volgende (?:week"
    r"|keer|maand)|weekend|trouwdag|jubileum|anniversary|verhui\w*|moving (?:away|out|to|house)"
    r"|new school|nieuwe school"
    r"|exchange|uitwisseling|vakantie|holiday|vacation|trip|op reis|kamp|camp|stage|internship"
    r"|graduat\w*|diploma|laatste (?:schooldag|werkdag)|last day (?:of|at)|afscheidsfeest\w*"
    r"|leaving (?:the|this) (?:group|chat|server|app)|(?:deze|de) (?:groep|app) (?:verlaten|uit)"
    r"|account|offline|welterusten|slaap lekker|good ?night|gn|verjaardag|jarig|birthday|bday"
    r"|kerst\w*|christmas|xmas|moederdag|vaderdag|mothers day|fathers day|valentijn\w*"
    r"|valentines?|sinterklaas|santa|cadeau\w*|verkocht|verkopen|sold|selling|sell|vinted"
    r"|marktplaats|ebay|kringloop|thrift|goed doel|charity|donat\w*|opruim\w*|declutter\w*"
    r"|te klein|too small|outgrown|passen niet|past niet|allergi\w*|terwijl ik|while i am|bieb"
    r"|bibliotheek|library"
    r"|ruimte maken|make (?:space|room)"
    r"|paar dagen|few days|oppassen|pet ?sit\w*)\b"
)
# ... unless the goodbye is final: "voor altijd", "nooit meer", "for good", "forever".
_FINAL = re.compile(
    r"\b(?:voor altijd|voorgoed|nooit meer|for good|forever|never again|ever again|laatste keer"
    r"|last time|niet meer terug|not coming back)\b"
)
# What a relapse or an urge may be about besides self-harm.
_HABIT = re.compile(
    r"\b(?:sugar|suiker|snoep|candy|sweets|chocola\w*|chips|snacks?|junk ?food|fast ?food|friet\w*"
    r"|fries|pizza|koffie|coffee|energy ?drinks?|red ?bull|frisdrank|soda|cola|vape\w*|vapen"
    r"|vaping|roken|smok\w*|sigaret\w*|cigarettes?|nicotine|snus|gamen|gaming|tiktok|insta\w*"
    r"|social media|scroll\w*|netflix|anime|kdramas?|bingewatch\w*|shopping|shoppen|nagels|nails"
    r"|nagelbijten|duolingo|snapstreak|gym|workout|plassen|pee|niezen|sneeze|bubble tea|boba"
    r"|phase|fase|era|obsess\w*|slaapritme|ritme|sleep schedule|gewoonte\w*|habits?|kpop)\b"
)
# "als ik dat liedje nog 1 keer hoor ...", "if i hear that song one more time ...".
_ULTIMATUM = re.compile(
    r"\b(?:als|if|wanneer|when)\b(?: \S+){0,7} (?:nog (?:een|1|1x|eens)|one more|another"
    r"|once more|again)\b"
)
_TITLES = re.compile(
    r"\b(?:suicide squad|(?:13|thirteen) reasons why|suicide ?boys|dying light|killing eve"
    r"|kill bill|dead poets society)\b"
)


def blank_titles(text: str) -> str:
    """Replace well-known titles by the word "title", which also counts as fiction context."""
    return _TITLES.sub("title", text)


def _around(text: str, start: int, end: int, width: int = WINDOW) -> str:
    return text[max(0, start - width) : end + width]


def _clause_before(text: str, start: int, words: int = 4) -> list[str]:
    prefix = text[max(0, start - 60) : start]
    boundary = _CLAUSE_BOUNDARY.match(prefix)
    if boundary:
        prefix = prefix[boundary.end() :]
    return prefix.split()[-words:]


def _negates(words: list[str], index: int) -> bool:
    word = words[index]
    if word not in _NEGATORS:
        return False
    after = words[index + 1] if index + 1 < len(words) else ""
    before = words[index - 1] if index > 0 else ""
    return after not in _NOT_NEGATING_NEXT and before not in _NOT_NEGATING_PREVIOUS


def negated(text: str, start: int, end: int) -> bool:
    """A negator in the clause just before the phrase, inside it, or (Dutch) just after it."""
    words = _clause_before(text, start) + text[start:end].split()
    if any(_negates(words, i) for i in range(len(words))):
        return True
    following = text[end : end + 20].split()[:2]
    return any(word in _POST_NEGATORS for word in following if word not in ",.!?;:")


def sincere(text: str) -> bool:
    """The writer says they mean it ("fr", "no joke", "ik meen het")."""
    return _SINCERE.search(text) is not None


def non_literal(text: str, start: int, end: int) -> bool:
    """A laugh nearby, or an idiom right after the phrase ("dood van de stress")."""
    if _DEATH_WORD_AT_END.search(text, start, end) and _IDIOM_AFTER.match(text, end):
        return True
    return _LAUGH.search(_around(text, start, end)) is not None


def about_school(text: str, start: int, end: int) -> bool:
    """School stress right by the phrase: "ik trek het niet meer met die toetsen"."""
    return _SCHOOL.search(_around(text, start, end, 60)) is not None


def idiom_before(text: str, start: int) -> bool:
    """The topic word used as an adjective: "die toets was echt zelfmoord"."""
    return _IDIOM_BEFORE.search(text, max(0, start - 40), start) is not None


def fictional(text: str, start: int, end: int) -> bool:
    """Films, books, songs, school work, news, or the phrase inside quotation marks."""
    if text.count('"', 0, start) % 2 == 1:
        opening = text.rfind('"', 0, start)
        if not _REPORTED_QUOTE.search(text, max(0, opening - 40), opening):
            return True
    return _FICTION.search(_around(text, start, end, 100)) is not None


def in_game(text: str, start: int, end: int) -> bool:
    """A game nearby: "i killed him in fortnite", "he beat me at fifa"."""
    return _GAME.search(_around(text, start, end)) is not None


def recovered(text: str, start: int, end: int) -> bool:
    """Spoken of as past or recovered, and no relapse anywhere in the message."""
    if _PAST.search(_around(text, start, end, 100)) is None:
        return False
    return _RELAPSE.search(text) is None


def accidental(text: str, start: int, end: int) -> bool:
    """An everyday accident ("cut myself shaving"), unless it is an excuse someone gave."""
    if _ACCIDENT.search(_around(text, start, end, 50)) is None:
        return False
    return _REPORTED_EXCUSE.search(_around(text, start, end)) is None


def playful(text: str, start: int, end: int) -> bool:
    """Play after a "hit me" ("with a pillow", "at fifa", "met een kussen"), or "per ongeluk"."""
    if _PLAYFUL.match(text[end : end + 60]):
        return True
    if _PLAY_FIGHT.search(_around(text, start, end)):
        return True
    return _EXPLICIT_ACCIDENT.search(_around(text, start, end, 40)) is not None


def leisure(text: str, start: int, end: int) -> bool:
    """Jumping for fun: "van de brug springen in het kanaal", "cliff jumping", "bungee"."""
    return _LEISURE.search(_around(text, start, end, 60)) is not None


def ordinary(text: str, start: int, end: int) -> bool:
    """An everyday reason nearby ("tot morgen", "verhuizen", "for mother's day"), if not final."""
    around = _around(text, start, end, 100)
    return _ORDINARY.search(around) is not None and _FINAL.search(around) is None


def habit(text: str, start: int, end: int) -> bool:
    """A habit named by a relapse or an urge: "relapsed on sugar", "de drang naar chocola"."""
    return _HABIT.search(_around(text, start, end, 60)) is not None


def ultimatum(text: str, start: int, end: int) -> bool:
    """A laughing "if that happens once more, I'll jump": annoyance, not a plan."""
    before = text[max(0, start - 80) : start]
    return _ULTIMATUM.search(before) is not None and non_literal(text, start, end)


def acute_context(text: str, start: int, end: int, *, means: bool, danger: bool) -> bool:
    """A time ("vanavond", "tonight"), a means (for suicide) or a danger now (for abuse)."""
    around = _around(text, start, end, 120)
    if danger:
        return _DANGER_NOW.search(around) is not None
    if _TIME.search(around):
        return True
    return means and _MEANS.search(around) is not None
