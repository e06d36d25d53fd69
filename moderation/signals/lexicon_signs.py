"""Warning signs that do not name the risk, in Dutch and English: themes rather than sentences.

The phrase lexicons (:mod:`.lexicon_nl`, :mod:`.lexicon_en`) hold what people say of wanting to
die, of cutting or of being hit. Young people in crisis often say something else: they say
goodbye, write letters, give their things or their pet away, look up how high a bridge is, say
the urge is back, or explain a friend's marks or a brother's bruises with a story they do not
believe. A blind test set showed whole families of such messages with no entry at all, so each
theme here is written broadly, for the many ways a teenager would put it, in both languages at
once (the two are mixed in practice), and each names the everyday reading that clears it (a
"tot morgen", a move, a sale, "relapsed on sugar", sport) through its profile.
"""

from __future__ import annotations

from moderation.signals.cues import (
    BLADE,
    BRUISE,
    COERCION,
    FAREWELL,
    HOPELESS,
    INJURY,
    JUMP,
    SETTLING,
    STRAIN,
    URGE,
    WEAK_STRAIN,
    Cue,
    cues,
)
from moderation.signals.model import SignalKind

_S = SignalKind.suicide
_H = SignalKind.self_harm
_A = SignalKind.abuse

_BYE = (
    r"(?:doei\w*|vaarwel|dag (?:allemaal|iedereen|lieve \w+|mensen|jongens)|bye|byee|bye bye"
    r"|goodbye|good bye|farewell|adios|ciao"
    r"|tot ooit|peace out|xoxo|laters)"
)
_PARTING = (
    r"(?:bedankt voor alles|dank (?:je |jullie )?voor alles|thanks? (?:you )?(?:so much )?for"
    r" everything|thx for everything|sorry (?:voor|for) (?:alles|everything)|hou van jullie"
    r"|ik hou van (?:je|jou|jullie)|i love you|(?:ik )?(?:ga|zal) jullie (?:zo )?missen"
    r"|i will miss you (?:all|guys)|love you (?:all|guys|so much)|vergeet me niet"
    r"|do not forget me|remember me|onthoud me|pas goed op (?:jezelf|elkaar)"
    r"|take care of (?:yourselves|each other)|(?:ty|thanks|thank you|thx|bedankt|dank je|dankjewel)"
    r"(?: \S+){0,2} (?:for being there|for always being there|dat jullie er (?:altijd )?(?:waren"
    r"|zijn)))"
)
_RECIPIENT = (
    r"(?:(?:mijn|my) (?:little |kleine |big |grote |older |younger |lieve )?(?:ouders|parents"
    r"|moeder|mama|mom|mum|vader|papa|dad|familie|family|zus"
    r"|zusje|sister|broer|broertje|brother|vrienden|vriendinnen|friends|bestie|beste \w+|best"
    r" \w+|\w+ en (?:mijn|my) \w+)|iedereen|everyone|everybody|jullie|you all|each of (?:you"
    r"|them)|ieder van jullie)"
)
_LETTER = r"(?:brief|briefje|brieven|briefjes|letters?|notes?|kaartje)"
_PET = (
    r"(?:mijn|my) (?:kat|katten|poes|hond|konijn|cavia|hamster|huisdier\w*|paard|vissen|cat|cats"
    r"|kitty|dog|bunny|rabbit|guinea pig|pets?|fish|horse)"
)
_LOOKUP = (
    r"(?:opgezocht|opzoeken|op te zoeken|zoek\w*|gegoogel\w*|gegoogl\w*|googel\w*|googl\w*"
    r"|looked|looking|look|looks|searched|searching|checked|checking|check|research\w*"
    r"|uitgezocht|uitzoeken|uitgerekend|calculat\w*)"
)
_HIGH_PLACE = (
    r"(?:brug|bridge|flat|flatgebouw|gebouw|building|dak|roof|parkeergarage|parking (?:garage"
    r"|deck)|toren|tower|klif|cliff|balkon|balcony|viaduct|overpass|hoogbouw|skyscraper"
    r"|wolkenkrabber|apartment|kade|pier)"
)
_BODY = (
    r"(?:arm|armen|arms?|pols|polsen|wrists?|dij|dijen|bovenbeen|bovenbenen|thighs?|onderarm\w*"
    r"|forearms?|heup\w*|hips?|buik|stomach|belly|enkels?|ankles?)"
)
_MARKS = (
    r"(?:krassen|krasjes|sneden|snijwond\w*|wondjes|wonden|littekens|streepjes|lijntjes|marks"
    r"|cuts|scratches|scars|lines|wounds|brandwond\w*|burns|pleisters|bandages|band ?aids)"
)
_BRUISE = (
    r"(?:blauwe plek\w*|blauw oog|blauwe ogen|dikke lip|striemen|bruis\w*|black eyes?|split lip"
    r"|welts)"
)
_ELDER = (
    r"(?:papa|pa|vader|mama|ma|moeder|stiefvader|stiefmoeder|stiefpa|ouders|oom|opa|vriend"
    r"|vriendje|dad|daddy|father|mom|mum|mother|stepdad|stepmom|parents|uncle|grandpa"
    r"|boyfriend|he|hij|she|ze|zij)"
)
_ANGER = (
    r"(?:boos|kwaad|woedend|razend|driftig|ontplofte|ontploft|dronken|gedronken|angry|mad"
    r"|furious|pissed|temper|drunk|lost it|snapped|flipped|gets? upset|slaat|sloeg|hits?|hit)"
)
_PARTNER = (
    r"(?:mijn (?:vriend|vriendje|vriendin|partner|ex)|my (?:boyfriend|girlfriend|partner|ex)"
    r"|he|she|hij|zij)"
)

SUICIDE: list[Cue] = [
    *cues(
        _S,
        FAREWELL,
        r"\b(?:was|it was|it has been|been|het was) (?:echt )?(?:leuk|fijn|mooi|nice|good|great"
        r"|lovely|an honou?r|a pleasure) (?:om )?(?:jullie|you all|you guys|yall)"
        r"(?: allemaal)? (?:te )?(?:kennen|knowing|to know|to have known)\b"
        r"|\bnice knowing (?:you all|you guys|yall|everyone)\b",
        rf"\b{_PARTING}\b(?: \S+){{0,8}} {_BYE}\b|\b{_BYE}\b(?: \S+){{0,8}} {_PARTING}\b",
        r"\b(?:jullie|you|je) (?:guys |all |allemaal )?(?:horen|zien|hoort|ziet|will not"
        r"|are not going to|will never"
        r"|never) (?:\w+ ){0,2}(?:nooit meer|niets meer|niks meer|hear from me|see me) ?(?:van"
        r" (?:me|mij)|again|anymore|ever again)\b",
        acute=True,
    ),
    *cues(
        _S,
        SETTLING,
        rf"\b{_LETTER}\b(?: \S+){{0,4}} (?:voor|aan|for|to) {_RECIPIENT}\b"
        rf"|\b(?:voor|aan) {_RECIPIENT}(?: \S+){{0,2}} (?:een |de )?{_LETTER}\b",
        acute=True,
    ),
    *cues(
        _S,
        SETTLING,
        r"\b(?:al mijn|alle|mijn hele|mijn favoriete|mijn lievelings\w*|all my|all of my|my"
        r" favou?rite|most of my|everything i)\b(?: \S+){0,5} (?:weggegeven|weggeven|weg te geven"
        r"|weg gegeven|gegeven|geven|verdeeld|uitgedeeld|away|gave|given|giving)\b"
        r"|\b(?:gave|given|giving|give|geef|gaf|geven|gegeven)(?: \S+){0,4} (?:all my|all of my"
        r"|everything|alles|al mijn|my favou?rite)\b",
        r"\b(?:mijn|my) (?:spullen|stuff|things|belongings|dingen|kleren|clothes)\b(?: \S+){0,4}"
        r" (?:verdeeld|weggegeven|uitgedeeld|given away|gave away|divided|split)\b"
        r"|\b(?:mogen|mag|can|may) (?:\w+ )?(?:alles|all my stuff|everything) (?:houden|hebben"
        r"|keep|have)\b",
        rf"\b(?:gave|given|giving|give|geef|gaf|geven|gegeven|weggegeven)\b(?: \S+){{0,6}}"
        rf" {_PET}\b(?= (?:to|away|aan|weg|and|en)\b| ?[,.!?]|$)",
        rf"\b(?:zorg|zorgen|zorgt|pas|passen|past|take care|look after|looking after|watch)"
        rf"(?: \S+){{0,3}} (?:voor|op|of)? ?{_PET}\b(?: \S+){{0,4}} (?:voor mij|for me|voor altijd"
        r"|forever|from now on|vanaf nu|als ik er niet|when i am gone|if anything happens"
        r"|als er iets)\b",
        rf"\b(?:voor altijd|forever|from now on|vanaf nu)(?: \S+){{0,2}} (?:voor|op|of|after)"
        rf" {_PET}\b",
        r"\b(?:take care of|look after|zorg (?:goed )?voor|pas (?:goed )?op) (?:them|it|him|her"
        r"|ze|het|hem|haar|alles|everything)(?: \S+)? (?:for me|voor mij)\b",
    ),
    *cues(
        _S,
        WEAK_STRAIN,
        r"\b(?:made up my mind|my mind is made up|i have decided|ik heb (?:het )?besloten"
        r"|besluit (?:is genomen|staat vast)|ik weet het zeker)(?= ?[.,!?]|$)",
        r"\b(?:figur\w*|figure|work\w* out|decid\w*|pick\w*|choos\w*|plann\w*)(?: out)? (?:when"
        r"|the (?:day|date|time)|a (?:day|date))(?= ?[.,!?]|$)",
        r"\b(?:alleen|nog) (?:\w+ ){0,2}(?:wanneer|welke dag|de datum)(?= ?[.,!?]|$)",
        r"\b(?:know|weet) (?:\w+ )?(?:how|hoe|when|wanneer) (?:i am going to |i will "
        r"|ik het (?:ga )?)"
        r"(?:do it|doen|doe)\b",
        r"\b(?:hoeft|hoef|mag) (?:\w+ ){0,2}niet te weten waarom\b|\bdo not ask why\b"
        r"|\byou will understand (?:later|one day|someday)\b|\b(?:zult|zal|gaat) (?:het )?"
        r"(?:later|ooit) (?:wel )?(?:begrijpen|snappen)\b",
    ),
    *cues(
        _S,
        STRAIN,
        r"\b(?:can not|could not|will not|do not want to|not going to)(?: \w+){0,2} (?:do|take"
        r"|handle|survive|face|go through|live|last|see|celebrate)(?: \w+){0,2} (?:another"
        r"|one more|a whole|a full|my next|next) (?:year|years|birthday|christmas|summer)\b",
        r"\b(?:will not|not going to|do not think i will|never going to) (?:make it|live|be alive"
        r"|survive|see|be around|be here)(?: \w+)? (?:to|until|till|til|past|through|for)?"
        r" ?(?:my (?:next |\w+ )?"
        r"birthday|next year|new year|christmas|18|eighteen|my 18th)\b"
        r"(?! (?:dinner|party|parties|market|eve|concert|game))",
        r"\b(?:nog|weer|niet nog) (?:een |1 )?(?:heel |hele )?(?:jaar|zomer|verjaardag|kerst)\b"
        r"(?: \w+){0,3} (?:trek ik|hou ik|houd ik|overleef ik|kan ik|red ik|haal ik)"
        r"(?: \w+)? (?:niet|nooit)\b",
        r"\b(?:trek|hou|houd|red|overleef|kan|haal) (?:dit|het) (?:\w+ )?(?:geen|niet nog)"
        r" (?:een )?(?:jaar|verjaardag|zomer) (?:meer|langer)?\b",
        r"\b(?:haal|word|zie) (?:ik )?(?:mijn |de |het )?(?:volgende |volgend )?(?:verjaardag"
        r"|18e|18|kerst|nieuwe jaar)(?: \w+)? (?:niet|nooit)\b|\bik word (?:toch )?nooit 18\b",
        r"\bwil (?:\w+ )?geen (?:jaar|verjaardag|kerst) meer (?:meemaken|vieren|zo)\b",
    ),
    *cues(
        _S,
        JUMP,
        rf"\b{_LOOKUP}\b(?: \S+){{0,3}} (?:hoe hoog|hoe diep|how high|how tall|how deep|the"
        r" height|de hoogte|which floor|welke verdieping|hoeveel (?:meter|verdiepingen)|how many"
        rf" (?:floors|stories|storeys|meters|feet))\b(?: \S+){{0,6}} {_HIGH_PLACE}\b",
        rf"\b(?:hoe hoog|how high|how tall|hoe diep|how deep) (?:is |are |was )?(?:de |het |the"
        rf" |that |die |dat )?{_HIGH_PLACE}\b(?: \S+){{0,2}} (?:near|by|bij|naast|achter"
        r"|tegenover|close to|in de buurt|around here|hier)\b",
        rf"\b(?:{_LOOKUP}|know|weet|figur\w*)\b(?: \S+){{0,3}} (?:wanneer|hoe laat|hoe vaak|what"
        r" time|when|how often|how fast|hoe snel)\b(?: \S+){0,3} (?:trein\w*|trains?|intercity"
        r"|goederentrein\w*|freight\w*|sprinter|metro)\b(?: \S+){0,4} (?:langs|voorbij\w*"
        r"|langskom\w*|pass|passes|passing|go by|goes by|go past|goes past|comes? through"
        r"|zonder te stoppen|without stopping|niet stopt|niet stoppen|do not stop|does not stop"
        r"|full speed|volle snelheid)\b",
        r"\b(?:trein\w*|trains?)\b(?: \S+){0,2} (?:go|goes|rijdt|komt|raast|rast|speeds?)"
        r" (?:past|langs|voorbij|under|onder|over) (?:de |het |the )?(?:brug|bridge|overweg"
        r"|crossing|viaduct|my|ons|mijn)\b",
        r"\b(?:treintijden|train times|train schedule|dienstregeling)\b(?: \S+){0,6}"
        r" (?:overweg|crossing|spoor|tracks|s nachts|at night|bij (?:ons|mijn) huis|near (?:my"
        r"|our) (?:house|home))\b",
    ),
    *cues(
        _S,
        HOPELESS,
        r"\b(?:boeit|boeien|schelen|uit|interesseert|maakt|kan)\b(?: \S+){0,5} wat er (?:\w+ )?"
        r"met (?:me|mij|mezelf) (?:gebeurt|gebeurd|gaat gebeuren|zal gebeuren)\b",
        r"\bwat er (?:\w+ )?met (?:me|mij) (?:gebeurt|gaat gebeuren)\b(?: \S+){0,2} (?:boeit"
        r"|maakt|kan|interesseert)(?: \S+){0,3} (?:niet|niks|niets|geen)\b",
        r"\b(?:boeit|uit|schelen|maakt)\b(?: \S+){0,4} of ik (?:\w+ ){0,2}(?:leef|dood|doodga"
        r"|besta|er (?:nog )?ben|wakker word)\b|\bof ik (?:nou |nu )?(?:leef|besta) of"
        r" (?:niet|dood|doodga|sterf)\b",
        r"\bi (?:\w+ ){0,2}(?:do not|no longer|stopped|never|can not)(?: \w+)? care (?:\w+ ){0,2}"
        r"(?:what|whatever) happens to me\b|\bwhatever happens to me (?:happens|i do not care)\b",
        r"\b(?:care|matter|matters) (?:\w+ ){0,2}(?:if|whether) i (?:live|survive|get hurt"
        r"|make it|wake up|disappear)\b",
        r"\bnothing (?:really )?matters (?:anymore|any more)\b|\bni(?:ks|ets) (?:doet|maakt)"
        r" (?:er |me |mij )?(?:\w+ )?(?:meer|nog) (?:toe|uit)\b(?! dan)",
        r"\bik ben er (?:straks|morgen|binnenkort|snel|gewoon|dan|bijna) niet meer(?= ?[.,!?]|$)",
    ),
    *cues(
        _S,
        STRAIN,
        r"\b(?:ik zit|zit ik|ik ben) (?:er )?(?:echt |helemaal |totaal |compleet |volledig"
        r" |gewoon |zo )*doorheen\b",
        r"\bik zit (?:echt |helemaal |compleet |zo )*(?:stuk|aan de grond)\b",
        r"\b(?:at|reached|hit|hitting|past) (?:my|a|the) breaking point\b|\bend of my (?:rope"
        r"|tether)\b|\bi am (?:\w+ )?(?:falling apart|breaking down|not coping)\b"
        r"|\bi can not cope\b",
    ),
]

SELF_HARM: list[Cue] = [
    *cues(
        _H,
        URGE,
        r"\brelaps(?:e|ed|es|ing)\b|\bterugval\w*|\bteruggevallen\b|\bterug gevallen\b",
        r"\b(?:broke|lost|ruined|reset|ended) (?:my |the )?(?:clean |\d+ (?:day|week|month) )?"
        r"streak\b|\b(?:streak|reeks) (?:\w+ )?(?:verbroken|kwijt|voorbij|verpest|weg|kapot)\b",
        r"\bback to day (?:0|1|one|zero)\b|\bterug (?:naar|bij|op) dag (?:0|1|nul|een)\b",
        r"\b(?:\d+|een|twee|drie|vier|vijf|zes|half|halve|a|one|two|three|six) (?:dagen|dag|weken"
        r"|week|maanden|maand|jaar|jaren|days?|weeks?|months?|years?) clean\b(?: \S+){0,4}"
        r" (?:weer|toch|verpest|voorbij|kapot|weg|kwijt|en nu|maar|gone|ruined|over|wasted"
        r"|broken|lost|for nothing|again|and now|but)\b",
        r"\b(?:weer|opnieuw|toch|again)\b(?: \S+){0,6} (?:na|after) (?:\S+ ){0,2}(?:dagen|weken"
        r"|maanden|maand|jaar|jaren|days|weeks|months|years?) clean\b",
        r"\b(?:was|been|had been|got) clean (?:for )?(?:\S+ ){0,3}(?:until|till|but|and then)\b",
        r"\b(?:the|these|my|those|having|fighting|resisting|bad|strong|huge|crazy|intense)"
        r" (?:urges?|cravings?)\b(?! (?:to|for|of|on|at|with)\b)",
        r"\burges? (?:are|is|keep|keeps|came|come|coming) (?:\w+ )?(?:back|so bad|so strong"
        r"|stronger|worse|bad|strong|again)\b",
        r"\b(?:de|die|deze|mijn|zon|zo n|zoveel|veel|sterke|erge|enorme|heftige|een)"
        r" (?:aan)?drang\b(?! (?:naar|om|in|tot|op|voor|van|aan)\b)",
    ),
    *cues(
        _H,
        BLADE,
        r"\b(?:scheer)?mesjes?\b(?: \S+){0,4} (?:weer|opnieuw|gepakt|pakken|pak|vast"
        r"|vastgehouden|in mijn hand|naast me|naast mij|ligt klaar|klaargelegd|verstopt|verstop"
        r"|onder mijn|in mijn (?:la|kamer|etui|tas|bed)|op mijn (?:arm|been|pols|dij)|roept"
        r"|lonkt|tegen mijn)\b",
        r"\b(?:weer|opnieuw|again|gedaan|gebruikt|pakte|gepakt|grijp|gegrepen|vastgehouden"
        r"|verstopt|gekocht|gehaald|besteld|gejat)\b(?: \S+){0,3} (?:het |een |mijn |de |die "
        r"|dat |zon |nieuwe )?(?:scheer)?mesjes?\b",
        r"\b(?:puntenslijper\w*|slijper|sharpeners?|scheermes\w*|razors?)\b(?: \S+){0,3}"
        r" (?:uit elkaar|losgeschroefd|los geschroefd|opengebroken|open gebroken|kapot gemaakt"
        r"|kapotgemaakt|gesloopt|apart|open)\b",
        r"\b(?:uit elkaar|los|open) ?(?:gehaald|geschroefd|gemaakt|gebroken|halen|schroeven"
        r"|maken|breken)\b(?: \S+){0,3} (?:puntenslijper\w*|slijper|sharpeners?|scheermes\w*)\b",
        r"\b(?:took|take|taking|broke|break|breaking|got|get|getting|pulled|pull|unscrew\w*"
        r"|remov\w*)(?: \S+){0,3} (?:the |a )?blades? (?:out of|from|off) (?:a |my |the |his |her"
        r" )?(?:\w+ )?(?:sharpener|razor)\b",
        r"\bsharpener blades?\b|\bblades? from (?:a |my |the )?(?:pencil )?sharpener\b"
        r"|\brazor ?blades?\b",
        r"\b(?:the|a|my) blade\b(?! of| runner)(?: \S+){0,5} (?:right there|in my (?:hand|room"
        r"|drawer|bag|pocket|pencil case)|next to me|with me|calls?|calling|again|under my|in the"
        r" bathroom|on my (?:arm|wrist|thigh|leg|skin))\b",
        r"\b(?:holding|grabbed|grab|got out|took out|picked up|pick up|hid|hide|hiding)(?: \S+)?"
        r" (?:the|a|my) blade\b(?! of| runner)",
    ),
    *cues(
        _H,
        INJURY,
        r"\b(?:weer|opnieuw) (?:ga |gaan |wil |zal |zou |moet )?(?:snijden|krassen)\b"
        r"|\b(?:ga|wil|zal|zou|moet) (?:weer|opnieuw) (?:snijden|krassen)\b",
        r"\b(?:pijn|pain|hurts?|hurting)\b(?: \S+){0,3} (?:aan de |on the |van )?(?:buitenkant"
        r"|buiten|outside|fysiek\w*|physical\w*|lichamelijk\w*|op mijn huid|on my skin)\b"
        r"(?: \S+){0,12} (?:binnen\w*|inside|emotional\w*|mental\w*|hoofd|head|gedachten"
        r"|thoughts|stil|quiet\w*|rustig\w*|calm\w*|numb\w*|verdo\w*|vergeet|vergeten|forget"
        r"|distract\w*|afleid\w*|go away|goes away)\b",
        r"\b(?:fysieke|lichamelijke|physical) (?:pijn|pain)\b(?: \S+){0,6} (?:helps?|helpt"
        r"|drowns? out|verdrijft|leidt (?:me )?af|distracts? (?:me )?from|quiets?|numbs?"
        r"|overstemt|makes? (?:\w+ ){0,3}(?:go away|stop|quiet|disappear))\b",
        r"\b(?:would rather|liever) (?:\w+ )?(?:hurt|pain|pijn|bleed|bloed\w*)\b(?: \S+){0,4}"
        r" (?:outside|buitenkant|than (?:feel|this|inside|nothing)|dan (?:dit|niks|niets"
        r"|vanbinnen|binnen))\b",
        rf"\b{_MARKS}\b(?: \S+){{0,2}} (?:op|on|over|across|all over|along|in) (?:haar|zijn|hun"
        rf"|mijn|her|his|their|my) (?:\w+ )?{_BODY}\b",
        r"\b(?:fresh|new|deep|verse|nieuwe|diepe) (?:marks|scars|krassen|littekens|wondjes"
        r"|sneden)\b",
    ),
]

ABUSE: list[Cue] = [
    *cues(
        _A,
        BRUISE,
        rf"\b{_BRUISE}\b(?: \S+){{0,12}} {_ELDER}\b(?: \S+){{0,4}} {_ANGER}\b",
        rf"\b{_ELDER}\b(?: \S+){{0,4}} {_ANGER}\b(?: \S+){{0,12}} {_BRUISE}\b",
        rf"\b{_BRUISE}\b(?: \S+){{0,4}} (?:sinds|since|nadat|after|ever since)(?: \S+){{0,2}}"
        rf" {_ELDER}\b|\b(?:zit|zat|zitten|covered in|full of) (?:\w+ )?(?:onder de )?{_BRUISE}\b",
        rf"\b{_BRUISE}\b (?:\w+ ){{0,2}}(?:van|from|by|door|because of) (?:mijn |my |her |his"
        rf" |haar |zijn |hun )?{_ELDER}\b",
    ),
    *cues(
        _A,
        COERCION,
        r"\buithuwelijk\w*|\bgedwongen (?:huwelijk|trouwen|te trouwen)\b|\bforced (?:marriage|to"
        r" marry|to get married)\b|\bmarr(?:y|ied|ying) (?:me |her |him )?off\b"
        r"|\b(?:arrang\w*) (?:a |my )?(?:marriage|husband|wife) for me\b"
        r"|\b(?:get|getting|got) (?:me|her) married\b|\blaten trouwen\b|\bmarry me to\b",
        r"\b(?:man|vrouw|husband|wife|bruidegom|bruid|jongen|meisje) (?:voor (?:me|mij|haar) )?"
        r"(?:uitgekozen|gekozen|geregeld|gezocht|gevonden)\b|\b(?:chose|picked|found|chosen"
        r"|picking) (?:a )?(?:husband|wife) for (?:me|her)\b",
        r"\b(?:wil|willen|wilden|wou|verwacht\w*|zeggen|zegt|eisen|eist)(?: \S+){0,2} dat ik"
        r" (?:\w+ ){0,2}(?:trouw|ga trouwen|moet trouwen)\b|\bmoet (?:\w+ ){0,3}trouwen met\b",
        r"\b(?:want|wants|make|makes|making|forcing|force|expect|expects)(?: \S+)? me (?:to )?"
        r"(?:marry|get married)\b|\bhave to (?:marry|get married to)\b",
        r"\b(?:marry|married|marriage|trouwen|trouw|huwelijk)\b(?: \S+){0,10} (?:no choice|no say"
        r"|geen keus|geen keuze|niks te zeggen|mag geen nee)\b|\b(?:no choice|geen keus|geen"
        r" keuze)\b(?: \S+){0,10} (?:marry|married|trouwen|trouw|huwelijk)\b",
        rf"\b{_PARTNER}\b(?: \S+){{0,4}} (?:checkt|controleert|leest|bekijkt|doorzoekt|checks"
        r"|reads|goes through|looks through|tracks|volgt|monitors) (?:\w+ ){0,2}(?:mijn|my)"
        r" (?:telefoon|phone|berichten|messages|texts|dms|chats|locatie|location|whatsapp)\b",
        rf"\b{_PARTNER}\b(?: \S+){{0,3}} (?:will not let|does not let|never lets) me (?:\w+ )?"
        r"(?:see|go|wear|talk|hang out|have)\b|\blaat (?:me|mij) (?:niet|nooit) (?:\w+ ){0,3}"
        r"(?:gaan|dragen|praten|afspreken|uitgaan|zien)\b",
        r"\bmag (?:ik )?(?:niet|nooit|geen)\b(?: \S+){0,5} van (?:hem|haar|mijn (?:vriend"
        r"|vriendje|vriendin|partner))\b",
        rf"\b{_PARTNER}\b(?: \S+){{0,2}} (?:gets|becomes|wordt|is) (?:\w+ )?(?:mad|angry|jealous"
        r"|pissed|boos|kwaad|jaloers) (?:if|when|als|wanneer) (?:ik |i )?(?:do not|niet|talk"
        r"|text|hang|see|go|wear|met andere|praat|afspreek|draag)\b",
        rf"\b{_PARTNER}\b(?: \S+){{0,2}} (?:controls|controleert|bepaalt) (?:alles|everything|wat"
        r" ik|met wie|who i|what i|where i|me)\b",
        rf"\b{_PARTNER}\b(?: \S+){{0,2}} (?:wil|wants) (?:\w+ )?(?:altijd |always |constant\w* )?"
        r"(?:weten|to know) waar ik\b",
        r"\b(?:niet|not|nooit|never) (?:\w+ )?(?:veilig|safe) (?:\w+ )?(?:thuis|at home)\b"
        r"|\b(?:thuis|home) (?:is|voelt|feels|does)(?: \w+){0,2} (?:niet|not|no longer|never)"
        r" (?:\w+ )?(?:veilig|safe)\b"
        r"|\b(?:onveilig|unsafe) (?:\w+ )?(?:thuis|at home)\b",
        r"\b(?:dread\w*|zie (?:\w+ )?tegen ?op|scared of|bang voor|afraid of) (?:going |to go "
        r"|om )?"
        r"(?:home|naar huis|thuis)\b(?: \S+){0,6} (?:drinking|drunk|dronken|gedronken|mad|angry"
        r"|boos|kwaad|woedend|yell\w*|scream\w*|schreeuw\w*)\b",
        r"\b(?:bang|scared|afraid|terrified) (?:als|wanneer|when|for when) (?:mijn \w+|my \w+"
        r"|papa|mama|hij|ze|he|she) (?:\w+ )?(?:thuiskomt|thuis komt|comes home|gets home)\b",
        r"\b(?:wil|want to) (?:\w+ )?(?:niet|not) (?:\w+ )?(?:naar huis|go home)\b(?: \S+){0,2}"
        r" (?:want|omdat|vanwege|because|cause|because of)\b(?: \S+){0,3} (?:mijn (?:vader"
        r"|moeder|stiefvader|stiefmoeder|ouders)|papa|mama|hij|my (?:dad|mom|mum|stepdad|parents)"
        r"|he)\b",
        r"\b(?:verstop|hide|hiding)\w* (?:me |myself )?(?:\w+ ){0,3}(?:als|when|wanneer) (?:hij"
        r"|mijn (?:vader|stiefvader)|papa|he|my (?:dad|stepdad)) (?:\w+ )?(?:thuiskomt|thuis komt"
        r"|comes home|gets home|drinkt|drinks)\b",
    ),
]

CUES: list[Cue] = [*SUICIDE, *SELF_HARM, *ABUSE]
