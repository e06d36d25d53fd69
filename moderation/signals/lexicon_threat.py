"""Abuse said without naming it: fear at home, grooming, sextortion, control, a cover story.

Young people seldom write "I am abused". They write that a stepfather is drunk every night and
they lock themselves in, that someone from Discord who is 23 wants photos and says to tell no
one, that an ex will post their nudes unless they come back, that a boyfriend keeps their
location on and forbids their friends, that an uncle comes into their room at night, that they
had to say at school that the bruises came from a fall, that a father threatens to make them
sleep in the shed if they tell, or that a mother screams that she wishes they were never born.
The parts of these messages are ordinary one by one (a drunk uncle at a party, a photo of a
drawing, a shared location at a festival), so most themes are combinations
(:mod:`.cumulative`) and each names the everyday reading that clears it.
"""

from __future__ import annotations

from moderation.signals.cues import COERCION, HARM, HARM_IDIOM, Cue, Profile, cues
from moderation.signals.cumulative import Combo, combo
from moderation.signals.model import SignalKind

_A = SignalKind.abuse

# Said of a parent, cleared by a laugh or a game, not by "she never stops".
_BELITTLED = Profile(non_literal=True, fiction=True, game=True)
# A secret someone imposes: a surprise party or a present is the everyday reading.
_SECRET = Profile(fiction=True, ordinary=True)

_ADULT_AT_HOME = (
    r"\b(?:vader|stiefvader|moeder|stiefmoeder|papa|mama|pa|ma|ouders|oom|opa|tante|stiefpa"
    r"|stiefma|vriend van (?:mijn )?(?:moeder|mama)|father|stepdad|stepfather|mother|stepmom"
    r"|stepmother|dads?|moms?|mums?|parents|uncle|grandpa|aunt|mom s boyfriend|hij|he|she)\b"
)
_DRUNK = (
    r"\b(?:dronken|bezopen|straalbezopen|lam|drinkt|zuipt|gedronken|zuipen|drunk|wasted"
    r"|drinking|drinks|hammered|high|stoned|coke|onder invloed)\b"
)
_FEAR_AT_HOME = (
    r"\b(?:sluit (?:ik )?(?:mezelf|me|mij) op|(?:mezelf|me) (?:\w+ )?op ?sluiten|op slot|lock"
    r" (?:myself|my door|the door)|locked (?:myself|my door|the door)|verstop\w*|hide|hiding"
    r"|bang|scared|afraid|terrified|schreeuw\w*|yell\w*|scream\w*|trap\w* (?:\w+ ){0,3}deur"
    r"|deur (?:\w+ ){0,3}(?:in ?getrapt|ingetrapt|intrappen|in trappen)|kick\w* (?:\w+ ){0,3}"
    r"door|bang\w* on (?:my|the) door|niet (?:meer )?naar huis|not (?:\w+ )?go(?:ing)? home"
    r"|opgesloten|locked (?:in|up)|in de badkamer|in the bathroom|in (?:mijn|my) (?:kamer|room)"
    r"|slaan|slaat|sloeg|hit|hits|gooit|throws|threw|wacht tot (?:hij|ze) slaapt|wait (?:\w+ )?"
    r"until (?:he|she) (?:is )?(?:asleep|sleeps|passes out))\b"
)
_STRANGER = (
    r"\b(?:iemand|gast|jongen|man|vent|meisje|vrouw|guy|man|person|someone|dude|girl|woman)"
    r" (?:\w+ ){0,2}(?:van|op|from|on) (?:discord|insta\w*|snap\w*|tiktok|roblox|fortnite"
    r"|online|internet|telegram|whatsapp|omegle|reddit|twitch|an app|een app|grindr|tinder)\b"
    r"|\b(?:[2-6]\d|twintig|dertig|veertig) ?(?:jaar|jarige|year old|years old|yo|jr)\b"
    r"|\bis (?:al )?[2-6]\d\b(?! (?:graden|degrees|euro|minuten|minutes|km|kilo|procent))"
    r"|\b(?:i|ik) (?:met|leerde|ken)\b(?: \S+){0,3} (?:online|in a game|in een game|via)\b"
    r"|\b(?:game ?chat|discord|dm|dms|privechat)\b|\b(?:volwassen\w*|adult"
    r"|grown|older|oudere) (?:man|vent|gast|guy|dude|person|persoon|iemand|vrouw|woman)\b"
)
_MINOR = (
    r"\b(?:ik ben|i am|ben|im) (?:pas |net |only |just )?(?:1[0-7]|twaalf|dertien|veertien"
    r"|vijftien|zestien|zeventien|twelve|thirteen|fourteen|fifteen|sixteen)\b"
    r"|\b1[0-7] ?(?:jaar|yo|years old|year old|jr)\b|\bminderjarig\w*|\bminor\b|\bunderage\b"
)
_ASKS_PHOTOS = (
    r"\b(?:wil|wilde|vraagt|vroeg|vragen|asks?|asked|asking|wants?|wanted|stuur|sturen|send"
    r"|sent|krijgen|owe|schuldig|ruil|trade)\b(?: \S+){0,4} (?:fotos?|pics?|pictures?|photos?"
    r"|selfies?|nudes|naaktfotos?|videos?|filmpjes?|videocall|facetime|cam)\b|\b(?:fotos?|pics?"
    r"|pictures?|photos?|selfies?) (?:van (?:me|mij)|of (?:me|myself)|zonder|without|in (?:mijn"
    r"|my))\b|\bnudes\b|\bnaakt\w*"
)
_LURE = (
    r"\b(?:geheim|secret|niemand (?:\w+ )?(?:mag|vertellen|zeggen)|not to tell|do not tell|mag"
    r" (?:het )?niet (?:vertellen|zeggen)|normaal|normal|mature|volwassen voor|special"
    r"|speciaal|cadeau|gift|money|geld|skins|robux|v ?bucks|gift ?card|betaald|paid|owe"
    r"|schuldig|afspreken|meet up|ophalen|pick me up|hotel|volwassen (?:\w+ )?voor|mature for)\b"
)
_OBJECT_PHOTO = (
    r"\b(?:fotos?|pics?|pictures?|photos?) (?:van|of) (?:mijn|my|the|de|het|je|your|zijn|his|her)"
    r" (?:\w+ )?(?:tekening|drawing|hond|dog|kat|cat|puppy|outfit|nails|nagels|art|kunst"
    r"|eten|food|huis|room|kamer|setup|schoolwerk|homework|huiswerk|project|cake|taart)\b"
)
_THREAT = (
    r"\b(?:dreig\w*|bedreig\w*|threat\w*|als ik niet|tenzij|if i (?:do not|will not|ever"
    r" leave|leave|stop|tell|break up|block)|unless i|or else|anders|chanteer\w*|chantage"
    r"|blackmail\w*|zegt dat (?:hij|ze)|says (?:he|she) will|(?:he|she) will|gaat (?:ze|het"
    r"|alles))\b"
)
_INTIMATE = (
    r"\b(?:naakt\w*|nudes?|naked|fotos?|pics?|pictures?|photos?|videos?|vids|filmpjes?"
    r"|screenshots?|sexting|what i did|wat ik (?:heb )?gedaan|my secrets?|geheimen)\b"
)
_EXPOSE = (
    r"\b(?:posten|post|delen|share|sharing|leak\w*|verspreid\w*|sturen|send|doorsturen|online"
    r"|zetten|in de (?:groepsapp|groep|klassenapp)|group ?chat|to everyone|naar iedereen"
    r"|aan iedereen|iedereen laten zien|show everyone|tell everyone|expose\w*|mijn ouders"
    r"|(?:op|on) (?:insta\w*|snap\w*|tiktok|twitter|facebook|internet|online)|zet|plaatst"
    r"|plaatsen|upload\w*|my parents|weet (?:waar|welke) (?:ik|school)|knows where i"
    r"|langs ?(?:komt|komen|te komen)"
    r"|komt langs|(?:naar|bij) (?:mijn|ons) (?:huis|school|werk) (?:te )?(?:komt|komen|langs)"
    r"|come to my|comes to my|show up at|terugkom\w*|terug kom\w*|come back|get back|betaal\w*"
    r"|pay|money|geld|meer|more)\b"
)
_PARTNER = (
    r"\b(?:mijn (?:vriend|vriendje|vriendin|partner|ex)|my (?:boyfriend|girlfriend|partner|ex)"
    r"|ex|hij|zij|he|she)\b"
)
_TRACKED = (
    r"\b(?:locatie|location|life360|find my|zenly|snap ?map|tracking app|gps|mijn telefoon"
    r"|my phone|berichten|messages)\b"
)
_CONTROLLED = (
    r"\b(?:altijd aan|moet aan|always on|has to be on|must be on|moet (?:\w+ )?delen|have to"
    r" share|checkt|checks|controleert|wil weten waar|wants to know where|belt (?:\w+ )?\d+ ?x"
    r"|belt (?:\w+ )?\d+ keer|calls (?:me )?\d+ times|spam\w*|als ik niet (?:meteen|direct"
    r"|gelijk|snel) (?:reageer|antwoord|opneem)|if i do not (?:answer|reply|respond|pick up)"
    r"|mag (?:ik )?(?:\w+ )?niet|not allowed|will not let|laat me niet|niet meer naar|can not"
    r" see|no longer see|mag van (?:hem|haar)|makes? me (?:share|send|turn on|keep)|gets? (?:\w+ )?"
    r"(?:mad|angry|jealous|pissed)|wordt (?:\w+ )?(?:boos|kwaad|jaloers))\b"
)
_NIGHT = (
    r"\b(?:s nachts|at night|in the night|midden in de nacht|als (?:iedereen|ik) slaapt?"
    r"|when (?:everyone|i) (?:is |am )?(?:asleep|sleeping)|in bed|slapen|sleep|logeren|sleepover"
    r"|blijft logeren|stays over)\b"
)
_NIGHT_FEAR = (
    r"\b(?:durf (?:ik )?(?:\w+ )?niet (?:meer )?(?:te )?slapen|kan (?:\w+ )?niet (?:meer )?slapen"
    r"|scared to (?:sleep|go to bed)|afraid to (?:sleep|go to bed)|can not sleep|bang|scared"
    r"|afraid|doe alsof ik slaap|pretend (?:to be|i am) asleep|op slot|lock my door|stoel tegen"
    r"|chair against|mijn kamer (?:\w+ )?in|into my (?:room|bed)|in mijn bed|bij me in bed)\b"
)
_BRUISES = (
    r"\b(?:blauwe plek\w*|blauwe? (?:oog|ogen)|dikke lip|striemen|bruis\w*|black eyes?|split lip"
    r"|welts|marks|plekken|wonden|verwondingen|injuries)\b"
)
_COVER_STORY = (
    r"\b(?:moest|moet|moesten) (?:\w+ ){0,3}(?:zeggen|vertellen|liegen)\b|\b(?:had|have|has)"
    r" to (?:say|tell|lie)\b|\btold (?:me|her|him) to (?:say|tell|lie)\b|\b(?:liegen|smoes\w*"
    r"|excuus|cover story|verzonnen|made up|zogenaamd|supposedly)\b|\bniemand mag (?:\w+ )?weten\b"
)
_IF_TOLD = (
    r"\b(?:als ik (?:het |dit |iets )?(?:aan )?(?:\S+ ){0,4}(?:vertel|zeg|verklap|doorvertel)"
    r"|als ik mijn mond (?:open ?doe|open doe)|if i (?:ever )?(?:tell|told|say anything|snitch)"
    r"|if anyone finds out|als iemand het (?:te )?weten komt)\b"
)
_PUNISHMENT = (
    r"\b(?:schuur|kelder|buiten slapen|op straat|uit huis|eruit|kick(?:ed)? me out|throw me out"
    r"|sleep (?:outside|in the)|sla|slaan|slaat|hit|beat|hurt|pijn|klappen|slaag|een klap"
    r"|beating|weggestuurd|send me (?:away|back)|terugsturen|buitenland|uithuwelijk\w*"
    r"|geen eten|no food|opsluit|opsluiten|lock me|ga ik eraan|pay|betalen|spijt|regret|straf"
    r"|kostschool|boarding school|pleeggezin|foster"
    r"|punish\w*)\b"
)

ABUSE: list[Cue] = [
    # Secrecy in Dutch word order: "dat ik het niemand mag zeggen".
    *cues(
        _A,
        _SECRET,
        r"\b(?:zegt|zei|zeggen|zeiden|wil|wilde|vraagt|vroeg|beloven|laat (?:me|mij) beloven)\b"
        r"(?: \S+){0,6} dat ik (?:het |dit |dat |er )?(?:aan )?(?:niemand|niet|nooit) (?:\w+ )?"
        r"(?:mag|mocht|moet|zal) (?:\w+ )?(?:vertellen|zeggen|laten weten)\b",
        r"\b(?:made|makes|make) (?:me|her|him) (?:\w+ )?promise (?:\w+ )?(?:not to|to never|never"
        r" to) tell\b",
    ),
    # A partner or a parent decides where one may go: "ik mag van mn vriend niet meer ...".
    *cues(
        _A,
        COERCION,
        r"\bmag (?:ik )?van (?:hem|haar|mijn (?:vriend|vriendje|vriendin|partner|ex))\b"
        r"(?: \S+){0,3} (?:niet|nooit|geen)\b|\bvan (?:mijn )?(?:vriendje|partner) mag ik"
        r" (?:\w+ )?(?:niet|nooit|geen)\b",
    ),
    # Emotional abuse by a parent.
    *cues(
        _A,
        _BELITTLED,
        r"\b(?:wishes|wished|says (?:she|he) wishes|zegt dat (?:ze|hij) wou|wenst) (?:that )?"
        r"(?:i|ik) (?:was|were|had|nooit) (?:never )?(?:been )?(?:born|geboren)\b",
        r"\b(?:moeder|mama|ma|vader|papa|pa|ouders|stiefvader|stiefmoeder|mom|mum|mother|dad"
        r"|father|parents|stepdad|stepmom|stepmother|stepfather)\b(?: \S+){0,8} (?:says|said"
        r"|tells|told|calls|called|screams|yells|shouts|zegt|zei|noemt|schreeuwt|scheldt)"
        r"(?: \w+){0,3} (?:that )?(?:i am|i was|me|i|dat ik|mij) (?:\w+ ){0,2}(?:worthless"
        r"|useless|a mistake|a failure|an accident|nothing|disgusting|a waste|pathetic"
        r"|a disappointment|waardeloos|niks waard|niets waard|een mislukking|mislukt|een fout"
        r"|een vergissing|walgelijk|een ongeluk|uit voor)\b",
        r"\b(?:screams|yells|shouts|schreeuwt|scheldt)(?: \w+){0,2} (?:at me|tegen (?:me|mij)"
        r"|op (?:me|mij)|me uit|mij uit) (?:\w+ )?(?:for hours|every day|all the time|uren"
        r"|urenlang|elke dag|de hele tijd|constant\w*|every night|elke avond)\b",
        r"\b(?:moeder|mama|ma|vader|papa|pa|stiefvader|stiefmoeder|mom|mum|mother|dad|father"
        r"|stepdad|stepmom)\b(?: \S+){0,4} (?:hates|haat) (?:me|mij)\b|\bwish(?:es|ed)? (?:she|he"
        r"|they)(?: would| had)? never (?:have )?(?:had|have had|gehad) me\b",
        r"\bspijt (?:\w+ ){0,3}(?:dat (?:ze|hij)|that (?:she|he)|of having) (?:me|mij) (?:\w+ )?"
        r"(?:gekregen|had|heeft|kreeg|had me|gehad)\b|\b(?:regrets?|regretted) having me\b",
    ),
    # A cover story one was made to tell: "I walked into a door".
    *cues(
        _A,
        HARM,
        r"\b(?:made|makes|make|told|tells|forced|forces) me (?:to )?(?:tell|say|lie to)\b"
        r"(?: \S+){0,4} (?:i|that i) (?:walked into|fell|tripped|bumped|ran into|slipped)\b",
        r"\b(?:moest|moet|moesten) (?:\w+ ){0,3}(?:zeggen|vertellen) dat ik (?:\w+ ){0,4}"
        r"(?:gevallen|gestruikeld|aangelopen|aan gelopen|gebotst|uitgegleden)\b",
    ),
    # Bruises "from" a parent, with the body part in between.
    *cues(
        _A,
        HARM,
        r"\b(?:blauwe plek\w*|blauw oog|bruis\w*|black eye|striemen)\b (?:op|on) (?:mijn|my|haar"
        r"|her|zijn|his) \w+ (?:\w+ )?(?:van|from|by|door) (?:mijn |my |her |his |haar |zijn )?"
        r"(?:pa|papa|vader|ma|mama|moeder|stiefvader|stiefmoeder|dad|mom|mum|father|mother"
        r"|stepdad|stepmom|oom|uncle|broer|brother|vriend|boyfriend)\b",
        r"\bkom\w* (?:\w+ ){0,2}(?:s nachts|at night|midden in de nacht) (?:\w+ )?(?:in |op |naar"
        r" |bij )?(?:mijn|my) (?:kamer|bed|slaapkamer|room)\b",
    ),
]

COMBOS: tuple[Combo, ...] = (
    # A drunk parent, and the writer locks themselves in or does not dare to go home.
    combo(
        _A,
        HARM,
        _DRUNK,
        _ADULT_AT_HOME,
        _FEAR_AT_HOME,
        clear=r"\b(?:feest|party|bruiloft|wedding|verjaardag|birthday|kroeg|bar|festival|haha"
        r"|funny|grappig|dansen|dancing|karaoke)\b",
    ),
    # An adult or a stranger online, a minor, and a request for photos (or a lure, a secret).
    combo(_A, COERCION, _ASKS_PHOTOS, _STRANGER, _LURE, clear=_OBJECT_PHOTO),
    combo(_A, COERCION, _ASKS_PHOTOS, _MINOR, _STRANGER, clear=_OBJECT_PHOTO),
    # A threat to post or send nude photos (sextortion), or to come by unless photos are sent.
    combo(
        _A,
        HARM_IDIOM,
        _THREAT,
        _INTIMATE,
        _EXPOSE,
        clear=r"\b(?:baby\w*|vakantie\w*|holiday|gênant|genant|embarrassing|cringe|kinderfoto\w*"
        r"|verjaardag|birthday)\b",
    ),
    # A partner who tracks the location or reads the messages, and forbids or punishes.
    combo(_A, COERCION, _TRACKED, _PARTNER, _CONTROLLED),
    # A relative at night, and the writer is afraid to sleep.
    combo(
        _A,
        HARM,
        r"\b(?:vader|stiefvader|papa|oom|opa|neef|broer|stiefbroer|vriend van (?:mijn )?(?:moeder"
        r"|mama)|dad|stepdad|stepfather|father|uncle|grandpa|cousin|brother|stepbrother|mom s"
        r" boyfriend|hij|he)\b",
        _NIGHT,
        _NIGHT_FEAR,
        clear=r"\b(?:onweer|thunder|nachtmerrie|nightmare|horror\w*|film|movie|spin|spider"
        r"|welterusten|goodnight|instoppen|tuck\w*|ziek|sick|koorts|fever|gezellig|snurk\w*"
        r"|snor\w*|snoring|games?|gamen|storm\w*|thunder\w*|onweer\w*)\b",
    ),
    # Bruises with a cover story one had to tell.
    combo(
        _A,
        HARM,
        _BRUISES,
        _COVER_STORY,
        clear=r"\b(?:kussengevecht|pillow|stoeien|wrestling|hockey|voetbal|football|judo|rugby"
        r"|paardrijden|riding|concealer voor|surprise|verrassing)\b",
    ),
    # "If I tell anyone" and a punishment: the shed, out of the house, a beating.
    combo(_A, HARM_IDIOM, _IF_TOLD, _PUNISHMENT, _ADULT_AT_HOME),
)

CUES: list[Cue] = ABUSE
