"""Word lists the detectors share: top-level domains, mail providers, everyday words.

Kept apart from the patterns so that a moderator's report of a missed or a wrong catch usually
means adding a word here, not changing a regular expression.
"""

from __future__ import annotations

# Top-level domains common enough in Dutch and Belgian chat that a bare "naam.nl" is a link,
# even without a path. None of them is an everyday word a missing space could glue on (".de",
# ".me", ".nu", ".to" are, so they need a path: "t.me/naam").
COMMON_TLDS = frozenset({"com", "nl", "be", "net", "org", "eu", "info", "io", "uk", "tv", "biz"})

# Further domains that count as a link with a path ("bit.ly/x", "discord.gg/abc"), and, in an
# obfuscated e-mail address, as its end. Every two-letter country code counts too. File types
# that are also domains (.zip, .mov) are left out: "verslag.zip" is a file name.
OTHER_TLDS = frozenset(
    {
        "app", "art", "blog", "cafe", "chat", "club", "design", "dev", "digital", "edu",
        "email", "fun", "games", "gay", "gov", "link", "live", "lol", "mobi", "name",
        "news", "nu", "online", "page", "photo", "pics", "pro", "run", "shop", "site", "social",
        "store", "stream", "studio", "tech", "today", "top", "vip", "website", "wiki", "world",
        "xyz", "amsterdam", "brussels", "frl", "gent", "vlaanderen",
    }
)  # fmt: skip

# Providers whose name alone says "mail": "naam@hotmail" without its domain is an address.
MAIL_PROVIDERS = frozenset(
    {
        "gmail", "googlemail", "hotmail", "outlook", "icloud", "yahoo", "ymail", "protonmail",
        "ziggo", "kpnmail", "kpnplanet", "xs4all", "hetnet", "telenet", "skynet", "tutanota",
    }
)  # fmt: skip
# Where "naam at gmail.com" is an address with only the @ written out; "look at youtube.com"
# is not, so for any other domain the dot must be written out too ("naam at site dot nl").
AT_WORD_PROVIDERS = MAIL_PROVIDERS | {
    "live", "msn", "proton", "planet", "home", "gmx", "aol", "zoho", "tuta", "quicknet",
    "casema", "chello", "upcmail",
}  # fmt: skip

# Units, ordinals and chat words that follow a number directly ("1000km", "2nd", "1080hp").
UNITS = frozenset(
    {
        "cl", "cm", "ct", "dl", "gb", "hp", "hz", "jr", "kb", "kg", "km", "kw", "mb", "mg",
        "ml", "mm", "ms", "nd", "pk", "pm", "am", "rd", "st", "tb", "th", "xd", "xp",
    }
)  # fmt: skip

# Two-letter words that follow a four-digit number in ordinary sentences ("2024 en", "1000
# is"), so "1234 ab" in lower case with a space is only a postcode when it is not one of these.
TWO_LETTER_WORDS = UNITS | {
    # Dutch
    "al", "da", "de", "en", "er", "ga", "ge", "he", "ie", "ik", "in", "is", "ja", "je", "me",
    "na", "nu", "of", "oh", "ok", "om", "op", "te", "tm", "we", "ze", "zo",
    # English
    "an", "as", "at", "be", "by", "do", "go", "ha", "hi", "if", "it", "my", "no", "on", "or",
    "so", "to", "up", "us", "ya", "yo",
}  # fmt: skip

# Words that follow a number without it being a house number ("straat 3 keer", "onderweg 10
# min", "achtbaan 2x").
COUNTED_WORDS = frozenset(
    {
        "x", "keer", "keertjes", "maal", "uur", "uurtje", "uurtjes", "u", "min", "minuut",
        "minuten", "minuutjes", "sec", "seconden", "dag", "dagen", "dagjes", "week", "weken",
        "maand", "maanden", "jaar", "jaren", "km", "kilometer", "m", "meter", "meters", "kg",
        "kilo", "gram", "euro", "eur", "cent", "procent", "%", "graden", "stuks", "stuk",
        "mensen", "personen", "man", "kinderen", "leerlingen", "jongeren", "huizen", "punten",
        "pagina", "paginas", "pagina's", "times", "hour", "hours", "minute", "minutes", "mins",
        "day", "days", "weeks", "month", "months", "year", "years", "miles", "people",
        "kids", "points", "pages",
    }
)  # fmt: skip

# Words that follow "insta:", "mijn snap is" or "add me on snap" without being a handle ("mijn
# insta is privé", "insta: nee", "add me op snap als je wilt").
_DUTCH_EVERYDAY = frozenset(
    {
        "aan", "al", "alleen", "als", "altijd", "ben", "beter", "bij", "binnenkort", "bijna",
        "boeit", "cool", "daar", "dan", "dat", "de", "deze", "die", "dit", "dm", "doe", "doen",
        "dood", "dus", "echt", "een", "eens", "en", "er", "even", "ff", "gaat", "geblokt",
        "gebruik", "gehackt", "geen", "gek", "gelukkig", "gewoon", "goed", "haat", "heb",
        "hebben", "heel", "het", "hier", "hij", "hoe", "hun", "ik", "in", "is", "ja", "je",
        "jij", "jou", "jouw", "kan", "kapot", "kijk", "kijken", "kut", "kwijt", "leeg", "leuk",
        "maar", "me", "meer", "mee", "met", "mij", "mijn", "misschien", "moet", "mn", "mss",
        "naar", "nee", "net", "niet", "niks", "nog", "nooit", "nu", "of", "ok", "oke",
        "oké", "om", "ons", "ook", "op", "openbaar", "over", "priv", "privé", "prive", "saai",
        "sorry", "staat", "stom", "stuur", "te", "toch", "toe", "tot", "twee", "uit", "van",
        "vanavond", "vanaf", "verslavend", "verwijderd", "via", "vind", "voor", "vroeger",
        "waar", "wat", "weg", "wel", "werkt", "weet", "wie", "wil", "zeker", "ze", "zit",
        "zo", "zijn", "zou", "zoek", "zoeken",
    }
)  # fmt: skip
_ENGLISH_EVERYDAY = frozenset(
    {
        "a", "about", "account", "again", "all", "also", "an", "and", "any", "are", "at",
        "back", "banned", "be", "because", "boring", "but", "can", "dead", "deleted", "do",
        "down", "dumb", "for", "from", "fun", "good", "got", "hacked", "hate", "have", "here",
        "i", "if", "in", "is", "it", "just", "later", "like", "lol", "me", "mine", "my", "no",
        "nope", "not", "now", "of", "offline", "ok", "okay", "on", "online", "or", "private",
        "public", "really", "so", "sometimes", "sucks", "that", "the", "then", "there", "this",
        "to", "too", "toxic", "u", "us", "was", "we", "what", "when", "where", "why", "with",
        "yes", "you", "your",
    }
)  # fmt: skip
EVERYDAY_WORDS = _DUTCH_EVERYDAY | _ENGLISH_EVERYDAY
