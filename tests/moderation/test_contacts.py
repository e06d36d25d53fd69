"""Anonymity protection: a young person who posts contact details in a room is warned before
the room sees them, and a new account's links wait a day. These tests are about finding them:
every kind, Dutch and English, written plainly and written to slip past a filter, and the
ordinary messages (times, grades, scores, help lines) that must pass untouched."""

from __future__ import annotations

import pytest

from moderation.contacts import LINK, ContactKind, Finding, Scan, scan

PHONE = ContactKind.phone
EMAIL = ContactKind.email
POSTCODE = ContactKind.postcode
STREET = ContactKind.street_address
SOCIAL = ContactKind.social


def contacts(text: str) -> list[tuple[ContactKind | str, str]]:
    """What a scan finds as contact details, as (kind, the text found)."""
    return [(found.kind, text[found.start : found.end]) for found in scan(text).contacts]


def links(text: str) -> list[str]:
    return [text[found.start : found.end] for found in scan(text).links]


# --- phone numbers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("bel me 0612345678", "0612345678"),
        ("mijn nummer is 06-12345678", "06-12345678"),
        ("app me: 06 1234 5678", "06 1234 5678"),
        ("06 12 34 56 78 is mijn nummer", "06 12 34 56 78"),
        ("0612 345 678", "0612 345 678"),
        ("(06) 12345678", "(06) 12345678"),
        ("06/12345678", "06/12345678"),
        ("06.12.34.56.78", "06.12.34.56.78"),
        ("06-12-34-56-78", "06-12-34-56-78"),
        ("tel: 0612345678.", "0612345678"),
    ],
)
def test_a_phone_number_in_dutch_mobile_format_is_found(text: str, number: str) -> None:
    assert contacts(text) == [(PHONE, number)]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("bel +31 6 12345678", "+31 6 12345678"),
        ("bel +31612345678", "+31612345678"),
        ("0031 6 1234 5678", "0031 6 1234 5678"),
        ("0031612345678", "0031612345678"),
        ("+31 (0)6 12345678", "+31 (0)6 12345678"),
        ("+31 06 12345678", "+31 06 12345678"),
        ("+32 470 12 34 56 (België)", "+32 470 12 34 56"),
        ("0032 470 12 34 56", "0032 470 12 34 56"),
        ("uk: +44 7700 900123", "+44 7700 900123"),
        ("+49 151 23456789", "+49 151 23456789"),
        ("call +1 415 555 0100", "+1 415 555 0100"),
    ],
)
def test_a_phone_number_with_a_country_code_is_found(text: str, number: str) -> None:
    assert contacts(text) == [(PHONE, number)]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("thuis: 020-1234567", "020-1234567"),
        ("010 1234567", "010 1234567"),
        ("070-123 45 67", "070-123 45 67"),
        ("(020) 1234567", "(020) 1234567"),
    ],
)
def test_a_dutch_landline_number_is_found(text: str, number: str) -> None:
    assert contacts(text) == [(PHONE, number)]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("06_12_34_56_78", "06_12_34_56_78"),
        ("06*12345678", "06*12345678"),
        ("06,12,34,56,78", "06,12,34,56,78"),
        ("06~1234~5678", "06~1234~5678"),
        ("0 6 1 2 3 4 5 6 7 8", "0 6 1 2 3 4 5 6 7 8"),
        ("bel0612345678", "0612345678"),
        ("o6 12345678", "o6 12345678"),
        ("+31_6_12_34_56_78", "+31_6_12_34_56_78"),
    ],
)
def test_a_mobile_number_split_with_odd_separators_is_still_found(text: str, number: str) -> None:
    assert contacts(text) == [(PHONE, number)]


def test_two_phone_numbers_are_both_found() -> None:
    assert contacts("bel 0612345678 of 0687654321") == [
        (PHONE, "0612345678"),
        (PHONE, "0687654321"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "bel 113 of chat via 113.nl",
        "bel gratis 0800-0113, ze zijn er altijd",
        "0800 0113",
        "+31 800 0113",
        "in nood: 112",
        "de Kindertelefoon: 0800-0432",
        "Korrelatie 0900-1450",
        "Veilig Thuis 0800-2000",
        "Sensoor: 0800-1351",
    ],
)
def test_the_crisis_line_113_and_other_help_lines_may_always_be_shared(text: str) -> None:
    assert scan(text).contacts == ()


@pytest.mark.parametrize(
    "text",
    [
        "politie (geen spoed): 0900-8844",
        "Meld Misdaad Anoniem 0800-7000",
        "Slachtofferhulp 0900-0101",
    ],
)
def test_public_safety_numbers_may_be_shared_too(text: str) -> None:
    assert scan(text).contacts == ()


def test_a_help_line_next_to_a_private_number_only_flags_the_private_one() -> None:
    assert contacts("bel 0800-0113 of mij 0612345678") == [(PHONE, "0612345678")]


@pytest.mark.parametrize(
    "text",
    [
        "de groep is van 19:00-22:00",
        "19:00 - 22:00 uur",
        "op 12-05-2024 is het zover",
        "12/05 om 20:00",
        "06-12-2024 13:00",
        "op 06-12-2024 12 uur",
        "06.12.2024 12.30",
        "ik ben geboren in 2008",
        "van 2023 tot 2024 en 2025",
        "hij won €1.000.000",
        "het kost 1,50",
        "50% korting",
        "het werd 3-1",
        "3-1, 2-0, 1-1 en 4-2",
        "ik had een 5,5 en een 7,8 en een 8,2",
        "versie 1.2.3.4567",
        "bestelnummer 1234567890",
        "612345678",
        "0123456789",
        "1234567",
        "IBAN NL91ABNA0417164300",
        "code 06123456789123",
        "dat was 2024-2025",
        "ik ben 15 en zit in groep 8",
        "06:00-08:00 en 12:00",
    ],
)
def test_times_dates_amounts_and_other_numbers_are_not_phone_numbers(text: str) -> None:
    assert scan(text).contacts == ()


# --- e-mail addresses ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("mail me op naam@gmail.com", "naam@gmail.com"),
        ("Lisa.de.Vries+rooms@hotmail.nl!", "Lisa.de.Vries+rooms@hotmail.nl"),
        ("naam_123@school.example.co.uk", "naam_123@school.example.co.uk"),
        ("mijn mail: lisa2009@hotmail", "lisa2009@hotmail"),
        ("NAAM@OUTLOOK.COM", "NAAM@OUTLOOK.COM"),
    ],
)
def test_an_email_address_is_found(text: str, address: str) -> None:
    assert contacts(text) == [(EMAIL, address)]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("naam at gmail dot com", "naam at gmail dot com"),
        ("naam AT gmail DOT com", "naam AT gmail DOT com"),
        ("naam(at)gmail.com", "naam(at)gmail.com"),
        ("naam (at) gmail (dot) com", "naam (at) gmail (dot) com"),
        ("naam [at] hotmail punt nl", "naam [at] hotmail punt nl"),
        ("naam{at}live.nl", "naam{at}live.nl"),
        ("naam @ outlook . com", "naam @ outlook . com"),
        ("naam @outlook.com", "naam @outlook.com"),
        ("naam at gmail.com", "naam at gmail.com"),
        ("naam apenstaartje ziggo punt nl", "naam apenstaartje ziggo punt nl"),
        ("mail lisa at mijnsite dot nl", "lisa at mijnsite dot nl"),
        ("mail me: lisa at gmail", "lisa at gmail"),
        ("naam(at)hotmail!", "naam(at)hotmail"),
    ],
)
def test_an_obfuscated_email_address_is_found(text: str, address: str) -> None:
    assert contacts(text) == [(EMAIL, address)]


def test_an_email_address_is_not_also_a_link_or_a_handle() -> None:
    found = scan("naam@gmail.com en naam(at)gmail.com")

    assert [finding.kind for finding in found.contacts] == [EMAIL, EMAIL]
    assert found.links == ()


@pytest.mark.parametrize(
    "text",
    [
        "ik ben at home",
        "look at youtube.com",
        "at school punt uit",
        "we zitten at the moment vast",
        "hallo @ iedereen. hoe gaat het",
        "@ 8 uur bij mij?",
        "mail me maar",
        "stuur een mail naar de mentor",
    ],
)
def test_at_and_dot_in_ordinary_sentences_are_not_an_email_address(text: str) -> None:
    assert EMAIL not in scan(text).contact_kinds


# --- postcodes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "postcode"),
    [
        ("1234 AB", "1234 AB"),
        ("postcode 1234AB", "1234AB"),
        ("ik woon in 1234ab", "1234ab"),
        ("3511 xy utrecht", "3511 xy"),
        ("9999 ZZ", "9999 ZZ"),
        ("3511 EN Utrecht", "3511 EN"),
        ("1012 Ab", "1012 Ab"),
    ],
)
def test_a_dutch_postcode_is_found(text: str, postcode: str) -> None:
    assert contacts(text) == [(POSTCODE, postcode)]


@pytest.mark.parametrize(
    "text",
    [
        "1234 SA",
        "1234SD",
        "1234 ss",
        "in 2024 en 2025",
        "1000 is veel",
        "in 2024 op vakantie",
        "IN 2024 EN 2025",
        "1000 km gefietst",
        "1000km",
        "2000 mb",
        "1200 ms vertraging",
        "0123 AB",
        "€1234 ab",
        "12345 AB",
        "1234 ABC",
        "1234 abc",
        "de 1000ste keer",
        "2024 is een goed jaar",
    ],
)
def test_numbers_followed_by_a_word_are_not_a_postcode(text: str) -> None:
    assert POSTCODE not in scan(text).contact_kinds


# --- street addresses ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Kerkstraat 12", "Kerkstraat 12"),
        ("ik woon in de kerkstraat 12a", "kerkstraat 12a"),
        ("Van Goghlaan 3-2", "Van Goghlaan 3-2"),
        ("Oude Gracht 105 bis", "Oude Gracht 105 bis"),
        ("ik woon op de Lindenweg 4", "Lindenweg 4"),
        ("In de Kerkstraat 12 is het", "Kerkstraat 12"),
        ("Burgemeester van Reenensingel 5", "Burgemeester van Reenensingel 5"),
        ("Dorpsplein 7, bij de bakker", "Dorpsplein 7"),
        ("Prinsengracht 263", "Prinsengracht 263"),
        ("Stationsweg 1 A", "Stationsweg 1 A"),
        ("Kerkstr. 12", "Kerkstr. 12"),
        ("Hoofdstraat nr 8", "Hoofdstraat nr 8"),
        ("Havenkade 12-hs", "Havenkade 12-hs"),
        ("Binnenhof 1", "Binnenhof 1"),
        ("KERKSTRAAT 12", "KERKSTRAAT 12"),
        ("de Laan van Meerdervoort 12 is lang", "Laan van Meerdervoort 12"),
        ("Plein van de Oude Stad 3a", "Plein van de Oude Stad 3a"),
    ],
)
def test_a_dutch_street_address_is_found(text: str, address: str) -> None:
    assert contacts(text) == [(STREET, address)]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("12 Baker Street", "12 Baker Street"),
        ("221B Baker St", "221B Baker St"),
        ("I live at 42 Elm Road.", "42 Elm Road"),
        ("10 Downing Street", "10 Downing Street"),
        ("7 Long Acre Avenue", "7 Long Acre Avenue"),
    ],
)
def test_an_english_street_address_is_found(text: str, address: str) -> None:
    assert contacts(text) == [(STREET, address)]


@pytest.mark.parametrize(
    "text",
    [
        "straat 3 keer overgestoken",
        "ik ben de straat 2 keer op en neer gelopen",
        "groep 8",
        "ik ben 15",
        "hoofdstuk 12",
        "ik ben onderweg 10 min",
        "nog 5 minuten onderweg",
        "in de achtbaan 2x",
        "de achtbaan 3",
        "mijn bijbaan 3 dagen per week",
        "ik ging naar het pretpark 2",
        "de weg 5 km lang",
        "Weg 12",
        "de prijs steeg 3 procent",
        "de supermarkt 2",
        "Plein van de Markt 3 keer rondgelopen",
        "mijn bijbaan bij de Jumbo op de Markt 12 uur per week",
        "ik woon aan een drukke weg",
        "in de Kalverstraat is het druk",
        "I walked 3 miles",
        "3 close friends",
        "the 2 way street",
    ],
)
def test_numbers_after_ordinary_words_are_not_a_street_address(text: str) -> None:
    assert STREET not in scan(text).contact_kinds


def test_a_full_address_gives_a_street_and_a_postcode() -> None:
    assert contacts("Kerkstraat 12a, 1234 AB Amsterdam") == [
        (STREET, "Kerkstraat 12a"),
        (POSTCODE, "1234 AB"),
    ]


# --- social and messenger handles ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("@naam", "@naam"),
        ("volg @lisa_2009 maar", "@lisa_2009"),
        ("insta: naam", "insta: naam"),
        ("Insta: Naam.x", "Insta: Naam.x"),
        ("ig naam_123", "ig naam_123"),
        ("snap: naam", "snap: naam"),
        ("sc: naam", "sc: naam"),
        ("add me on snap naam", "snap naam"),
        ("voeg me toe op snap lisa", "snap lisa"),
        ("mijn snap is naam", "snap is naam"),
        ("my insta is lisa.vd", "insta is lisa.vd"),
        ("m'n snapnaam is lisa", "snapnaam is lisa"),
        ("discord: naam#1234", "discord: naam#1234"),
        ("naam#1234", "naam#1234"),
        ("telegram @naam", "telegram @naam"),
        ("kik: naam", "kik: naam"),
        ("tiktok: naam", "tiktok: naam"),
        ("snapchat = lisa", "snapchat = lisa"),
        ("insta -> lisa", "insta -> lisa"),
        ("roblox: Naam_Speler", "roblox: Naam_Speler"),
        ("snap - lisa", "snap - lisa"),
        ("insta 👉 lisa", "insta 👉 lisa"),
        ("mijn insta is @lisa.vd", "insta is @lisa.vd"),
        ("wat vind jij @Sanne?", "@Sanne"),
    ],
)
def test_a_social_media_handle_is_found(text: str, handle: str) -> None:
    assert contacts(text) == [(SOCIAL, handle)]


@pytest.mark.parametrize(
    "text",
    [
        "insta is stom",
        "ik zit op snap",
        "ik zit op snap maar niet op insta",
        "mijn insta is privé",
        "mijn snap werkt niet",
        "insta: nee",
        "snap 2 keer per dag",
        "ig 2x",
        "add me op snap als je wilt",
        "@ 8 uur",
        "@8uur bij de ingang",
        "zie je @school",
        "@iedereen bedankt!",
        "@jij daar",
        "@everyone kijk even",
        "we staan #1",
        "bestelling#1234",
        "tiktok filmpjes zijn leuk",
        "oh snap",
        "dat vind ik prettig",
        "mijn telefoon @ 20%",
    ],
)
def test_naming_an_app_without_a_handle_is_not_a_contact_detail(text: str) -> None:
    assert SOCIAL not in scan(text).contact_kinds


@pytest.mark.parametrize(
    "link",
    [
        "tiktok.com/@naam",
        "instagram.com/naam",
        "https://www.instagram.com/naam/?igshid=abc",
        "snapchat.com/add/naam",
        "wa.me/31612345678",
        "https://chat.whatsapp.com/AbCdEf123",
        "t.me/naam",
        "discord.gg/abc",
        "discord.com/invite/abc",
        "facebook.com/naam",
        "https://m.facebook.com/profile.php?id=123",
        "twitter.com/naam",
        "x.com/naam",
        "signal.me/#p/+31612345678",
        "kik.me/naam",
        "youtube.com/@naam",
        "twitch.tv/naam",
        "reddit.com/u/naam",
    ],
)
def test_a_social_or_messenger_link_is_both_a_link_and_a_contact_detail(link: str) -> None:
    text = f"kijk {link} ok"

    assert contacts(text) == [(SOCIAL, link)]
    assert links(text) == [link]


@pytest.mark.parametrize(
    "link",
    [
        "youtube.com/watch?v=abc",
        "https://www.tiktok.com/@iemand/video/123",
        "x.com/nos/status/123",
        "instagram.com/p/AbC123",
        "instagram.com/explore",
        "https://vm.tiktok.com/ZMabc",
        "instagram.com",
    ],
)
def test_a_link_to_a_post_or_a_video_is_only_a_link(link: str) -> None:
    text = f"kijk {link} ok"

    assert scan(text).contacts == ()
    assert links(text) == [link]


# --- links ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "link"),
    [
        ("kijk op https://www.113.nl/ik-denk-aan-zelfmoord.", "https://www.113.nl/ik-denk-aan-zelfmoord"),
        ("http://site.nl", "http://site.nl"),
        ("zie www.jongerenlokettilburg.nl!", "www.jongerenlokettilburg.nl"),
        ("WWW.SITE.NL", "WWW.SITE.NL"),
        ("youtube.com/watch?v=x", "youtube.com/watch?v=x"),
        ("ga naar site.nl", "site.nl"),
        ("example.com", "example.com"),
        ("bbc.co.uk", "bbc.co.uk"),
        ("bit.ly/abc", "bit.ly/abc"),
        ("t.co/xyz", "t.co/xyz"),
        ("naar moe.de/volgende", "moe.de/volgende"),
        ("(zie https://nl.wikipedia.org/wiki/Stress_(psychologie))", "https://nl.wikipedia.org/wiki/Stress_(psychologie)"),
        ("site.nl:8080/pad", "site.nl:8080/pad"),
        ("mijnsite.online/over", "mijnsite.online/over"),
    ],
)  # fmt: skip
def test_a_link_is_found(text: str, link: str) -> None:
    assert links(text) == [link]
    assert scan(text).contacts == ()


@pytest.mark.parametrize(
    "text",
    [
        "e.g. this",
        "i.e. that",
        "enz.",
        "t.m. vrijdag",
        "o.a. school",
        "d.w.z. niet",
        "z.s.m.",
        "versie 1.2.3",
        "om 9.30 begint het",
        "verslag.docx",
        "foto.png",
        "script.py",
        "readme.md",
        "bestand.zip",
        "ik was moe.de volgende dag ging beter",
        "het was leuk.Nu ben ik moe",
        "klaar.Com",
        "Hoi.Ik ben er",
        "prijs is 2.50",
        "",
    ],
)
def test_abbreviations_versions_times_and_file_names_are_not_links(text: str) -> None:
    assert scan(text).links == ()


def test_several_links_are_found_in_order() -> None:
    assert links("eerst www.a.nl, dan https://b.com/x en c.org") == [
        "www.a.nl",
        "https://b.com/x",
        "c.org",
    ]


def test_a_phone_number_inside_a_link_is_part_of_the_link() -> None:
    text = "https://nos.nl/artikel/0612345678-nieuws"

    assert scan(text).contacts == ()
    assert links(text) == [text]


# --- several findings, positions, the whole scan -------------------------------------------


def test_several_contact_details_are_found_in_order_of_appearance_with_their_positions() -> None:
    text = (
        "Hoi! Bel 06-12345678, mail lisa@gmail.com of kom naar Kerkstraat 12, 1234 AB. "
        "Snap: lisa_09"
    )

    assert scan(text).contacts == (
        Finding(PHONE, 9, 20),
        Finding(EMAIL, 27, 41),
        Finding(STREET, 54, 67),
        Finding(POSTCODE, 69, 76),
        Finding(SOCIAL, 78, 91),
    )


def test_the_kinds_found_are_listed_once_in_a_stable_order() -> None:
    first = scan("snap: lisa, 0612345678, 0687654321, naam@gmail.com")
    second = scan("naam@gmail.com, 0612345678, snap: lisa")

    assert first.contact_kinds == (PHONE, EMAIL, SOCIAL)
    assert second.contact_kinds == first.contact_kinds


def test_a_social_link_counts_once_as_a_contact_detail_and_once_as_a_link() -> None:
    found = scan("instagram.com/lisa")

    assert found == Scan(
        contacts=(Finding(SOCIAL, 0, 18),),
        links=(Finding(LINK, 0, 18),),
    )
    assert found.contact_kinds == (SOCIAL,)


def test_a_handle_introduced_by_its_app_is_one_finding() -> None:
    assert contacts("telegram @naam en discord: naam#1234") == [
        (SOCIAL, "telegram @naam"),
        (SOCIAL, "discord: naam#1234"),
    ]


@pytest.mark.parametrize("text", ["", " ", "\n\n", "😊", "\u200b"])
def test_an_empty_text_holds_nothing(text: str) -> None:
    assert scan(text) == Scan()
    assert scan(text).contact_kinds == ()


@pytest.mark.parametrize(
    "text",
    [
        "Hoi allemaal, ik had vandaag echt een rotdag op school. Iemand tips voor stress?",
        "ik weet niet of ik het nog volhoud met mijn ouders, ze snappen er niks van 😔💔",
        "Morgen om 19:00 is er weer een groep, ik heb een 7,5 gehaald voor wiskunde!! 3-1",
        "I have been feeling down for 2 weeks. Is it normal? My mentor says it's fine.",
        "ik ben 16, zit in 4 havo en woon sinds 2019 in Utrecht, bij mijn moeder",
        "Hoofdstuk 3 t/m 5 leren voor de toets van 12/05, 60% van het cijfer.",
        "Bel 113 of 0800-0113 als het niet meer gaat, ze zijn er 24/7 ❤️",
    ],
)
def test_an_ordinary_message_holds_nothing(text: str) -> None:
    assert scan(text) == Scan()


def test_a_long_text_is_scanned_to_its_end() -> None:
    story = "Ik wil even mijn verhaal delen, het gaat al een tijdje niet zo goed op school. "
    text = story * 50 + "bel me: 0612345678"
    assert len(text) > 3900

    assert scan(text).contacts == (Finding(PHONE, len(text) - 10, len(text)),)


def test_a_long_ordinary_text_holds_nothing() -> None:
    story = "Soms weet ik het niet meer, in 2024 ging het beter dan nu. Groep 8 was leuk! "
    text = (story * 60)[:4000]

    assert scan(text) == Scan()


# --- folding: hidden characters, and positions in the text as written ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "06\u200b1234\u200b5678",
        "0\u200c6\u200d1\u20602345678",
        "\ufeff0612345678",
        "06\u00ad12345678",
    ],
)
def test_zero_width_characters_do_not_hide_a_phone_number(text: str) -> None:
    assert scan(text).contacts == (Finding(PHONE, text.index("0"), len(text)),)


def test_fullwidth_digits_are_read_as_digits() -> None:
    text = "bel ０６１２３４５６７８ ok"

    assert contacts(text) == [(PHONE, "０６１２３４５６７８")]


def test_keycap_emoji_digits_are_read_as_digits() -> None:
    text = "".join(f"{digit}\ufe0f\u20e3" for digit in "0612345678")

    assert scan(text).contacts == (Finding(PHONE, 0, len(text)),)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("𝟎𝟔𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖", "𝟎𝟔𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖"),
        ("٠٦١٢٣٤٥٦٧٨", "٠٦١٢٣٤٥٦٧٨"),
        ("06–12345678", "06–12345678"),
        ("06\u00a012\u00a034\u00a056\u00a078", "06\u00a012\u00a034\u00a056\u00a078"),
    ],
)
def test_other_ways_of_writing_digits_and_spaces_are_read_as_plain_ones(
    text: str, number: str
) -> None:
    assert contacts(f"nummer: {text}!") == [(PHONE, number)]


def test_obfuscated_handles_and_addresses_in_fullwidth_are_found() -> None:
    assert contacts("ｎａａｍ＠ｇｍａｉｌ．ｃｏｍ") == [(EMAIL, "ｎａａｍ＠ｇｍａｉｌ．ｃｏｍ")]
    assert contacts("＠lisa") == [(SOCIAL, "＠lisa")]


def test_positions_refer_to_the_text_as_written_after_emoji_and_ligatures() -> None:
    text = "ﬁjn 😊 caf\u0301e \u200b\u200b Kerkstraat 12 of 0612345678"

    assert contacts(text) == [(STREET, "Kerkstraat 12"), (PHONE, "0612345678")]


def test_a_finding_is_a_value() -> None:
    assert Finding(PHONE, 1, 2) == Finding(PHONE, 1, 2)
    with pytest.raises(AttributeError):
        Finding(PHONE, 1, 2).start = 3  # type: ignore[misc]
