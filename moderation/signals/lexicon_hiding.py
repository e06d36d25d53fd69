"""Self-harm said without naming it: covering up, hiding scars, walls, lighters, not stopping.

Young people who hurt themselves rarely write "I cut myself"; they write about what it takes to
keep it hidden and about what it does for them. A blind test set showed these families with no
entry: long sleeves or a hoodie in summer or at gym with an excuse about being cold, scars to
get rid of before summer or the swimming pool, hitting a wall until the knuckles bleed so the
head goes quiet, burning the arm with a lighter, not being able to stop, and a friend who shows
their thighs and makes the writer promise not to tell. Clothes, scars, walls and lighters are
ordinary one by one, so most themes are combinations (:mod:`.cumulative`) whose everyday
readings (a cold classroom, an operation, acne, boxing, a candle) clear them.
"""

from __future__ import annotations

from moderation.signals.cues import HOPELESS, INJURY, URGE, Cue, Profile, cues
from moderation.signals.cumulative import Combo, combo
from moderation.signals.model import SignalKind

_H = SignalKind.self_harm

# Hiding is the sign: a laugh ("ppl think im emo lmao") does not clear it, a game or a film does.
# Not negatable: "mag mijn littekens echt niet zien" is the sign, not a denial.
_HIDING = Profile(fiction=True, game=True, past=True)
# "Ik kan niet stoppen" holds its own "niet": only a habit named nearby ("met tiktok") clears it.
_CANNOT_STOP = Profile(fiction=True, game=True, habit=True)

_COVER = (
    r"\b(?:lange mouwen|lange mouw|trui|truien|truitje|hoodie\w*|vest|vestje|sweater\w*"
    r"|jas|long sleeves?|long sleeved|jacket|sweatshirt|jumper|armbanden|bracelets"
    r"|polsbandjes|wristbands|panty|leggings|lange broek|jeans|pants|sweatpants|joggingbroek)\b"
)
_BODY = (
    r"(?:arm|armen|arms?|pols|polsen|wrists?|dij|dijen|bovenbeen|bovenbenen|thighs?|onderarm\w*"
    r"|forearms?|been|benen|legs?|buik|stomach|heup\w*|hips?|huid|skin|hand|handen|hands?"
    r"|enkels?|ankles?|voet|voeten|feet|foot|schouders?|shoulders?|ribs|ribben|borst|chest)"
)
_MARKS = (
    r"\b(?:littekens?|krassen|krasjes|sneden|snijwond\w*|wondjes|wonden|lijntjes|streepjes"
    r"|scars?|marks|cuts|lines|wounds|brandwond\w*|burns)\b"
)
_HEAT = r"(?:zomer|summer|juli|juni|augustus|july|june|august|hitte|heat|warm|heet|hot|graden)"
_SUMMER_OR_SEEN = (
    r"\b(?:zomer|summer|zwembad|zwemmen|zwemles|pool|swim\w*|strand|beach|bikini|badpak"
    r"|swimsuit|korte mouwen|short sleeves|shorts|korte broek|gym|omkleden|kleedkamer"
    r"|changing room|juli|july|juni|june|festival|graden|degrees|hitte|heat|hot|heet|warm"
    r"|tropisch|zon|sun|sunny)\b"
)
_HIDE_OR_REMOVE = (
    r"\b(?:weg (?:krijgen|halen|gaan|te krijgen|te halen)|wegkrijgen|weghalen|get rid|fade"
    r"|vervagen|verbergen|verstoppen|verberg|verstop|bedekken|bedek|cover\w*|hide|hiding"
    r"|conceal\w*|make ?up|foundation|zien|ziet|see|sees|seeing|notice\w*|merken|merkt"
    r"|vragen|vraagt|ask|asks|asking)\b"
)
_NOT_SEEN = (
    r"\b(?:niemand|mijn ouders|mijn moeder|mijn vader|mama|papa|no one|noone|nobody|my parents"
    r"|my mom|my mum|my dad)\b(?: \S+){0,3} (?:mag|mogen|kan|can|can not|must not|should not"
    r"|may|hoeft|mag het) (?:\S+ ){0,4}(?:zien|weten|see|know|find out|merken)\b|\b(?:wil|want)"
    r" (?:\w+ )?(?:niet|not) (?:dat|that|for)? ?(?:\w+ ){0,2}(?:ziet|zien|weet|weten|see|sees"
    r"|know|knows|find out|finds out|to see|to know)\b|\b(?:so|zodat) (?:no one|nobody|noone"
    r"|niemand) (?:\w+ )?(?:sees|knows|notices|ziet|weet|merkt)\b"
)
_EXCUSE = (
    r"\b(?:zei|zeg|zeggen|gezegd|smoes\w*|excuus|excuse|doe alsof|deed alsof|said|say|says"
    r"|tell (?:them|everyone|people|her|him)|told (?:her|him|them|everyone|my \w+)|pretend\w*"
    r"|act like|claim\w*|lie|lied|lying|loog|lieg)\b(?: \S+){0,5} (?:koud|cold|chilly|freezing"
    r"|koukleum|it is my style|mijn stijl|gewoon lekker|comfy)\b|\b(?:vroeg|vragen|vraagt"
    r"|asked|asks|ask) (?:me |mij )?(?:\w+ )?(?:waarom|why)\b"
)
_OTHER_SCARS = (
    r"\b(?:acne|puist\w*|pimples?|operatie|geopereerd|surgery|blindedarm|appendix|keizersnede"
    r"|c ?section|ongeluk|accident|waterpokken|chickenpox|eczeem|eczema|stretch ?marks|striae"
    r"|tan ?lines|tan|zonnebrand|sunburn|tattoo\w*|piercing\w*|hond|kat|dog|cat|knie|knee"
    r"|kin|chin|gezicht|face|val|fall|fell|gevallen|brandwond van|keuken|oven|sport\w*)\b"
)
_COLD_WEATHER = (
    r"\b(?:want het is|because it is|since it is|omdat het|it is|het is) (?:\w+ )?(?:koud|cold"
    r"|freezing|ijskoud|fris)\b|\b(?:airco|ac|air con\w*|winter|regen|rain|snow|sneeuw|stijl"
    r"|style|aesthetic|fashion|outfit|merch|nieuwe|new)\b"
)
_TOOL = (
    r"(?:aansteker|aanstekers|lighter|lighters|lucifer\w*|matches|sigaret\w*|cigarettes?"
    r"|strijkijzer|stijltang|krultang|kaars|candle|heet (?:mes|metaal)|hot (?:knife|metal|spoon"
    r"|coin|key))"
)

SELF_HARM: list[Cue] = [
    *cues(
        _H,
        HOPELESS,
        # Covering the body "because of my arms", "zodat niemand het ziet".
        rf"{_COVER}(?: \S+){{0,8}} (?:because of|bc of|cuz of|vanwege|om|door|for|over) (?:mijn"
        rf"|my|her|his|haar|zijn) (?:\w+ )?(?:{_BODY}|littekens|scars|cuts|krassen|marks)\b",
        rf"{_COVER}(?: \S+){{0,8}} (?:to hide|to cover|om (?:\w+ ){{0,2}}te (?:verbergen|bedekken"
        r"|verstoppen)|zodat (?:niemand|ze|mensen|mijn \w+) (?:\w+ )?(?:niet )?(?:ziet|zien|merkt"
        r"|merken)|so (?:no one|nobody|noone|people|my \w+|they) (?:can not |do not |will not )?"
        r"(?:see|sees|notice|notices|ask|asks))\b",
        rf"{_COVER}\b(?: \S+){{0,3}} (?:in|bij|when|terwijl|als) (?:\w+ ){{0,2}}{_HEAT}\b"
        r"(?: \S+){0,8} (?:arms?|armen|polsen|wrists|scars|littekens|marks|krassen|emo)\b",
    ),
    *cues(
        _H,
        INJURY,
        # Hitting a wall until the knuckles bleed; the head goes quiet.
        r"\b(?:sla|slaat|sloeg|slaan|stomp|stompt|stompte|stompen|beuk|beukt|beukte|bonk|bonkt"
        r"|ram|ramt|ramde|punch\w*|hit|hits|hitting|slam\w*|smash\w*|bang\w*)\b (?:\w+ ){0,3}"
        r"(?:tegen|op|in|into|against|on) (?:de|een|mijn|het|the|a|my) (?:muur|muren|deur|kast"
        r"|wand|spiegel|vloer|wall|walls|door|mirror|floor)\b(?: \S+){0,8} (?:knokkels|knuckles"
        r"|bloed\w*|bleed\w*|bled|bloody|open|kapot|gebroken|broke|broken|blauw|swollen|dik"
        r"|opgezwollen|tot|until|till|stil|quiet|calm|rustig|numb|pijn|pain|head|hoofd|gedachten"
        r"|thoughts|loud|feel|voel|every time|elke keer|when it gets|als het)\b",
        r"\b(?:knokkels|knuckles)\b(?: \S+){0,3} (?:open|kapot|bloed\w*|bleed\w*|bled|bloody"
        r"|busted|split|gescheurd|geschaafd|ripped|liggen open)\b",
        # Pain as the only feeling left; a body that "does not look like anything anymore".
        r"\b(?:pijn|pain|hurt|hurts|hurting)\b(?: \S+){0,6} (?:voel ik|i feel|i can feel|ik voel)"
        r" (?:\w+ )?(?:tenminste |at least |wel |weer |eindelijk |finally )?(?:iets|something)\b",
        r"\b(?:armen?|arms?|bovenbenen|bovenbeen|dijen|dij|thighs?|polsen|wrists?|benen|legs?)"
        r" (?:zien|ziet|look|looks) (?:er )?(?:\w+ )?(?:niet meer uit|niet uit|terrible|horrible"
        r"|awful|like a mess|so bad|disgusting|vreselijk|verschrikkelijk)\b",
        # Burning with a lighter.
        rf"\b{_TOOL}\b(?: \S+){{0,6}} (?:op|on|tegen|against|over|along|onder|under|aan|to)"
        rf" (?:mijn|my|her|his|haar|zijn) (?:\w+ )?{_BODY}\b",
        rf"\b{_BODY}\b(?: \S+){{0,3}} (?:met|with) (?:een |de |het |mijn |a |the |my )?(?:\w+ )?"
        rf"{_TOOL}\b",
        rf"\b(?:brand|brandde|verbrand|burn|burned|burnt|burning)\w* (?:mezelf|myself|mijn \w+"
        rf"|my \w+|haar|her)(?: \S+){{0,4}} (?:met|with) (?:\w+ )?{_TOOL}\b",
        r"\b(?:verhit|opgewarmd|warm gemaakt|heated|heat up|heating)\b(?: \S+){0,4} (?:lepel|spoon"
        r"|munt|coin|sleutel|key|paperclip|schaar|metaal|metal|mes|knife)\b(?: \S+){0,6} (?:op"
        r"|on|tegen|against|gedrukt|pressed|press)\b",
    ),
    *cues(
        _H,
        _CANNOT_STOP,
        # "Ik kan niet stoppen", "I can't stop", with no habit named.
        r"\b(?:lukt (?:me|mij|het) (?:\w+ )?niet (?:meer )?om te stoppen|kan (?:\w+ )?niet (?:meer"
        r" )?(?:stoppen|ophouden)|kom er (?:\w+ )?niet (?:meer )?van ?af|can not stop|can not"
        r" quit|krijg (?:het|het gewoon) (?:\w+ )?niet (?:meer )?gestopt)(?= ?[.,!?]|$| (?:het|it"
        r"|ermee|doing it))",
    ),
]

COMBOS: tuple[Combo, ...] = (
    # Long sleeves at gym or in summer, and an excuse about being cold.
    combo(_H, _HIDING, _COVER, _SUMMER_OR_SEEN, _EXCUSE, clear=_COLD_WEATHER),
    # Avoiding short sleeves or swimming, with an excuse one has to tell.
    combo(
        _H,
        _HIDING,
        r"\b(?:not|niet|never|nooit) (?:\w+ ){0,3}(?:wear|dragen|aan) (?:\w+ )?(?:short sleeves"
        r"|korte mouwen|t ?shirts?|shorts|korte broek|bikini|badpak|swimsuit)\b|\b(?:do not|niet)"
        r" (?:\w+ )?(?:have to|hoef) (?:\w+ ){0,2}(?:wear|dragen|zwemmen|swim|omkleden|change)\b"
        r"|\b(?:niet|not) (?:\w+ )?mee (?:wil |te |kan )?zwemmen\b|\bskip\w* (?:\w+ )?(?:swimming"
        r"|pe|gym)\b|\bspijbel\w* (?:bij )?(?:gym|zwemmen)\b",
        r"\b(?:told|tell|said|say|zei|zeg|zeggen|smoes\w*|excuse|uitleggen|uit te leggen|leg ik"
        r" uit|explain|lie|lied|lieg|loog|pretend\w*|doe alsof|deed alsof)\b",
    ),
    # Scars to hide or get rid of before summer or the pool.
    combo(_H, _HIDING, _MARKS, _HIDE_OR_REMOVE, _SUMMER_OR_SEEN, clear=_OTHER_SCARS),
    # Scars nobody (or the parents) may see.
    combo(_H, _HIDING, _MARKS, _NOT_SEEN, clear=_OTHER_SCARS),
    # Doing "it" again and not being able to stop, or doing it hidden in the bathroom.
    combo(
        _H,
        URGE,
        r"\b(?:doe|deed|do|did|doing) (?:ik |i )?(?:het|it) (?:\w+ )?(?:weer|opnieuw|again)\b"
        r"|\b(?:weer|opnieuw) gedaan\b",
        r"\b(?:lukt (?:me|mij|het) (?:\w+ )?niet (?:meer )?om te stoppen|(?:kan|can) (?:\w+ )?"
        r"(?:niet|not) (?:meer )?(?:stoppen|stop|ophouden|quit)|wc|badkamer|toilet|bathroom"
        r"|elke keer|every time|telkens|zodra|whenever|promised (?:myself|mezelf)|beloofd"
        r"|(?:would|wanted to|tried to|trying to|promised to|zou|wilde|probeer\w*|wou) (?:\w+ )?"
        r"(?:stop|stoppen)|(?:na|after) (?:de|een|the|a) (?:ruzie|fight|argument))\b",
        clear=r"\b(?:eten|eat\w*|snoep|chips|gamen|gaming|roken|smok\w*|vap\w*|scroll\w*|tiktok"
        r"|nagel\w*|nails|lachen|laugh\w*|huilen|crying|kotsen|puke|poep\w*|plassen|pee|douchen"
        r"|shower|tanden|teeth)\b",
    ),
    # A friend shows their thighs or arms, and it is worse than thought or must stay secret.
    combo(
        _H,
        _HIDING,
        rf"\b(?:showed|show|shows|liet|laat|zag|saw|seen|gezien)\b(?: \S+){{0,3}} (?:\w+ )?"
        rf"{_BODY}\b",
        r"\b(?:worse|erger|so bad|zo erg|zo heftig|promise\w*|beloven|beloofd|niet (?:aan \w+ )?"
        r"(?:vertellen|zeggen)|not to tell|secret|geheim|cuts|scars|krassen|littekens|sneden"
        r"|bandages|pleisters|fresh|vers|verse)\b",
        clear=_OTHER_SCARS,
    ),
)

CUES: list[Cue] = SELF_HARM
