"""Suicide said without saying it: a way out kept ready, a future not expected, a last thank-you.

A blind test set (written by someone who never saw the lexicon) showed whole families of
messages that name neither death nor suicide: pills put away "voor als het niet meer gaat",
"ik zie mezelf geen 18 worden", standing on a platform thinking about not going home, a little
brother who says he will "be gone soon" and gives his console away, being tired "voorgoed",
"I won't be around for it", "I'm done waiting", hoping not to wake up, and "thank you for
everything, I'm sorry" before a phone goes off. Each theme is written for the many ways a
teenager says it, in both languages, and where its parts are ordinary one by one (pills, a
platform, a present) it is a :class:`~moderation.signals.cumulative.Combo` whose everyday
readings (hay fever, a delayed train, a birthday) clear it.
"""

from __future__ import annotations

from moderation.signals.cues import (
    FAREWELL,
    HOPELESS,
    JUMP,
    SETTLING,
    STRAIN,
    WEAK_STRAIN,
    Cue,
    Profile,
    cues,
)
from moderation.signals.cumulative import Combo, combo
from moderation.signals.model import SignalKind

_S = SignalKind.suicide

# A means kept ready: it is the keeping, not the means, that is the sign.
_STASH = Profile(negatable=True, fiction=True, game=True, past=True)
# Not being there later: a trip, a weekend or a move elsewhere is the everyday reading.
_AWAY = Profile(fiction=True, game=True, ordinary=True)
# Last words and then silence: "offline" is the sign here, so only a laugh or fiction clears it.
_LAST_WORDS = Profile(non_literal=True, fiction=True, game=True)

_MEANS = (
    r"\b(?:pillen|pil|pilletjes|medicijnen|medicatie|tabletten|paracetamol|slaappillen|oxazepam"
    r"|temazepam|diazepam|xanax|ibuprofen|meds|pills|pill|tablets|painkillers|pijnstillers"
    r"|antidepressiva|antidepressants?|ssris?|sertraline|fluoxetine|lithium|insuline|insulin"
    r"|sleeping pills|strip|strips|doosje|potje|bottle|touw|rope|mesje|scheermesje"
    r"|prescription|voorraadje|stash)\b"
)
_KEPT = (
    r"\b(?:verstopt|verstop|verstoppen|bewaar\w*|gespaard|spaar|sparen|opgespaard|verzamel\w*"
    r"|apart|gelegd|gestopt|in (?:mijn|de|een) (?:la|lade|kast|tas|kamer|nachtkastje|etui|sok)"
    r"|onder (?:mijn|het) (?:bed|matras|kussen)|in (?:a|een) (?:sok|sokje|sock)|hid|hidden"
    r"|hiding|hide|stash\w*|saving|saved"
    r"|keeping|keep|kept|collect\w*|in my (?:drawer|room|closet|bag|nightstand)|under my"
    r" (?:bed|mattress|pillow)|gejat|gepikt|stole|stolen|genoeg|enough|ready|klaar)\b"
)
_NO_WAY_ON = (
    r"\b(?:voor als|voor wanneer|voor het geval|voor de dag dat|in case|for when|for the day"
    r"|for if|niet meer gaat|niet meer lukt|te veel wordt|te erg wordt|too much|too hard"
    r"|can not (?:take|do|handle) (?:it|this)|vannacht|vanavond|tonight|nobody knows"
    r"|no one knows|niemand weet|zonder dat (?:iemand|ze|mijn))\b"
)
_EVERYDAY_MEDS = (
    r"\b(?:hooikoorts|hay ?fever|allergi\w*|hoofdpijn|headaches?|migraine|koorts|fever|griep"
    r"|flu|verkoud\w*|cold|keelpijn|kiespijn|tandarts|dentist|menstruatie|ongesteld|period"
    r"|cramps|kramp\w*|apotheek|pharmacy|vitamin\w*|inhaler|puffer|astma|asthma"
    r"|anticonceptie|de pil|birth control|reisziekte|motion sickness|vakantie|holiday|trip"
    r"|ehbo|first aid|hond|dog|kat|cat|knutsel\w*|kamperen|camping|springtouw|jump rope)\b"
)

_FOREVER = r"\b(?:voorgoed|voor altijd|for good|forever|permanent\w*|eeuwig|nooit meer)\b"

_GIVING = (
    r"\b(?:gaf|gegeven|geeft|geef|weggegeven|gave|given|gives|giving|give|mag (?:\w+ )?(?:hebben"
    r"|houden)|can (?:have|keep)|kan (?:\w+ )?(?:hebben|houden))\b"
)
_NOT_NEEDED = (
    r"\b(?:will not|do not|am not going to|is not going to|wont|no longer) (?:need|be needing"
    r"|be using|use)\b|\b(?:niet meer|nooit meer) (?:nodig|gebruiken)\b|\bheb (?:ze|het|die|dat"
    r"|dit) (?:\w+ )?niet meer nodig\b|\b(?:binnenkort|snel|gauw|bijna|soon) (?:toch )?(?:weg"
    r"|gone)\b|\btoch (?:al )?(?:binnenkort |snel |gauw )?weg\b|\bbe gone\b|\bremember me\b"
    r"|\bonthoud me\b|\bwhere (?:i am|he is|she is) going\b|\bwaar (?:ik|hij|ze) heen ga(?:at)?\b"
    r"|\ber (?:\w+ ){0,2}niet meer (?:is|ben|zal zijn)\b|\bniet lang meer\b|\bmuch longer\b"
)

SUICIDE: list[Cue] = [
    # Not seeing oneself reach an age.
    *cues(
        _S,
        HOPELESS,
        r"\bzie (?:mezelf|mij|me|mijzelf|hem|haar) (?:\w+ ){0,3}(?:niet|nooit|geen) (?:\w+ ){0,2}"
        r"(?:1[5-9]|2\d|30|achttien|twintig|oud|ouder|volwassen)(?: worden| halen| zijn| jaar)?\b",
        r"\b(?:kan|kon) (?:me|mij) (?:\w+ )?niet voorstellen dat ik (?:\w+ ){0,2}(?:1[5-9]|2\d"
        r"|oud|ouder|volwassen) (?:word|ga worden|haal|zal worden|wordt)\b",
        r"\b(?:denk|geloof) (?:\w+ )?niet dat ik (?:\w+ ){0,2}(?:1[5-9]|2\d|oud|ouder|volwassen"
        r"|zomer|kerst|verjaardag|18e|18de) (?:nog )?(?:word|ga worden|haal|zal worden|ga halen"
        r"|meemaak|mee maak)\b",
        r"\b(?:do not|can not|could never|never) (?:see|imagine|picture) (?:myself|me|him|her)"
        r" (?:\w+ )?(?:making it to|reaching|turning|living to|getting to|growing up|getting"
        r" old|being old|being an adult|at) ?(?:1[5-9]|2\d|30|adulthood|old age|an adult)?\b"
        r"(?! (?:with|as a|in a|doing|working|married))",
        r"\b(?:never|nooit|did not|niet)\b(?: \S+){0,2} (?:thought|expected|gedacht|verwacht)\b"
        r"(?: \S+){0,4} (?:live|living|make it|leven|worden|halen|zou worden|word) (?:\w+ )?"
        r"(?:past|beyond|ouder dan|older than|voorbij|to|tot) (?:1\d|2\d|adulthood)\b"
        r"|\b(?:gedacht|verwacht|denk|geloof)\w*\b(?: \S+){0,2} dat ik (?:\w+ )?(?:ouder dan"
        r"|voorbij|langer dan) (?:1\d|2\d|mijn \w+)\b",
        r"\b(?:will|am going to|is going to) never (?:make it to|reach|see|turn|get to) (?:1[5-9]"
        r"|2\d|adulthood|my \w+ birthday|graduation)\b",
    ),
    # Not being around for something ahead: a birthday or Christmas is the occasion, not a reason.
    *cues(
        _S,
        HOPELESS,
        r"\b(?:will not|am not going to|is not going to|wont) be (?:here|around|there|alive)"
        r" (?:for (?:it|that|this|summer|christmas|graduation|prom|my (?:\w+ )?birthday|the end"
        r"|next year|new year)|by then|to see (?:it|that|this)|then|after (?:this|that|summer))\b",
        r"\b(?:not|niet) (?:\w+ ){0,3}(?:a problem|a burden|in (?:the|your|anyones) way|een"
        r" probleem|een last|tot last)\b(?: \S+){0,2} (?:for much longer|much longer|for long"
        r"|lang meer|meer lang|anymore|soon|binnenkort)\b",
        r"\b(?:heb|hebben|heeft|hoef|need) (?:ze|het|die|dat|dit|hem|niks|niets|it|them)"
        r" (?:\w+ )?(?:toch )?(?:niet lang meer|niet meer lang|binnenkort niet meer|not for much"
        r" longer) (?:nodig)?\b",
        r"\b(?:vraag|bid|pray|ask|wens|wish)\w*\b(?: \S+){0,3} (?:of|dat|that|if|to) (?:ik |i )?"
        r"(?:\w+ )?(?:niet meer|nooit meer|never|not) (?:\w+ )?(?:wakker|wake)\b",
        r"\b(?:ben|is) (?:ik |hij |ze )?er (?:dan |tegen die tijd |toch |allang |al lang "
        r"|waarschijnlijk |sowieso )+(?:al )?niet (?:meer )?(?:bij|meer)\b",
        r"\bik ben er (?:toch |dan |allang |sowieso |waarschijnlijk ){1,2}niet meer\b",
        r"\b(?:maak|haal|beleef) (?:ik |hij |ze )?(?:\w+ ){0,3}(?:zomer|kerst|verjaardag|vakantie"
        r"|nieuwe jaar|oud en nieuw|volgend jaar)\b(?: \w+){0,2} (?:toch niet|toch nooit|niet"
        r" meer|nooit meer|nooit)(?: mee)?\b",
        r"\bwhat is the point (?:of|in) (?:making plans|planning|plans)\b",
        r"\b(?:waarom|wat heeft het voor zin om) (?:zou ik |ik )?(?:nog )?plannen (?:maken|te"
        r" maken)\b(?: \S+){0,6} (?:toch|niet meer|er niet)\b",
    ),
    # "Ik ben binnenkort toch weg", "he says he'll be gone soon".
    *cues(
        _S,
        _AWAY,
        r"\b(?:will not|wont|am not going to) be (?:here|around|alive)(?= ?[.,!?]|$| anyway)",
        r"\b(?:ik|ze|hij|zij) er (?:binnenkort |snel |straks |bijna |gauw |dan |toch |allang )+"
        r"(?:al )?niet meer (?:ben|is|zal zijn|zou zijn)\b",
        r"\b(?:ik ben|hij is|ze is|zij is|ben ik|is hij|is ze|dat (?:ik|hij|ze|zij))"
        r" (?:\w+ )?(?:binnenkort|snel|gauw|bijna) toch (?:al )?weg\b|\btoch (?:al )?(?:binnenkort"
        r"|snel|gauw) weg (?:ben|is|zijn|zal zijn)\b",
        r"\b(?:i|he|she|they) (?:will|would|is going to|am going to|are going to) be gone"
        r" (?:soon|before long|by \w+|anyway)\b|\bgone soon anyway\b",
    ),
    # Tired "for good", wanting it to stop forever.
    *cues(
        _S,
        HOPELESS,
        r"\b(?:wil|wou|wilde|hoop|zou willen)(?: \w+){0,3} dat (?:het|alles|dit|de pijn"
        r"|het leven)(?: gewoon| echt| allemaal| eindelijk)* (?:stopt|ophoudt|over is|voorbij is"
        r"|klaar is|eindigt|stil wordt)(?: ,)? (?:voorgoed|voor altijd|voor eeuwig|permanent)\b",
        r"\b(?:moe|op|uitgeput|tired|exhausted|done)(?: ,)? (?:voorgoed|voor altijd|for good"
        r"|forever|permanently)\b(?! (?:van|of) (?:school|werk|work|this (?:game|song|show)))",
        r"\bniet slaap ?moe\b|\bnot (?:sleepy|sleep) tired\b|\bsoul tired\b|\bzielsmoe\b"
        r"|\btired in a way (?:that )?(?:sleep|no sleep|rest)\b|\bmoe op een manier\b",
        r"\b(?:want|wish|need)(?: \w+){0,2} (?:it|everything|it all|this|all of it|the pain|the"
        r" thoughts) to (?:stop|end|be over)\b(?: ,)? (?:forever|for good|permanently)\b",
        r"\b(?:rust|rest|slapen|sleep) (?:voor altijd|voorgoed|for good|for ever|eternally)\b",
        r"\b(?:ik ben|ben|i am) (?:zo |echt |helemaal |gewoon )?(?:op|moe|kapot|leeg|tired|empty"
        r"|exhausted)\b(?: \S+){0,5} (?:voorgoed|voor altijd|for good)\b",
        r"\b(?:in slaap (?:val|vallen)|ga slapen|go to sleep|going to sleep|fall asleep|falling"
        r" asleep)\b(?: \S+){0,6} (?:hoop|hope|hoping|wish)\w*\b(?: \S+){0,4} (?:de laatste keer"
        r"|the last time|laatste nacht|my last night)\b",
    ),
    *cues(
        _S,
        WEAK_STRAIN,
        r"\b(?:ben|is) (?:zo |echt |gewoon |super |heel )*moe van alles\b",
        r"\b(?:wil|wou) (?:gewoon |echt |alleen )?dat (?:het|alles) (?:gewoon )?(?:stopt|ophoudt)"
        r"(?= ?[.,!?]|$)",
        r"\bgeen zin meer om (?:het )?(?:nog )?(?:te proberen|te vechten|door te gaan)\b",
        r"\b(?:i am|so) tired of (?:\w+ )?everything\b",
    ),
    # "I'm done waiting", "they say it gets better but it hasn't".
    *cues(
        _S,
        STRAIN,
        r"\b(?:done|finished|tired of|sick of) (?:waiting|hoping|trying|pretending|fighting)\b"
        r"(?! (?:for (?:the|my|a|him|her|you|them|this)|on|in|to|with|at|so)\b)",
        r"\b(?:waited|gewacht)\b(?: \S+){0,3} (?:long enough|lang genoeg)\b(?: \S+){0,6}"
        r" (?:better|beter|change|veranderen|verandert)\b",
        r"\bklaar met (?:wachten|hopen|proberen|vechten|doen alsof)\b(?! (?:op|tot|voor|met|in)\b)",
        r"\b(?:ik geef het op|i give up|ik geef op)(?= ?[.,!?]|$)(?<! met)",
    ),
    *cues(
        _S,
        HOPELESS,
        r"\b(?:say|says|saying|said|zegt|zeggen|zei|zeiden|beloven|belooft|promised)"
        r" (?:\w+ ){0,3}(?:it|het|things|alles|life|het leven) (?:\w+ )?(?:gets? better|will get"
        r" better|beter wordt|beter gaat worden|wel (?:goed )?komt|goed komt)\b(?: \S+){0,10}"
        r" (?:but|maar)\b(?: \S+){0,8} (?:has not|have not|does not|did not|never|niet|nooit"
        r"|nog steeds|still)\b",
    ),
    # Hoping not to wake up.
    *cues(
        _S,
        HOPELESS,
        r"\bhop(?:e|ing|es) (?:that )?(?:\w+ ){0,2}(?:i|she|he) (?:\w+ )?(?:do not|does not"
        r"|never|will not|would not|wont) (?:\w+ )?wake up\b"
        r"(?! (?:with|late|early|before|in time|on time|for|at|until|to|when))",
        r"\bhoop (?:dat )?(?:ik |ze |hij )?(?:\w+ ){0,3}niet (?:meer )?wakker (?:word|worden"
        r"|wordt)\b(?! (?:met|te laat|voor|om|van|door|als|tot|bij)\b)",
        r"\bwhat if i (?:just )?(?:did not|do not|never|would not) wake up\b",
        r"\b(?:fall|go|drift) (?:\w+ )?(?:asleep|to sleep) and (?:just )?(?:never|not) wake\b"
        r"|\b(?:in )?slaap (?:vallen|val) en (?:gewoon )?(?:niet|nooit) (?:meer )?wakker\b",
    ),
    # "Thank you for everything, I'm sorry."
    *cues(
        _S,
        FAREWELL,
        r"\b(?:thank you|thanks|thx|ty|bedankt|dank je|dankjewel|dankje)(?: \w+)? (?:for"
        r" everything|voor alles)\b(?: \S+){0,4} (?:i am sorry|sorry|het spijt me|spijt me"
        r"|vergeef me|forgive me)(?= ?[.,!?]|$| (?:and|en|x|xx|ik hou|i love|love)\b)",
        r"\b(?:sorry|het spijt me|i am sorry)(?: \S+){0,3} (?:thank you|thanks|bedankt|dank je)"
        r"(?: \w+)? (?:for everything|voor alles)\b",
        acute=True,
    ),
]

COMBOS: tuple[Combo, ...] = (
    # Pills (or a blade, a rope) kept away, for when it gets too much.
    combo(_S, _STASH, _MEANS, _KEPT, _NO_WAY_ON, clear=_EVERYDAY_MEDS, acute=True),
    # Standing on a platform or a bridge, thinking about not going home.
    combo(
        _S,
        JUMP,
        r"\b(?:perron|spoor|spoorlijn|rails|overweg|platform|tracks|railway|brug|bridge|dak"
        r"|roof|rand|edge|ledge|viaduct|flat)\b",
        r"\b(?:sta|zit|ben|stand|standing|sitting|i am|stond|zat|lig|loop)\b",
        r"\b(?:denk (?:er )?(?:\w+ )?over|denk (?:erover|eraan|daarover)|ik zie het niet meer"
        r"|ik kan (?:het |dit )?niet meer|laat (?:\w+ ){0,2}treinen voorbij|let (?:\w+ ){0,2}trains"
        r" (?:go|pass)|thinking (?:about|of)|niet meer naar huis|not (?:going"
        r"|coming) (?:back )?home|niemand weet (?:dat|waar)|no ?one knows (?:where|that|i)"
        r"|nobody knows (?:where|that|i)|voor de (?:volgende )?trein|in front of (?:the|a)"
        r" (?:next )?train|springen|spring|jump|jumping|gele lijn|yellow line|zo makkelijk"
        r"|so easy|would be easy|een stap|one step|just step|laatste keer|last time|voorgoed"
        r"|for good|afscheid|goodbye|niemand zou|nobody would|no one would|again|weer|alone|alleen"
        r"|so quiet|zo stil)\b",
        clear=r"\b(?:vertraging|delay\w*|vertrek\w*|overstap\w*|naar school|to school|op weg"
        r"|on my way|wachten op|waiting for|vakantie|trip|concert|uitje|fotos?|photos?|uitzicht"
        r"|view|zonsondergang|sunset|bommetje|zwemmen|swimming|in het water|into the water"
        r"|festival|feest|party|ov ?chip|spits)\b",
        acute=True,
    ),
    # Giving things away with "I won't need them", "ik ben toch binnenkort weg".
    combo(
        _S,
        SETTLING,
        _GIVING,
        _NOT_NEEDED,
        clear=r"\b(?:nieuwe|new|upgrade\w*|te klein|too small|verhuis\w*|moving|kapot|broken"
        r"|school|studie|cursus|course|stage|vakantie|holiday|camp|kamp)\b",
    ),
    # Tired of everything, and it should stop for good.
    combo(
        _S,
        HOPELESS,
        r"\b(?:moe|uitgeput|kapot|tired|exhausted|drained|stopt|stop|ophoudt|ophouden|stoppen"
        r"|eindigt|rust|rest|uitzetten|uit te zetten|uitgezet|stilzetten|turn (?:it|everything"
        r"|it all) off|switch (?:it|everything|it all) off|quiet|stil|silent|go away)\b",
        _FOREVER,
        r"\b(?:alles|everything|het leven|life|leven|it all|van alles|of everything|zo moe|so"
        r" tired|moe moe|tired tired|wil (?:\w+ )?dat|want (?:\w+ )?(?:it|everything))\b",
        clear=r"\b(?:roken|smoking|vapen|vaping|drinken|drinking|school|werk|job|club|team|sport"
        r"|instagram|tiktok|snap|app|relatie|relationship|met hem|met haar|with him|with her"
        r"|song|liedje|game)\b",
    ),
    # "Thank you for everything" or "sorry" and then a phone that is off.
    combo(
        _S,
        _LAST_WORDS,
        r"\b(?:voor alles|for everything|sorry|spijt me|vergeef me|forgive me|hou van (?:je|jou"
        r"|jullie)|love you|vaarwel|goodbye|bye)\b",
        r"\b(?:phone|telefoon|mobiel|gsm|location|locatie)\b(?: \S+){0,3} (?:is |staat |went"
        r" |ging |got )?(?:off|uit|uitgezet|dead|turned off|offline)\b|\b(?:not answering"
        r"|not picking up|neemt (?:ze |hij )?niet (?:meer )?op|niet bereikbaar|not replying"
        r"|reageert (?:ze |hij )?niet|no answer|went offline|ging offline|is offline|left the"
        r" (?:group|chat)|verliet de groep|deleted (?:her|his|their) account"
        r"|geen reactie|left on read|ghosted|voicemail)\b",
        clear=r"\b(?:battery|batterij|accu|opladen|charging|charger|oplader|les|class|werk|work"
        r"|slapen|sleep|welterusten|goodnight|tot morgen|see you)\b",
        acute=True,
    ),
)

CUES: list[Cue] = SUICIDE
