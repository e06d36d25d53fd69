"""English phrasings of suicide, self-harm and abuse, as young people write them.

Patterns run on the folded text (:mod:`.normalise`): contractions are written out ("im" is
"i am", "dont" is "do not", "wanna" is "want to", "kms" is "kill myself"), so one pattern
covers every spelling. Third persons are included on purpose ("my friend wants to kill
herself"). Bare "kill myself" is weak: it mostly comes from "kms" as hyperbole and only counts
with a sincerity marker or a second cue; "want to kill myself" counts alone.
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

_SELF = r"(?:myself|herself|himself|themselves|themself)"
_INTENT = (
    r"(?:want|wants|wanted|wanting|wish|wishing|going|planning|plan|trying|tried|try|thinking"
    r"|thought|think|decided|ready|need|needed|about|of|how)"
)
_PILLS = r"(?:pills|pill|meds|medication|tablets|painkillers|sleeping pills)"
_OBJECT = r"(?:me|her|him|us|my (?:mom|mum|mother|sister|brother|little \w+))"
_VICTIM = r"(?:me|her|him|us)"
_RELATIVE = (
    r"(?:dad|father|mom|mum|mother|stepdad|stepmom|stepfather|brother|boyfriend|bf|ex|uncle"
    r"|parents)"
)

SUICIDE: list[Cue] = [
    *cues(
        _S,
        WISH,
        rf"\b{_INTENT}(?: \w+){{0,2}} (?:to |about |of )?(?:kill|killing|end|ending)"
        rf" (?:{_SELF}|my life|her life|his life|their life|it all|everything|things|it)\b"
        r"(?! with\b| between\b| off\b)",
        rf"\bto (?:kill|killing) {_SELF}\b",
        r"\b(?:want|wants|wanted|wish|wishing|ready)(?: \w+){0,2} to (?:die|be dead)\b",
        r"\bwish (?:i|i was|i were|i had)(?: \w+){0,2} dead\b",
        r"\bwish i (?:would|could) (?:just )?(?:die|stop existing)\b",
        r"\b(?:think|thinking|thought|dream\w*|fantasi\w*) (?:a lot |so much |constantly |always )?"
        r"(?:about|of) (?:dying|death|being dead|not being here|not existing|ending it)\b",
        r"\bhop(?:e|ing) (?:that )?(?:i|a \w+|the \w+|someone|something) (?:\w+ ){0,2}(?:crash"
        r"|crashes|die|dies|hits me|kills me|will kill me)\b",
    ),
    *cues(
        _S,
        STRAIN,
        r"\btired of (?:everything|it all|fighting|being me|trying)\b(?! \w+ing\b| so\b)",
        r"\bif i am (?:gone|not here|not around|dead) (?:tomorrow|soon|by)\b",
        r"\b(?:for|want|wish|until) (?:it|it all|everything|this|life) (?:all )?(?:to be|is)"
        r" over\b",
        r"\b(?:want|wanna|wish|wish i could) (?:to )?(?:just )?sleep forever\b",
    ),
    *cues(
        _S,
        HOPELESS,
        r"\bdisappear (?:forever|for good|permanently)\b|\bstop(?:ped|s)? existing\b"
        r"|\bcease to exist\b",
        r"\bwhat i (?:might|could|will|would) do to myself\b",
        r"\b(?:do not|no longer)(?: \w+)? (?:want|wish) to (?:live|be alive|exist|wake up"
        r"|go on|keep going|keep living)\b",
        r"\b(?:do not|no longer)(?: \w+)? (?:want|wish) to be (?:here|around) (?:anymore"
        r"|any more|any longer)\b",
        r"\bbetter off (?:without me|if i (?:was|were|am|died|disappeared|left|never)\b|dead\b)",
        r"\b(?:no one|noone|nobody)(?: \w+){0,3} miss(?:es)? me\b",
        r"\b(?:no one|noone|nobody)(?: \w+){0,3} (?:care|cares|notice|notices|cry|miss)\w*"
        r" (?:if|when) i(?: \w+){0,3} (?:died|die|dead|gone|disappeared|disappear|was not here"
        r"|were not here|killed myself)\b",
        r"\bwhat is the point (?:of|in) (?:anything|living|life|it all|going on|being alive"
        r"|me)\b",
        r"\bno point (?:in|of) (?:living|life|going on|being alive|anything)\b",
        r"\b(?:do not|can not) see (?:the|a|any) point (?:of|in) (?:living|life|going on"
        r"|being alive|anything|me)\b",
        r"\bno reason (?:for me )?to (?:live|stay|go on|keep going)\b",
        r"\b(?:do not|can not) see (?:a|any) future\b|\bno future for me\b",
        r"\bsleep and (?:never|not) wake up\b|\bnever wake up again\b"
        r"|\bnot (?:to )?wake up (?:tomorrow|again|anymore)\b",
        r"\bwant (?:it|it all|everything|this|the pain|all of it|all of this|life)(?: all)?"
        r" to (?:stop|end|be over)\b|\bmake (?:it|everything|the pain) (?:all )?stop\b",
        r"\bwhy (?:am i|i am) (?:even |still )*(?:here|alive|living|breathing)\b",
        r"\b(?:a|such a|just a|only a) burden\b",
        r"\bno way out\b|\bonly way out\b",
        r"\b(?:everything|life|my life|it all) (?:feels|is|seems) (?:so |just )?(?:pointless"
        r"|meaningless)\b",
        r"\bdo not care if i (?:die|live|wake up|do not wake up)\b",
        r"\b(?:thinking|think|thought|dream\w*|hope|hoping|wish\w*) (?:about |of )?not waking up\b",
        r"\bif i (?:\w+ )?(?:was not|were not|was no longer|were no longer) (?:here|around|alive)"
        r"(?: anymore)?\b",
        r"\bwish (?:i|i was|i were|i had)(?: \w+){0,2} (?:never (?:been )?born|not alive)\b"
        r"|\bwish i (?:would|could) (?:just )?not wake up\b",
        r"\bdo not think i (?:will|would|am going to) (?:be (?:here|around|alive)|make it)\b",
        r"\b(?:happier|better|relieved|easier)(?: \w+){0,2} (?:if|when) i (?:just )?(?:was |were"
        r" |am )?(?:gone|dead|not here|not around|died|disappeared|never existed|stopped)\b",
        r"\b(?:done|finished) with (?:life|living|this life)\b"
        r"|\btired of (?:living|life|being alive|existing)\b",
    ),
    *cues(
        _S,
        PLAN,
        rf"\b{_PILLS}\b(?: \w+){{0,3}} (?:saved|stocked|stockpiled|hoarded|collected|ready)\b",
        rf"\b(?:saving|saved|stockpiling|stockpiled|hoarding|collecting) (?:up )?(?:\w+ ){{0,2}}"
        rf"{_PILLS}\b",
        rf"\bhow many (?:\w+ ){{0,3}}{_PILLS}\b(?: \w+){{0,5}} (?:take|kill|die|overdose|lethal"
        r"|deadly|fatal)\b|\b(?:lethal|fatal|deadly) dose\b",
        r"\b(?:bought|got|have|tied)(?: \w+)? (?:a )?(?:rope|noose)\b|\bnoose\b",
        r"\b(?:bridges?|buildings?|roofs?|floors?|places?|heights?)\b(?: \w+){0,3} (?:high|tall)"
        r" enough\b",
        r"\b(?:gun|pistol|knife|rope|pills)\b(?: \S+){0,10} (?:on|against) (?:myself|himself"
        r"|herself|themselves)\b",
    ),
    *cues(
        _S,
        JUMP,
        r"\b(?:standing|sitting|am) (?:on|at) (?:the|a) (?:edge|ledge|bridge|roof|tracks"
        r"|railway|train tracks)\b",
    ),
    *cues(
        _S,
        JUMP,
        r"\bjump(?:ing|ed)? (?:off|from|in front of|infront of|under) (?:a |the |my |this |that )?"
        r"(?:bridge|roof|building|train|cliff|balcony|window|tower|car|bus|truck)\b",
        acute=True,
    ),
    *cues(
        _S,
        PLAN,
        # Letters for the family are in lexicon_signs, where a birthday or a holiday clears them.
        r"\b(?:goodbye|suicide|farewell) (?:letter|note|message|post|video|text)s?\b",
        rf"\b(?:took|taken|swallowed|take|taking)\b(?: \w+)? (?:a bunch of|a lot of|all (?:my|the"
        rf"|of my)|too many|loads of|a whole (?:bottle|box|pack|strip) of|\d{{2,}}) (?:\w+ )?"
        rf"{_PILLS}\b",
        r"\bthis is (?:my )?goodbye\b|\bsaid goodbye to (?:everyone|everybody|all of you"
        r"|you all)\b|\bgoodbye forever\b|\bmy (?:last|final) (?:message|post|goodbye)\b",
        acute=True,
    ),
    *cues(
        _S,
        HOPELESS,
        r"\bin case i do not make it\b|\b(?:will not|wont) be (?:here|around) (?:tomorrow"
        r"|much longer|anymore|for long)\b",
        acute=True,
    ),
    *cues(
        _S,
        PLAN,
        r"\boverdos\w*",
        r"\b(?:ways|way|methods|method) to (?:die|kill myself|end (?:it|my life)|commit suicide)\b"
        r"|\bhow to (?:die|end my life|end it)\b",
        r"\bgiv\w* (?:away )?(?:\w+ ){0,2}(?:my |all my )?(?:stuff|things|belongings|possessions)"
        r"(?: \w+)? away\b|\bgiv\w* away (?:all )?(?:my|all my) (?:stuff|things|belongings"
        r"|possessions)\b",
    ),
    *cues(
        _S,
        WEAK,
        rf"\b(?:kill|killing) {_SELF}\b",
        r"\b(?:have|got|made) a plan\b|\bdoing it tonight\b",
        r"\bi am done\b(?= ?[.,!?]|$)",
        r"\b(?:gave|given|giving|give) (?:away )?(?:my|all my) (?:\w+ ){0,2}(?:to|away)\b",
    ),
    *cues(
        _S,
        WEAK_STRAIN,
        r"\bcan not (?:do|take|handle) (?:this|it) (?:anymore|any more)\b|\bcan not go on\b",
        r"\b(?:will not|wont) need (?:\w+ ){0,5}(?:anymore|any more|much longer)\b",
    ),
]

SELF_HARM: list[Cue] = [
    *cues(
        _H,
        INJURY,
        r"\b(?:cut|cuts|cutting|burn|burns|burned|burnt|burning|hurt|hurts|hurting|hit|hits"
        rf"|hitting|punch|punching|punched|scratch|scratching|scratched|harm|harming|harmed"
        rf"|starve|starving|bite|biting|carve|carved|carving) {_SELF}\b",
        r"\b(?:have|has|had) been cutting\b(?! (?:my hair|the|vegetables|paper|onions|class"
        r"|school|carbs))",
        r"\b(?:cut|cutting) again\b|\b(?:started|start) cutting\b(?! (?:my hair|class|school))",
        r"\b(?:urge|urges|need|want|craving|cravings) (?:to )?(?:cut|self harm|burn)\b",
        r"\bcuts? (?:all )?(?:on|over|up|along) (?:my|her|his|their) (?:arms?|legs?|wrists?"
        r"|thighs?|body|stomach)\b",
        r"\b(?:my|her|his) (?:arms?|wrists?|thighs?|legs?) (?:are )?(?:covered in|full of)"
        r" (?:cuts|scars|burns|scratches)\b",
        r"\b(?:punch|punching|punched|hit|hitting|bang|banging) (?:the )?walls?\b(?: \w+){0,4}"
        r" (?:bleed|bleeds|bled|bloody|until|till)\b",
        r"\bbang(?:ing)? my head (?:against|on) (?:the )?(?:wall|floor|door)\b",
        r"\b(?:until|till|til) (?:it|they|i|my \w+) (?:bleed|bleeds|bled)\b",
        r"\b(?:scratch|scratching|scratched|pick|picking|claw|clawing)(?: \w+)? (?:at )?"
        r"(?:my|her|his) (?:arms?|skin|wrists?|legs?)\b",
        r"\b(?:cut|burn\w*|hurt|hit|scratch\w*|punch\w*|bit|bite|starv\w*)\b(?: \w+){0,3}"
        r" (?:on purpose|deliberately)\b",
        r"\b(?:normal|ok|okay|weird|bad|wrong|common) to (?:want to )?(?:hurt|cut|harm|burn)"
        r" yourself\b|\burge to (?:hurt|cut|harm) yourself\b",
        r"\bwho (?:cuts|self harms|hurts (?:herself|himself|themselves))\b",
        r"\bpunish(?:ing|ed|es)? (?:myself|herself|himself)\b",
        r"\b(?:razor|blade|razors|blades)\b(?: \w+){0,2} (?:on|in|across) (?:my|her|his) (?:arms?"
        r"|thighs?|legs?|wrists?|skin|stomach)\b",
        r"\b(?:fresh|new|deep) (?:cuts|wounds|burns|scratches)\b",
    ),
    *cues(
        _H,
        HOPELESS,
        r"\b(?:hide|hiding|cover|covering|hid)(?: \w+){0,2} (?:my |her |his |the )?(?:cuts"
        r"|scars|wounds|wrists|burns)\b",
        r"\bso (?:no one|nobody|noone|people do not|my parents do not)(?: \w+){0,2} (?:sees?"
        r"|notices?) (?:my |the )?(?:cuts|scars|arms|wrists|wounds)\b",
        r"\blong sleeves\b(?: \w+){0,3} (?:in (?:the )?summer|in this heat|when it is hot"
        r"|so (?:no one|nobody|noone)|to hide|even though it is (?:hot|warm))\b"
        r"|\bhoodies? in (?:the )?summer\b",
        r"\bdeserve (?:to )?(?:the )?(?:pain|hurt|suffer|be hurt|bleed)\b",
        r"\bthe pain helps\b(?= ?[.,!?]|$| me (?:cope|feel|forget|calm))"
        r"|\bonly way i can (?:feel|cope)\b",
        r"\bpull\w* (?:out )?my hair(?: out)?\b(?: \S+){0,6} (?:bald|bleed|until|can not stop)\b",
    ),
    *cues(
        _H,
        PLAN,
        r"\b(?:blades?|razors?|razor blades?)\b(?: \w+){0,3} (?:in|hidden|under)\b"
        r"|\b(?:keep|hide|hiding|have|bought|got)(?: \w+){0,2} (?:blades|razor blades|a blade)\b",
    ),
    *cues(
        _H,
        WEAK,
        r"\bi did it again\b",
        r"\bmy (?:arm|arms|wrist|wrists|thigh|thighs|leg|legs) (?:is|are|keeps?) bleeding\b",
    ),
    *cues(_H, TOPIC, r"\bself harm\w*|\bself injur\w*|\bself mutilat\w*"),
]

ABUSE: list[Cue] = [
    *cues(
        _A,
        HARM,
        r"(?<!\bi )\b(?:hits?|hitting|beats?|beating|slaps?|slapping|slapped|kicks?|kicked"
        r"|kicking|punch(?:es|ed|ing)?|chokes?|choked|choking|strangl\w+|smack(?:s|ed)?|grabs"
        r"|grabbed"
        rf"|whip(?:s|ped)?) {_OBJECT}\b(?! up\b| back\b)",
        rf"\bbeat(?:s|ing)? (?:the )?(?:shit|crap|hell) out of {_VICTIM}\b",
        r"\b(?:get|gets|got|getting|been|being|was|were|am|is) (?:\w+ )?(?:hit|beaten|beat up"
        r"|slapped|kicked|choked|strangled|locked in|locked up)\b"
        r"(?! by (?:a|the) (?:ball|car|bus|truck|wave|bike))",
        rf"\btouch(?:es|ed|ing)? {_VICTIM}\b(?! (?:deeply|so much|emotionally))"
        r"|\btouch(?:es|ed|ing)? my (?:body|chest|private\w*|breasts?|butt|thighs?|legs?|boobs)\b",
        r"\b(?:stepdad|uncle|coach|teacher|dad|father|brother|cousin|grandpa|neighbo\w+)"
        r"(?: \w+){0,2} touch\w*\b",
        r"\b(?:comes?|came|coming|sneaks?|snuck|gets?) (?:in)?to my (?:room|bed)\b(?: \S+){0,4}"
        r" (?:at night|when (?:everyone|everybody|i am|i|mom|mum) (?:is )?(?:asleep|sleeping"
        r"|sleeps|gone|out)|pretend)(?!(?: \S+){0,5} (?:thunder\w*|storm\w*|nightmares?|bad"
        r" dreams?)\b)",
        rf"\b(?:forces?|forced|forcing|pressur\w+) {_VICTIM}\b",
        r"\b(?:makes?|made|wants?) me (?:to )?send (?:him |her )?(?:pics|nudes|photos|pictures)\b",
        r"\b(?:does|did|doing) (?:things|stuff) to (?:me|her|him)\b",
        r"\b(?:push(?:es|ed)?|shov(?:es|ed)|grab(?:s|bed)|drag(?:s|ged)|pin(?:s|ned)|throws?|threw)"
        r" (?:me|her|him) (?:\w+ )?(?:against|into|down|to the (?:floor|ground|wall)|on the"
        r" (?:floor|ground)|across)\b",
        r"\b(?:gets?|becomes?|getting|got) (?:really |so |very )?(?:violent|aggressive|physical)\b"
        r"|\b(?:violent|aggressive) (?:towards|to|with) (?:me|us|her|him|my \w+)\b",
        r"\b(?:send|sending|sent|leak|leaking|leaked|post|posting|share|sharing|spread\w*)"
        r"(?: \w+){0,4} (?:my |her )?(?:nudes|nude (?:pics|photos|pictures)|naked (?:pics"
        r"|photos))\b",
        r"\bblackmail\w*|\bsextort\w*|\basking (?:me )?for (?:nudes|pics|pictures|photos)\b",
        r"\blocks? (?:me|us) (?:\w+ )?(?:in|out|up)\b|\blocked (?:me|us) (?:\w+ )?(?:in|out|up)\b",
        r"\b(?:scared|afraid|terrified) (?:to go|of going) home\b",
        rf"\b(?:scared|afraid|terrified) of (?:my {_RELATIVE}|him|her)\b",
        r"\b(?:scared|afraid|terrified) (?:that )?(?:he|she|my \w+) (?:will|is going to|going to"
        r"|might|would)(?: \w+)? (?:hurt|hit|beat|kill)\b",
        r"\b(?:my \w+|he|she) (?:will|is going to|would) (?:hurt|hit|beat) me\b",
        r"\bthrows? (?:things|stuff|\w+) at me\b|\bthrew (?:things|stuff|\w+) at me\b",
    ),
    *cues(
        _A,
        HARM_IDIOM,
        r"\bthreat\w*(?: \w+){0,2} (?:to (?:kill|hurt|hit|beat|leak|post|share|send|spread)"
        r"|me with)\b|\b(?:kill|hurt|hit) me if i (?:tell|say|told|leave)\b",
        r"\bif i (?:tell|leave)(?: \w+){0,3} (?:he|she) (?:will|would)(?: \w+)? (?:hurt|kill|hit"
        r"|beat)\b",
    ),
    *cues(
        _A,
        HARM,
        r"\b(?:banging|bangs|pounding|kicking) on my (?:door|window)\b"
        r"|\boutside my (?:door|room|window)\b(?: \S+){0,6} (?:scared|afraid|screaming|yelling"
        r"|shouting|terrified)\b",
        acute=True,
    ),
    *cues(
        _A,
        COERCION,
        r"\b(?:told|tells|said|says) (?:me|her|him) not to tell\b|\b(?:our|a) (?:little )?secret\b",
        r"\b(?:older|old|adult|grown) (?:guy|man|men|dude|person|woman)\b(?: \S+){0,10}?"
        r" (?:meet|pics|secret|not to tell|send)\b",
        r"\b(?:do not|never) tell (?:your|anyone|anybody) (?:parents|mom|mum|dad|about us)\b",
        r"\bkeep (?:it|this|us) (?:a )?secret\b|\bkeep it between us\b",
        r"\bmakes? me do (?:things|stuff) i (?:do not|did not) want\b",
        r"\b(?:pics|photos|pictures|videos|nudes)\b(?: \S+){0,10} (?:if i (?:do not|will not|stop)"
        r"|unless i|or (?:else|he|she))\b",
        r"\bif i do not do what (?:he|she|they) (?:says|wants)\b",
        r"\bi am 1[0-7]\b(?: \S+){0,8} [2-6]\d ?(?:year old|yo|years old)\b"
        r"|\b[2-6]\d ?(?:year old|yo|years old)\b(?: \S+){0,10} i am 1[0-7]\b",
    ),
    *cues(
        _A,
        DISCLOSURE,
        r"\b(?:rape|raped|raping|rapes|molest\w*|grope\w*|sexual(?:ly)? (?:abus\w*|assault\w*"
        r"|harass\w*)|incest)\b|\bgroomed (?:me|her|him)\b|\bgrooming (?:me|her|him)\b",
        r"(?<!substance )(?<!drug )(?<!alcohol )\babus(?:e|es|ed|ing|ive)\b",
    ),
]

CUES: list[Cue] = [*SUICIDE, *SELF_HARM, *ABUSE]
