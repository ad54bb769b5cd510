"""The user's sensitivity setting: a level, or a span "alert on scores rarer than once per
this", read as the return period a score must reach (`tasks.detect`)."""

from __future__ import annotations

from datetime import timedelta
from enum import StrEnum
from typing import Annotated

from pydantic import PlainSerializer, PlainValidator, TypeAdapter, ValidationError


class Sensitivity(StrEnum):
    """How often a topic may alert on ordinary news; each maps to a return period."""

    fewer = "fewer"
    balanced = "balanced"
    more = "more"


SENSITIVITY_PERIODS = {
    Sensitivity.fewer: timedelta(weeks=13),
    Sensitivity.balanced: timedelta(weeks=5),
    Sensitivity.more: timedelta(weeks=2),
}


_SPAN = TypeAdapter(timedelta)
_SENSITIVITY_HELP = ("use fewer, balanced or more, or a span of at least a day in ISO 8601 "
                     "such as P30D (rarer than once in 30 days)")


def _sensitivity(value: object) -> Sensitivity | timedelta:
    """A level's name, or an ISO 8601 span ("P30D") of at least a day; a bare number is
    refused, since YAML's 30 would otherwise be read as 30 seconds."""
    if isinstance(value, str) and value.strip().lower() in Sensitivity.__members__:
        return Sensitivity(value.strip().lower())
    span = value
    if isinstance(value, str) and value.strip().upper().startswith("P"):
        try:
            span = _SPAN.validate_python(value.strip())
        except ValidationError:
            span = None
    if isinstance(span, timedelta) and span >= timedelta(days=1):
        return span
    raise ValueError(f"{value!r} is not a sensitivity: {_SENSITIVITY_HELP}")


# A level, or a span: "alert on scores rarer than once per this".
SensitivitySetting = Annotated[
    Sensitivity | timedelta,
    PlainValidator(_sensitivity),
    PlainSerializer(lambda v: v if isinstance(v, Sensitivity) else _SPAN.dump_python(
        v, mode="json"), when_used="json"),
]
