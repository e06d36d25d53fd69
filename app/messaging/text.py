"""What a message body may be: normalised Unicode, no control characters, a named limit."""

from __future__ import annotations

import unicodedata

from app.messaging import errors

MAX_LENGTH = 4_000
_ALLOWED_CONTROLS = {"\n", "\t"}


def clean_body(body: str) -> str:
    """NFC-normalised text, trailing whitespace trimmed; raises what is wrong with it.

    Control characters (category Cc, and the invisible format characters that can spoof text
    direction) are refused rather than silently stripped: the author should see what was sent.
    """
    text = unicodedata.normalize("NFC", body.replace("\r\n", "\n")).strip()
    if not text:
        raise errors.MessageEmpty()
    if len(text) > MAX_LENGTH:
        raise errors.MessageTooLong(max_length=MAX_LENGTH, length=len(text))
    for char in text:
        if char in _ALLOWED_CONTROLS:
            continue
        if (
            unicodedata.category(char) == "Cc"
            or char in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
        ):
            raise errors.MessageControlCharacters()
    return text
