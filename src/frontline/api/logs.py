"""Structured logs: one JSON object a line, each carrying the id of the request it is about.

What is logged is chosen so that no personal data reaches a log: the access line names the
route's template (``/v1/records/{kind}/{record_id}``), never the path as sent nor its query
string, and no body; errors are logged by their type and code. The request id comes from
the caller's ``X-Request-ID`` when it is a plain token (letters, digits, ``._:-``, 64 at
most) and is made up otherwise; it is sent back on every answer.
"""

from __future__ import annotations

import datetime as dt
import logging
import logging.config
import re
import secrets
import traceback
from contextvars import ContextVar
from typing import Any

import orjson

__all__ = ["REQUEST_ID", "JsonFormatter", "log_config", "request_id_from"]

REQUEST_ID: ContextVar[str | None] = ContextVar("frontline_request_id", default=None)
_PLAIN_ID = re.compile(rb"[A-Za-z0-9._:-]{1,64}")
# The fields of a LogRecord itself; everything else on a record was passed as ``extra``.
_STANDARD = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message"}


def request_id_from(header: bytes | None) -> str:
    """The caller's request id when it is a plain token, else a new random one."""
    if header is not None and _PLAIN_ID.fullmatch(header):
        return header.decode()
    return secrets.token_hex(12)


class JsonFormatter(logging.Formatter):
    """A log record as one JSON line: time, level, logger, message, request id, extras."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = REQUEST_ID.get()
        if request_id is not None:
            out["request_id"] = request_id
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_") and key != "color_message":
                out[key] = value
        if record.exc_info and record.exc_info[0] is not None:
            # The type and where, not the message: an error's message may quote the input.
            out["error"] = record.exc_info[0].__name__
            out["trace"] = _frames(record)
        return orjson.dumps(out, default=str).decode()


def _frames(record: logging.LogRecord) -> str:
    assert record.exc_info is not None
    trace = traceback.extract_tb(record.exc_info[2])
    return " | ".join(f"{frame.filename}:{frame.lineno} {frame.name}" for frame in trace)


def log_config(log_format: str) -> dict[str, Any]:
    """The ``logging.config`` of ``frontline serve`` (uvicorn's loggers included)."""
    formatter: dict[str, Any] = (
        {"()": JsonFormatter}
        if log_format == "json"
        else {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    )
    handler = {"class": "logging.StreamHandler", "formatter": "main", "stream": "ext://sys.stderr"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"main": formatter},
        "handlers": {"main": handler},
        "root": {"handlers": ["main"], "level": "INFO"},
        "loggers": {
            name: {"handlers": [], "level": "INFO", "propagate": True}
            for name in ("uvicorn", "uvicorn.error", "uvicorn.access")
        },
    }
