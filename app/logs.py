"""How the service logs: one JSON object per line in production, readable lines elsewhere.

Logs leave the process (to journald, a log shipper, a support ticket), so nothing in them may
point at a person: no handle, token, address, user agent or message text. Our own log calls
carry only codes, counts, ids and route templates; what the libraries underneath would write
about people is kept out here, at the one handler every logger reaches:

- uvicorn's lines that begin with the client's address (its access log and its WebSocket
  handshake lines, which also carry the query string),
- the WebSocket library's frame dumps and SQLAlchemy's row dumps at DEBUG (a frame or a row
  holds what someone wrote, or a token); SQL parameters are hidden by the engine itself,
- and, should anything slip through anyway, whatever looks like one of our bearer tokens or
  recovery and invite codes is masked in the finished line.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from datetime import UTC, datetime
from typing import Any, TextIO

from app.config import LogFormat, Settings

# Fields a log call may add with ``extra=``; everything else on a record stays out of the line.
FIELDS = ("method", "route", "status", "duration_ms", "code")

_TOKEN = re.compile(r"vr_[A-Za-z0-9_\-]+")
_CODE = re.compile(r"\b[A-Z0-9]{4}(?:-[A-Z0-9]{4}){4,5}\b")
_CONTENT_DUMPS = frozenset({"< %s", "> %s", "Row %r"})  # websockets' frames, SQLAlchemy's rows


def redact(line: str) -> str:
    return _CODE.sub("[code]", _TOKEN.sub("vr_[token]", line))


class NoPeople(logging.Filter):
    """Drops the library lines that describe a person or what they wrote (see the module)."""

    def filter(self, record: logging.LogRecord) -> bool:
        template = str(record.msg)
        if record.name.startswith("uvicorn") and template.startswith('%s - "'):
            return False
        return template not in _CONTENT_DUMPS


class TextFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)-7s %(name)s %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class JsonFormatter(logging.Formatter):
    """One object per line: ``time``, ``level``, ``logger``, ``message``, the known extra
    fields, and ``exception`` (its type and traceback) when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for field in FIELDS:
            if field in record.__dict__:
                line[field] = record.__dict__[field]
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return redact(json.dumps(line, default=str, ensure_ascii=False))


def configure(settings: Settings, stream: TextIO | None = None) -> logging.Handler:
    """Send every logger (ours, uvicorn's, SQLAlchemy's) through one filtered handler."""
    handler = logging.StreamHandler(stream or sys.stderr)
    json_lines = settings.log_format is LogFormat.json
    handler.setFormatter(JsonFormatter() if json_lines else TextFormatter())
    handler.addFilter(NoPeople())
    root = logging.getLogger()
    for existing in list(root.handlers):
        root.removeHandler(existing)
    root.addHandler(handler)
    root.setLevel(settings.log.level)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        library = logging.getLogger(name)
        library.handlers.clear()
        library.propagate = True
        library.setLevel(logging.NOTSET)
    return handler
