"""Refusals of the WebSocket itself (its limits); the frames they travel in are errors too."""

from __future__ import annotations

from app.errors import PayloadTooLarge, TooManyRequests


class FrameTooLarge(PayloadTooLarge):
    code = "realtime.frame_too_large"
    message_nl = "Dit bericht aan de server is te groot (hoogstens {max_bytes} bytes)."
    message_en = "This frame is too large (at most {max_bytes} bytes)."


class TooManyConnections(TooManyRequests):
    code = "realtime.too_many_connections"
    message_nl = (
        "Je hebt al {limit} verbindingen open. Sluit de app op een ander apparaat, of probeer "
        "het over {retry_after} seconden opnieuw."
    )
    message_en = (
        "You already have {limit} connections open. Close the app on another device, or try "
        "again in {retry_after} seconds."
    )
