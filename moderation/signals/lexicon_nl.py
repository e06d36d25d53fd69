"""Dutch phrasings of suicide, self-harm and abuse, as young people write them.

Patterns run on the folded text (:mod:`.normalise`): lowercase, no diacritics, single spaces,
"mn" written as "mijn", "nie" as "niet", "kzie" as "ik zie". Punctuation is a token of its own,
so a filler like ``(?:\\w+ )`` never crosses a comma. Both word orders are covered where Dutch
has them: "hij slaat me" and "als hij me slaat", "ik wil dood" and "dat hij dood wil".
Third persons are included on purpose: "mijn vriendin wil dood" is a cue too.
"""

from __future__ import annotations

from moderation.signals.cues import (
    COERCION,
    DISCLOSURE,
    HARM,
    HARM_IDIOM,
    HOPELESS,
    INJURY,
    JUMP,
    PLAN,
    STRAIN,
    TOPIC,
    WEAK,
    WEAK_STRAIN,
    WISH,
    Cue,
    cues,
)
from moderation.signals.model import SignalKind

_S = SignalKind.suicide
_H = SignalKind.self_harm
_A = SignalKind.abuse

_ME = r"(?:mij|me|ons|haar|hem)"
_FAMILY = r"(?:moeder|mama|ma|zus|zusje|broer|broertje|vriendin|vader|papa)"
_PERSON = (
    r"(?:hij|ze|zij|die|vader|moeder|stiefvader|stiefmoeder|stiefpa|oom|broer|vriend|vriendje"
    r"|ex|opa|neef|man|trainer|leraar|docent)"
)
_HIT = (
    r"(?:slaat|sloeg|slaan|schopt|schopte|schoppen|stompt|stompte|wurgt|wurgde|duwt|duwde"
    r"|knijpt|mishandelt|mishandelde|misbruikt|misbruikte|verkracht|verkrachtte|bedreigt"
    r"|bedreigde)"
)
_HURT_DONE = (
    r"(?:geslagen|geschopt|mishandeld|misbruikt|verkracht|aangerand|bedreigd|gewurgd"
    r"|opgesloten|aangeraakt|betast|gedwongen)"
)
_PLACE = r"(?:brug|dak|flat|trein|spoor|balkon|gebouw|raam|metro|toren|perron)"
_PILLS = r"(?:pillen|medicijnen|medicatie|tabletten|paracetamol|slaappillen|oxazepam|meds)"

SUICIDE: list[Cue] = [
    *cues(
        _S,
        WISH,
        r"\b(?:wil|wilde|wou|willen|wilt)(?: ik| ze| hij| zij)?(?: gewoon| echt| zo graag"
        r"| liever| zo| eigenlijk| heel erg| soms| al| nu)* dood\b",
        r"\bdood (?:wil|wilt|willen|wilde|wou)\b",
        r"\bdood (?:te )?willen(?: gaan)?\b",
        r"\bwas ik (?:maar )?dood\b",
        r"\b(?:me|mezelf|zichzelf) (?:van kant|van het leven|het leven) (?:te )?"
        r"(?:maken|beroven|benemen)\b",
        r"\b(?:van kant|van het leven) (?:te )?(?:maken|beroven)\b",
        r"\buit het leven (?:te )?stappen\b",
        r"\b(?:me|mezelf|zichzelf) (?:\w+ )?(?:ophangen|op te hangen|opgehangen|opknopen"
        r"|op te knopen)\b|\bophangen aan\b",
        r"\b(?:einde|eind) aan (?:mijn|haar|zijn|het|hun) (?:leven|bestaan)\b",
        r"\b(?:einde|eind) aan alles (?:maken|maakt|te maken|maak|willen maken)\b",
        r"\ber (?:een )?(?:einde|eind) aan (?:te |willen )?maken\b",
    ),
    *cues(
        _S,
        HOPELESS,
        r"\b(?:wil\w*|ik)(?: gewoon| echt| ook)? niet (?:meer )?(?:leven|verder|bestaan)\b",
        r"\b(?:wou|wilde|wil) dat ik (?:dood|er niet meer|nooit geboren) \w+",
        r"\b(?:nooit|niet) meer (?:wakker (?:te )?(?:worden|word)|opstaan|op te staan)\b",
        r"\bhoop (?:dat )?(?:ik )?(?:\w+ ){0,3}(?:niet|nooit) meer wakker\b",
        r"\bals ik er (?:\w+ ){0,2}niet (?:meer )?(?:ben|was|zou zijn)\b",
        r"\bmoe (?:van|om te) (?:het )?leven\b|\b(?:zat|beu|moe) van (?:het |mijn )?leven\b",
        r"\bverdien (?:het )?niet (?:om )?te leven\b|\bverdien (?:het )?(?:om )?(?:dood te gaan"
        r"|te sterven)\b",
        r"\b(?:blij|blijer|beter|opgelucht|rustiger|gelukkiger)\b(?: \w+){0,3} als ik (?:er )?"
        r"(?:\w+ )?(?:weg|dood|niet meer|nooit geboren)(?: \w+)? (?:was|ben|zou zijn|waren)\b",
        r"\bdenk (?:niet|nie) dat ik er (?:\w+ ){0,2}(?:nog )?(?:ben|zal zijn)\b",
        r"\bik er (?:\w+ )?niet meer (?:ben|was|zou zijn|wil zijn|zijn)\b",
        r"\b(?:ben|was) ik er (?:\w+ )?niet meer\b",
        r"\bwil\w* (?:ik |ze |hij )?er (?:gewoon |echt |eigenlijk )?niet meer (?:zijn|wezen)\b",
        r"\ber niet meer (?:wil|wilt|willen) zijn\b",
        r"\bwil\w*(?: gewoon| echt)? niet meer(?= ?[.,!?]|$)",
        r"\bzie (?:het|het leven|alles) (?:\w+ ){0,2}niet (?:meer )?zitten\b"
        r"(?! om\b| met\b| dat\b| als\b| zo\b| voor\b)",
        r"\bwat heeft (?:het|dit|mijn leven|het leven|alles|leven)(?: \w+){0,2} (?:nog )?voor"
        r" (?:zin|nut)\b(?! om (?!te leven|door te gaan|verder te))",
        r"\b(?:leven|het|alles|bestaan) heeft (?:\w+ )?(?:geen|weinig) (?:zin|nut)(?: meer)?\b",
        r"\bgeen zin meer in (?:het |mijn )?leven\b",
        r"\b(?:alles|leven|mijn leven|het leven) is (?:\w+ )?zinloos\b",
        r"\bbeter af (?:zonder (?:mij|me)\b|als ik (?:er )?(?:niet meer|niet|weg|dood|nooit)\b)",
        r"\bniemand (?:\w+ ){0,2}(?:me|mij|mijn) (?:zou |gaat )?(?:missen|mist)\b",
        r"\bniemand (?:\w+ ){0,3}(?:merken|merkt|missen|mist|opvallen)"
        r"(?= als ik| wanneer ik| dat ik weg| dat ik er)",
        r"\b(?:een )?last (?:voor|van) (?:iedereen|mijn|jullie|de mensen)\b",
        r"\bben (?:alleen maar |maar |gewoon |echt )?een last\b",
        r"\bgeen toekomst (?:meer|voor mezelf|voor mij)\b",
        r"\b(?:ben het|ben) (?:zat|beu) om te leven\b|\bhet leven (?:zat|beu)\b|\blevensmoe\b",
        r"\b(?:voorgoed|voor altijd) (?:weg|verdwijnen|slapen(?! in\b| op\b| bij\b))\b"
        r"|\bverdwijnen (?:voorgoed|voor altijd)\b|\bweg van alles (?:voorgoed|voor altijd)\b",
        r"\bwaarom (?:leef|besta) ik (?:eigenlijk |nog )*(?:nog)?\b|\bwaarom ben ik er"
        r" (?:eigenlijk )?nog\b",
        r"\bgeen (?:uitweg|reden om te leven)\b|\benige uitweg\b",
        r"\bgeen (?:reden|zin|kracht|energie) (?:meer )?om (?:door te gaan|verder te gaan"
        r"|te leven|te blijven leven)\b",
        r"\bbeter (?:is |zou zijn )?als ik (?:gewoon )?(?:stop|ophoud)(?= ?[.,!?]|$| met leven)",
        r"\b(?:niet|nooit) (?:meer )?wakker (?:word|worden)\b(?: \w+){0,3} (?:ook goed|prima"
        r"|niet erg|maakt niet uit|fijn)\b",
        r"\bwat ik mezelf (?:\w+ )?(?:aandoe|aan zou doen|aan kan doen)\b",
        r"\b(?:denk|dacht|denken) (?:\w+ ){0,2}aan (?:er )?niet meer (?:zijn|leven|bestaan)\b",
        r"\b(?:alles|leven|mijn leven|het leven) (?:voelt|lijkt) (?:\w+ )?(?:zinloos|nutteloos)\b",
    ),
    *cues(
        _S,
        STRAIN,
        r"\bik trek (?:het|dit|alles) (?:\w+ )?niet meer\b",
    ),
    *cues(
        _S,
        WEAK_STRAIN,
        r"\bik kan (?:het |dit )?(?:echt |gewoon )?niet meer(?= ?[.,!?]|$)",
        r"\bhou (?:het|dit) (?:\w+ )?niet meer vol\b",
        r"\bik wil (?:gewoon |echt |hier )?weg(?= ?[.,!?]|$)",
        r"\b(?:kan|zou) (?:het )?niemand (?:het |iets )*(?:schelen|boeien)\b"
        r"|\bniemand (?:\w+ ){0,2}(?:iets )?(?:kan|zou) (?:het )?(?:schelen|boeien)\b",
        r"\balsof ik (?:verdwijn|er niet ben|niet besta|onzichtbaar ben)\b",
        r"\bhoor (?:er )?(?:gewoon )?(?:niet|nergens) (?:meer )?bij\b",
        r"\ben dan is het (?:klaar|voorbij|over)\b",
        r"\bheb (?:ze|het|die|dat) (?:toch )?niet meer nodig\b",
        r"\bhoe lang ik (?:dit|het) (?:nog )?(?:volhoud|vol hou|trek)\b",
    ),
    *cues(
        _S,
        WISH,
        r"\bdenk (?:\w+ ){0,2}aan (?:doodgaan|dood gaan|de dood|dood zijn|sterven)\b",
        r"\bhoop (?:dat )?(?:ik )?(?:\w+ ){0,3}(?:doodga|dood ga|dood te gaan|verongeluk"
        r"|aangereden word|overreden word)\b",
    ),
    *cues(
        _S,
        PLAN,
        r"\bafscheids(?:brie\w*|bericht\w*|video\w*)"
        r"|\bafscheid (?:\w+ ){0,2}(?:genomen|nemen) van (?:iedereen|mijn)\b",
        rf"\b{_PILLS}\b(?: \w+){{0,4}} (?:gespaard|verzameld|opgespaard|klaarliggen"
        r"|klaar liggen|klaargelegd|gehamsterd)\b",
        rf"\b(?:gespaard|verzameld|opgespaard)\b(?: \w+){{0,3}} {_PILLS}\b",
        r"\btouw (?:gekocht|gehaald|klaar)\b|\bstrop\b",
        rf"\b(?:nam|genomen|geslikt|ingenomen|slik|slikte)\b(?: \w+){{0,2}} (?:een hele? (?:strip"
        rf"|doos|pot)|veel te veel|alle|heel veel|een hoop|\d{{2,}}) (?:\w+ )?{_PILLS}\b",
        rf"\b(?:al mijn|alle|een hele? (?:strip|doos|pot)|veel te veel|heel veel|\d{{2,}})"
        rf" (?:\w+ )?{_PILLS}\b(?: \w+){{0,2}} (?:innemen|in te nemen|nemen|te nemen|slikken"
        r"|te slikken|genomen|geslikt|ingenomen)\b",
        acute=True,
    ),
    *cues(
        _S,
        JUMP,
        rf"\b(?:van|voor|uit|af|op) (?:de|het|een|die|dat|mijn) {_PLACE}\b(?: \w+){{0,8}}"
        r" (?:springen|spring|springt|te springen)\b",
        rf"\b(?:springen|spring|springt)\b(?: \w+){{0,2}} (?:van|voor|uit|af) (?:de|het|een|die)"
        rf" {_PLACE}\b",
        r"\bsta (?:nu )?(?:op|bij) (?:de|het) (?:brug|dak|spoor|rand)\b",
        r"\b(?:brug|flat|gebouw|dak|hoogte|verdieping|toren)\w*\b(?: \w+){0,4} hoog genoeg\b"
        r"|\bhoog genoeg (?:is )?om (?:te springen|dood te gaan|eraf)\b",
        rf"\b{_PILLS}\b(?: \w+){{0,4}} (?:in een (?:doosje|zakje|la)|bij elkaar|verstopt"
        r"|apart gelegd)\b",
        r"\b(?:laatste|allerlaatste) (?:bericht|berichtje|brief)\b(?: \S+){0,8} (?:klaar|voorbij"
        r"|einde|afscheid)\b",
        r"\b(?:wapen|pistool|mes|touw|pillen)\b(?: \S+){0,10} (?:tegen|op) (?:mezelf|zichzelf)\b",
    ),
    *cues(
        _S,
        PLAN,
        r"\boverdosis\b",
        rf"\bhoeveel (?:\w+ ){{0,2}}{_PILLS}\b(?: \w+){{0,4}} (?:dodelijk|nodig|dood|om te)\b",
        r"\bpijnloos (?:dood|sterven|doodgaan)\b",
        r"\b(?:manieren|manier|methodes?) om (?:\w+ )?(?:dood te gaan|te sterven|mezelf)\b",
        r"\b(?:mijn|al mijn) (?:spullen|dingen|kleren|bezittingen) (?:\w+ ){0,2}weggegeven\b",
    ),
]

SELF_HARM: list[Cue] = [
    *cues(
        _H,
        INJURY,
        r"\b(?:snij|snijd|snijdt|sneed|kras|krast|kraste|brand|brandt|verbrand|sla|slaat|sloeg"
        r"|beschadig|beschadigt|verwond|bijt)(?: ik| hij| ze)? (?:mezelf|mijzelf|zichzelf)\b",
        r"\b(?:mezelf|mijzelf|zichzelf|haarzelf|hemzelf)(?: \w+){0,2} (?:snijden|gesneden"
        r"|te snijden|krassen|gekrast|te krassen|branden|gebrand|verbranden|verbrand|slaan"
        r"|geslagen|te slaan|beschadigen|beschadigd|pijn doen|pijn te doen|pijn gedaan|snijdt"
        r"|snijd|snij|krast|kras|brandt|slaat|beschadigt|verwondt|straffen|te straffen"
        r"|iets aan (?:te )?doen|iets aangedaan|iets aandoe|iets aandoet|iets aandoen|wat aandoe"
        r"|verwonden|verwond)\b",
        r"\b(?:doe|doet|deed|doen) (?:me|mij|mezelf|mijzelf|zichzelf) (?:\w+ )?pijn\b",
        r"\b(?:heb|had)(?: me| mij)?(?: weer| opnieuw| vandaag| gisteren| expres| net| al)*"
        r" (?:gesneden|gekrast)\b",
        r"\b(?:weer|opnieuw) (?:gesneden|gekrast)\b",
        r"\b(?:begonnen|beginnen|begin|gestart|start) (?:\w+ )?met (?:snijden|krassen"
        r"|zelfbeschadiging|mezelf)\b",
        r"\bstraf (?:ik )?mezelf\b",
        r"\b(?:in|op) (?:mijn|haar|zijn) (?:arm|armen|benen|been|pols|polsen|dijen|dij|buik|huid)\b"
        r"(?: \w+){0,2} (?:gesneden|gekrast|gebrand|snijden|krassen|snijd|snijdt|kras|krast)\b",
        r"\b(?:gesneden|gekrast|gebrand|snijd|snijdt|kras|krast|krassen|snijden) (?:in|op)"
        r" (?:mijn|haar|zijn) (?:arm|armen|benen|been|pols|polsen|dijen|dij|buik|huid)\b",
        r"\b(?:verse|nieuwe|diepe) (?:sneden|wondjes|wonden|krassen|snijwonden)\b",
        r"\b(?:scheermes\w*|mesje|mesjes)\b(?: \w+){0,2} (?:op|in|over) (?:mijn|haar|zijn)"
        r" (?:armen|benen|dijen|polsen|buik|huid)\b",
        r"\b(?:gesneden|gebrand|gekrast|verbrand|geslagen|gekrabd|snij|kras|brand)\b(?: \w+){0,3}"
        r" (?:expres|opzettelijk|met opzet|bewust)\b|\b(?:expres|opzettelijk|met opzet)\b"
        r"(?: \w+){0,3} (?:gesneden|gebrand|gekrast|verbrand|pijn gedaan)\b",
        r"\bjezelf (?:\w+ )?(?:pijn (?:te )?doen|te snijden|snijden|te krassen|krassen"
        r"|te beschadigen)\b",
        r"\bik (?:snij|snijd|kras) (?:weer|nog steeds|al|elke|soms|vaak|iedere)\b",
        r"\b(?:zin|drang|behoefte) (?:om|in) (?:\w+ ){0,2}(?:te )?(?:snijden|krassen)\b",
        r"\b(?:armen|arm|benen|been|polsen|pols|dijen|huid)\b(?: \w+){0,2} (?:vol|onder de)"
        r" (?:krassen|sneden|wondjes|wonden|brandwonden|littekens)\b",
        r"\b(?:krassen|sneden|wondjes) op (?:mijn|haar|zijn) (?:armen|benen|pols|polsen|dijen)\b",
        r"\b(?:bonk|bonken|sla|slaan|ram|rammen|beuk|beuken)\w* (?:mijn|zijn|haar) hoofd tegen\b",
        r"\b(?:krab|krabben|krabde|pulk\w*)\b(?: \w+){0,3} (?:open|tot (?:het|ze|ik) bloed\w*)\b",
        r"\btot (?:het|ze|hij) (?:gaat )?bloed(?:t|en|de)\b",
    ),
    *cues(
        _H,
        HOPELESS,
        r"\blange mouwen\b(?: \w+){0,4} (?:zodat|zo dat|omdat|want) (?:niemand|ze|mijn|mensen"
        r"|niet)\b|\blange mouwen (?:in de zomer|terwijl het (?:warm|heet))\b",
        r"\bniemand (?:\w+ ){0,2}(?:mijn|haar|zijn) (?:armen|polsen|benen|littekens|wondjes)"
        r" (?:mag |kan )?(?:ziet|zien)\b",
        r"\bverdien (?:de |het )?pijn\b|\bverdien het (?:om )?(?:pijn|te lijden)\b",
        r"\b(?:pleisters|verband|wondjes|littekens|krassen|sneden)\b(?: \w+){0,4} (?:verstoppen"
        r"|verbergen|verstop|verberg|bedekken|bedek)\b|\b(?:verstop|verberg|bedek)\w* (?:\w+ ){0,2}"
        r"(?:pleisters|wondjes|littekens|krassen|sneden)\b",
        r"\bpijn helpt\b(?= ?[.,!?]|$| me (?:om|te|bij))|\bom (?:weer )?iets te voelen\b",
    ),
    *cues(
        _H,
        PLAN,
        r"\b(?:verstop|bewaar|verberg|heb)\w* (?:\w+ ){0,2}(?:mesjes|scheermesjes|scheermes)\b",
    ),
    *cues(
        _H,
        WEAK,
        r"\bik heb het (?:weer|opnieuw) gedaan\b",
        r"\b(?:mijn|haar|zijn) (?:arm|armen|pols|polsen|dij|dijen|been|benen) (?:bloedt|bloeden)\b",
    ),
    *cues(_H, TOPIC, r"\bzelfbeschadig\w*|\bzelfverwond\w*|\bautomutil\w*"),
]

ABUSE: list[Cue] = [
    *cues(
        _A,
        HARM,
        rf"(?<!\bik ){_HIT}(?: \w+)? (?:{_ME}|mijn {_FAMILY})\b",
        rf"\b{_PERSON}(?: \w+)? {_ME} (?:\w+ )?(?:slaat|sloeg|slaan|schopt|schopte|mishandelt"
        r"|misbruikt|verkracht|pijn doet|pijn deed|iets aandoet)\b",
        rf"\b(?:word|wordt|werd|ben|worden|werden)(?: \w+){{0,3}} {_HURT_DONE}\b",
        rf"\b(?:heeft|hebben|had)(?: \w+){{0,2}} {_ME} (?:\w+ ){{0,4}}{_HURT_DONE}\b",
        r"\bdoet (?:rare |enge )?dingen (?:met|bij) (?:mij|me)\b",
        r"\bzit(?:ten|te)? (?:\w+ )?aan (?:me|mij|mijn (?:lichaam|borsten|billen|benen|kont))\b"
        r"|\baan (?:me|mij) (?:zitten|gezeten)\b|\bbetast\w*",
        r"\bkom\w* s nachts (?:\w+ )?(?:in |op |naar )?(?:mijn) (?:kamer|bed|slaapkamer)\b",
        r"\bkom\w* (?:\w+ )?(?:in |op )?mijn (?:kamer|bed|slaapkamer)(?: \w+){0,3}"
        r" (?:s nachts|als (?:iedereen|mijn moeder|ik) (?:slaapt|slaap))\b",
        r"\b(?:dwingt|dwong|dwingen|dwongen) (?:me|mij|haar|hem|ons)\b"
        r"|\b(?:me|mij|haar) (?:\w+ )?gedwongen\b|\bgedwongen (?:tot|om) (?:\w+ )?seks",
        r"\b(?:naaktfoto\w*|nudes|naakt\w* fotos?)\b(?: \w+){0,6} (?:verspreid\w*|delen|deelt"
        r"|sturen|stuur|doorsturen|online|posten|laten zien)\b",
        r"\b(?:verspreid\w*|delen|deelt|sturen|stuur|doorsturen|posten)(?: \w+){0,4}"
        r" (?:naaktfoto\w*|nudes)\b",
        r"\bchant\w*",
        r"\b(?:dreigt|dreigde|bedreigt|bedreigde)\b(?: \w+){0,4} (?:te (?:verspreiden|delen"
        r"|vermoorden|slaan)|me (?:te )?(?:slaan|vermoorden|pijn)|dat (?:hij|ze))\b",
        r"\b(?:zegt|zei|dreigt)(?: \w+){0,2} dat (?:hij|ze) (?:me|mij) (?:\w+ )?(?:vermoordt"
        r"|vermoord|slaat|pijn doet|iets aandoet|doodmaakt)\b",
        r"\b(?:man|vent|gast|jongen|kerel|meneer) van (?:[2-6]\d)\b(?: \S+){0,20}"
        r" (?:ik ben|ben pas) 1[0-7]\b",
        r"\bik ben (?:pas )?1[0-7]\b(?: \S+){0,20} (?:man|vent|gast|kerel|meneer) van [2-6]\d\b",
        r"\b(?:sluit|sluiten|sloot|sloten) (?:me|mij|ons)(?: \w+){0,4} op\b"
        r"|\b(?:me|mij) (?:\w+ ){0,2}opgesloten\b|\bopgesloten (?:in|op) mijn kamer\b",
        r"\bbang (?:om|voor) (?:\w+ )?(?:naar huis|thuis)\b",
        r"\bbang (?:voor|dat) (?:mijn \w+|hij|ze)\b(?: \w+){0,2} (?:me|mij)"
        r" (?:\w+ )?(?:slaat|pijn doet|vermoordt|iets aandoet)\b",
        r"\b(?:gooit|gooide|gooien|smijt|smeet) (?:\w+ ){0,2}(?:naar (?:me|mij|ons|mijn hoofd)"
        r"|met (?:spullen|dingen|borden|stoelen))\b",
        r"\b(?:agressief|gewelddadig)\w*\b(?: \w+){0,2} (?:tegen|naar|op) (?:mij|me|ons|haar|hem"
        r"|mijn \w+)\b",
        r"\b(?:drinkt|gedronken|dronken|zuipt|bezopen)\b(?: \S+){0,6} (?:agressief|gewelddadig"
        r"|slaat|slaan|schopt)\b",
    ),
    *cues(
        _A,
        HARM_IDIOM,
        r"\bklappen (?:krijg|krijgen|kreeg|gehad)\b|\b(?:krijg|krijgen|kreeg) (?:\w+ )?(?:klappen"
        r"|slaag|een pak slaag|een klap)\b",
    ),
    *cues(
        _A,
        HARM,
        r"\bvoor de deur\b(?: \S+){0,5} (?:bang|angst)\b|\b(?:bang|angst)\b(?: \S+){0,5}"
        r" voor de deur\b",
        acute=True,
    ),
    *cues(
        _A,
        COERCION,
        r"\b(?:mag|moet) (?:het )?(?:aan )?(?:niemand|niet) (?:\w+ )?(?:vertellen|zeggen)\b"
        r"|\bons (?:kleine )?geheim(?:pje)?\b",
        r"\b(?:zegt|zei|zeggen)(?: \w+){0,2} dat ik (?:het |dit )?(?:aan )?(?:niemand|niet)"
        r"(?: aan \w+)? (?:mag|mocht|moet) (?:zeggen|vertellen)\b",
        r"\bdingen (?:\w+ )?(?:doen )?die ik (?:niet|nooit) wil(?:de|den)?\b",
        r"\b(?:fotos|foto|filmpjes|filmpje|video|videos|nudes)\b(?: \S+){0,10} (?:als ik (?:niet"
        r"|geen)|tenzij ik)\b",
        r"\bals ik niet doe wat (?:hij|ze|zij) (?:zegt|wil)\b",
        r"\bdurf (?:\w+ )?(?:niet|nooit) (?:meer )?(?:naar huis|thuis)\b",
        r"\b(?:zegt|zeggen|zei|zeiden|noemt|noemen|roept|roepen|schreeuwt|schreeuwen)(?: \w+){0,3}"
        r" (?:dat ik|me|mij) (?:\w+ ){0,2}(?:beter nooit geboren|nooit geboren had|dood moet"
        r"|dood mag|waardeloos ben|niets waard|een fout ben|een vergissing)\w*",
        r"\b(?:moest|moet|moesten) van (?:mijn \w+|hem|haar)\b(?: \w+){0,4} (?:dingen|seks|fotos"
        r"|naaktfotos)\b",
    ),
    *cues(
        _A,
        DISCLOSURE,
        r"\b(?:aanrand\w*|aangerand|verkrachting\w*|verkracht\w*|mishandel\w*|seksueel"
        r" (?:misbruik|geweld|overschrijdend)\w*|huiselijk geweld|incest|loverboy\w*)",
        r"\bmisbruik(?:t|te|ten)?\b(?! maken| van)|\bmisbruikt\b",
    ),
]

CUES: list[Cue] = [*SUICIDE, *SELF_HARM, *ABUSE]
