"""``POST /api/signals``: read a note and suggest attitude, personal need, departments and signals."""

from __future__ import annotations

from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Router, Schema
from pydantic import ConfigDict, StringConstraints

from dealmap.signals import read_note, reading_to_dict
from dealmap.web.api.errors import COMMON, errors

router = Router(tags=["signals"])

#: A note longer than this is refused (422): the reader is for notes, not documents.
MAX_CHARS = 5000


class NoteIn(Schema):
    """The customer's words or a visit note (zh, en or mixed)."""

    model_config = ConfigDict(extra="forbid")
    text: Annotated[str, StringConstraints(strict=True, max_length=MAX_CHARS)]


class AttitudeOut(Schema):
    level: int | None
    confidence: float
    cues: list[str]


class NeedOut(Schema):
    type: str | None
    cues: list[str]


class SignalCueOut(Schema):
    signal: str
    cue: str


class DepartmentCueOut(Schema):
    department: str
    cue: str


class ReadingOut(Schema):
    """The reading of docs/formats.md, with the cues behind every suggestion."""

    attitude: AttitudeOut
    personal_need: NeedOut
    departments: list[str]
    signals: list[str]
    signal_cues: list[SignalCueOut]
    department_cues: list[DepartmentCueOut]


@router.post("/signals", response={200: ReadingOut, **errors(*COMMON)})
def signals_read(request: HttpRequest, payload: NoteIn) -> dict[str, Any]:
    """Suggestions a seller confirms; nothing is stored. An empty text gives nulls."""
    return reading_to_dict(read_note(payload.text))
