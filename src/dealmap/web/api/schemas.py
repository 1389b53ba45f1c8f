"""The API's In/Out schemas. Integers are strict (``false`` is not 0) and every bound is declared."""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from ninja import Schema
from pydantic import AfterValidator, BeforeValidator, Field, StrictBool, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from dealmap.interchange import amounts
from dealmap.interchange.names import INVISIBLE, LIST_SEPARATORS, separator_in, tidy
from dealmap.interchange.xlsx_read import MAX_TEXT_CHARS
from dealmap.method import codes
from dealmap.web.core import clock

#: An amount's smallest step: a cent (``amounts.AMOUNT_PLACES`` decimals).
CENT = Decimal(1).scaleb(-amounts.AMOUNT_PLACES)

#: The largest id a path or body may name: beyond it no row exists (and databases overflow).
MAX_ID = 2**53

#: The pattern of text without NUL characters; the error handler names a mismatch as a NUL.
NO_NUL = r"^[^\x00]*$"
#: The pattern of a name: no NUL, and at least one character that shows — not only whitespace and
#: format characters such as a zero-width space (``INVISIBLE``, what the web forms refuse too).
#: The error handler names a mismatch as an empty name (a NUL is refused before: ``_no_nul``).
VISIBLE = f"^[^\\x00]*[^\\x00{INVISIBLE}][^\\x00]*$"


def text(max_length: int = MAX_TEXT_CHARS, *, min_length: int = 0):
    """A string type without NUL characters (databases refuse them) and with a length bound.

    Free text defaults to what the web forms take and a workbook cell takes back
    (``MAX_TEXT_CHARS``), so whatever the API stores an Excel export re-imports.
    """
    return Annotated[str, StringConstraints(min_length=min_length, max_length=max_length, pattern=NO_NUL)]


def _stripped(value: str) -> str:
    """Without whitespace or invisible characters at either end (``names.tidy``), as the web
    forms, a deal file and the workbook importer store names and titles: what an export of it
    re-imports is then what is stored."""
    return tidy(value)


def _no_nul(value: Any) -> Any:
    """A NUL in a name is named as such, before the pattern (``VISIBLE``) finds the name wanting."""
    if isinstance(value, str) and "\x00" in value:
        raise PydanticCustomError("string_nul", "must not contain a NUL character")
    return value


def visible_name(max_length: int = 200):
    """A name: some visible character (``VISIBLE``), stored without its end spaces."""
    return Annotated[
        str,
        StringConstraints(min_length=1, max_length=max_length, pattern=VISIBLE),
        AfterValidator(_stripped),
        BeforeValidator(_no_nul),
    ]


def _distinct(items: list, key=lambda item: item) -> list:
    """A list naming each item once (a deal file and a workbook refuse a repeat)."""
    seen: set = set()
    for item in items:
        if key(item) in seen:
            raise PydanticCustomError("repeated", "{item} is listed more than once", {"item": key(item)})
        seen.add(key(item))
    return items


def _no_separator(name: str) -> str:
    """A competitor's name holds no list separator: a workbook cell lists competitors split at them."""
    if (sep := separator_in(name)) is not None:
        raise PydanticCustomError("list_separator", "must not contain {sep!r}", {"sep": sep})
    return name


#: The schema's pattern for a competitor's name: ``VISIBLE`` without the list separators. (The
#: check itself is ``_no_separator``, so a refusal names the separator.)
_NOT_IN_NAME = "\\x00" + "".join(f"\\u{ord(sep):04x}" for sep in LIST_SEPARATORS)
COMPETITOR_PATTERN = f"^[^{_NOT_IN_NAME}]*[^{_NOT_IN_NAME}{INVISIBLE}][^{_NOT_IN_NAME}]*$"

#: A competitor's name: a name (``visible_name``) without a list separator (``names``).
CompetitorName = Annotated[
    visible_name(),
    AfterValidator(_no_separator),
    Field(json_schema_extra={"pattern": COMPETITOR_PATTERN}),
]


def competitor_names(max_items: int):
    """A list of distinct competitors' names: unique in the schema, and again once stripped."""
    return Annotated[
        list[CompetitorName],
        Field(max_length=max_items, json_schema_extra={"uniqueItems": True}),
        AfterValidator(_distinct),
    ]


def choice(vocabulary: codes.Vocabulary, *, blank: bool = False):
    """A Literal of the vocabulary's codes (and ``""`` when the field may be empty)."""
    values = ("", *vocabulary.codes) if blank else vocabulary.codes
    return Literal[values]  # type: ignore[valid-type]


def _whole_number(value: Any) -> Any:
    """Integers as JSON Schema means them: a number without a fraction (``3`` or ``3.0``).

    ``true``/``false`` and numeric strings are refused (pydantic's lax mode would take ``false``
    as 0 and ``"3"`` as 3).
    """
    if isinstance(value, bool | str):
        raise PydanticCustomError("not_whole", "must be a whole number")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def whole(low: int, high: int):
    """An integer between ``low`` and ``high`` (bounds in the schema, whole-number input only)."""
    return Annotated[int, Field(ge=low, le=high), BeforeValidator(_whole_number)]


def _iso_date(value: Any) -> Any:
    """Dates only as ``YYYY-MM-DD`` text (pydantic's lax mode would take a number as a timestamp)."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    raise PydanticCustomError("not_date", "must be a date as YYYY-MM-DD")


#: Most whole digits of an amount (below 10^13).
AMOUNT_WHOLE_DIGITS = len(str(amounts.AMOUNT_LIMIT)) - 1

#: An amount written as text, the way answers give it back ("1200000.00"): ASCII digits, one
#: optional point and decimals, an optional minus (refused as negative with its own message); no
#: exponent, spaces, thousands separators or other scripts' digits ("١٢"): Python's ``\d`` would
#: take those, JSON Schema's does not.
_AMOUNT_TEXT = re.compile(r"(-?)([0-9]+)(?:\.([0-9]+))?")


def _money_text(value: str) -> Decimal:
    """An amount written as text, held to what the schema's pattern (``AMOUNT_TEXT_PATTERN``)
    says, digit by digit: "1.000" has three decimals and "-0" a sign, though both are exact."""
    written = _AMOUNT_TEXT.fullmatch(value)
    if written is None:
        raise PydanticCustomError("not_amount", "must be a number, or a decimal written as text")
    sign, whole, decimals = written.groups()
    if sign:
        raise PydanticCustomError(
            "greater_than_equal", "Input should be greater than or equal to 0", {"ge": 0}
        )
    if len(whole) > AMOUNT_WHOLE_DIGITS:
        if len(whole.lstrip("0")) > AMOUNT_WHOLE_DIGITS:
            raise PydanticCustomError(
                "amount_too_large", "must be less than {lt}", {"lt": amounts.AMOUNT_LIMIT}
            )
        raise PydanticCustomError("not_amount", "must be a number, or a decimal written as text")
    if decimals is not None and len(decimals) > amounts.AMOUNT_PLACES:
        raise PydanticCustomError(
            "amount_too_precise",
            "may have at most {places} decimal places",
            {"places": amounts.AMOUNT_PLACES},
        )
    return Decimal(value)


def _money(value: Any) -> Decimal:
    """A JSON number as the decimal it spells (its shortest ``repr``: ``1.005`` is 1.005, not
    1.00), or a decimal written as text — what every answer gives (``DealOut.amount``), so an
    answer sent back is taken. Refused when the databases could not hold it exactly (see
    ``amounts``): what the answer echoes is then what is stored. ``AMOUNT_SCHEMA`` states the
    same bounds."""
    if isinstance(value, str):
        value = _money_text(value)
    elif (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or (isinstance(value, float) and not math.isfinite(value))  # Python's json reads NaN
    ):
        raise PydanticCustomError("not_amount", "must be a number, or a decimal written as text")
    amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    problem = amounts.amount_problem(amount)
    if problem is amounts.NEGATIVE:
        raise PydanticCustomError(
            "greater_than_equal", "Input should be greater than or equal to 0", {"ge": 0}
        )
    if problem is amounts.TOO_LARGE:
        raise PydanticCustomError("amount_too_large", "must be less than {lt}", {"lt": amounts.AMOUNT_LIMIT})
    if problem is amounts.TOO_PRECISE:
        raise PydanticCustomError(
            "amount_too_precise",
            "may have at most {places} decimal places",
            {"places": amounts.AMOUNT_PLACES},
        )
    return abs(amount.quantize(CENT))  # -0.0 is 0.00


#: An amount as text in the schema: up to 13 whole digits and 2 decimals (the answers' form).
AMOUNT_TEXT_PATTERN = rf"^[0-9]{{1,{AMOUNT_WHOLE_DIGITS}}}(\.[0-9]{{1,{amounts.AMOUNT_PLACES}}})?$"

#: What an amount is, for the schema (and so for generated requests): a number from 0 to below
#: 10^13 in cents, or the same written as text as answers give it. Not pydantic's own
#: ``lt``/``multiple_of``: its float check against 0.01 refuses exact cents above about 10^12
#: (6408655322280.85); ``_money`` checks the decimal.
AMOUNT_SCHEMA = {
    "anyOf": [
        {"type": "number", "minimum": 0, "exclusiveMaximum": amounts.AMOUNT_LIMIT, "multipleOf": float(CENT)},
        {"type": "string", "pattern": AMOUNT_TEXT_PATTERN},
    ]
}


Id = whole(1, MAX_ID)
Version = whole(1, 2**31 - 1)
Level = whole(codes.LEVEL_MIN, codes.LEVEL_MAX)
Power = whole(codes.POWER_MIN, codes.POWER_MAX)
Strength = whole(codes.RELATION_STRENGTH_MIN, codes.RELATION_STRENGTH_MAX)
TrustDelta = whole(codes.TRUST_DELTA_MIN, codes.TRUST_DELTA_MAX)
Affinity = whole(codes.AFFINITY_MIN, codes.AFFINITY_MAX)
Name = visible_name(200)
Title = Annotated[text(200), AfterValidator(_stripped)]
#: An amount of money as a JSON number: below 10^13 with at most 2 decimals (what SQLite and
#: PostgreSQL both hold exactly), read as the Decimal it spells.
Amount = Annotated[Decimal, BeforeValidator(_money), WithJsonSchema(AMOUNT_SCHEMA)]
#: A person's key (a deal file's person id) and a currency code, as patterns (the error handler
#: says what each means instead of showing the pattern).
KEY_PATTERN = r"^[A-Za-z0-9_.\-]{1,64}$"
CURRENCY_PATTERN = r"^[A-Z]{3}$"
Key = Annotated[str, StringConstraints(pattern=KEY_PATTERN)]
Currency = Annotated[str, StringConstraints(pattern=CURRENCY_PATTERN)]
Day = Annotated[date, BeforeValidator(_iso_date)]


def _happened(day: date) -> date:
    """A day something was seen or done: not in the future, not before 1970 (as the forms)."""
    if day > clock.today():
        raise PydanticCustomError("future_day", "must not be in the future")
    if day < clock.EARLIEST_DAY:
        raise PydanticCustomError(
            "early_day", "must not be before {earliest}", {"earliest": clock.EARLIEST_DAY.isoformat()}
        )
    return day


#: The day of an assessment or an interaction.
PastDay = Annotated[
    date,
    BeforeValidator(_iso_date),
    AfterValidator(_happened),
    Field(description="YYYY-MM-DD, not after today and not before 1970-01-01 (as the web forms)."),
]
Signal = choice(codes.SIGNALS)


class ProblemOut(Schema):
    """One problem with the input: where (a JSON path or field name) and what."""

    path: str
    message: str


class ErrorOut(Schema):
    """Every error answer: a sentence, and for bad input the problems one by one."""

    detail: str
    problems: list[ProblemOut] = []


class UserOut(Schema):
    id: int
    username: str
    role: str
    team: str | None

    @staticmethod
    def resolve_team(obj) -> str | None:
        return obj.team.name if obj.team_id else None


# -- accounts -------------------------------------------------------------------------------------


class AccountIn(Schema):
    name: Name
    industry: text(200) = ""
    notes: text() = ""


class AccountPatch(Schema):
    version: Version
    name: Name | None = None
    industry: text(200) | None = None
    notes: text() | None = None


class AccountOut(Schema):
    id: int
    name: str
    industry: str
    notes: str
    owner: str
    version: int
    can_edit: bool

    @staticmethod
    def resolve_owner(obj) -> str:
        return obj.owner.username

    @staticmethod
    def resolve_can_edit(obj, context) -> bool:
        from dealmap.web.accounts.selectors import account_editable

        return account_editable(user=context["request"].auth, account=obj)


class ShareIn(Schema):
    username: text(150, min_length=1)
    can_edit: StrictBool = False


class ShareOut(Schema):
    user_id: int
    username: str
    can_edit: bool

    @staticmethod
    def resolve_username(obj) -> str:
        return obj.user.username


# -- people and relations -----------------------------------------------------------------------


class PersonIn(Schema):
    account: Id
    name: Name
    layer: choice(codes.LAYERS)
    department: choice(codes.DEPARTMENTS)
    key: Key | None = None
    title: Title = ""
    reports_to: Id | None = None
    personal_need: choice(codes.PERSONAL_NEEDS, blank=True) = ""
    change_style: choice(codes.CHANGE_STYLES, blank=True) = ""
    notes: text() = ""


class PersonPatch(Schema):
    version: Version
    name: Name | None = None
    title: Title | None = None
    layer: choice(codes.LAYERS) | None = None
    department: choice(codes.DEPARTMENTS) | None = None
    reports_to: Id | None = None
    personal_need: choice(codes.PERSONAL_NEEDS, blank=True) | None = None
    change_style: choice(codes.CHANGE_STYLES, blank=True) | None = None
    notes: text() | None = None


class PersonOut(Schema):
    id: int
    account: int = Field(validation_alias="account_id")
    key: str
    name: str
    title: str
    layer: str
    department: str
    reports_to: int | None = Field(validation_alias="reports_to_id")
    personal_need: str
    change_style: str
    notes: str
    version: int


class RelationIn(Schema):
    source: Id
    target: Id
    kind: choice(codes.RELATION_KINDS)
    strength: Strength | None = None


class RelationOut(Schema):
    id: int
    account: int = Field(validation_alias="account_id")
    source: int = Field(validation_alias="source_id")
    target: int = Field(validation_alias="target_id")
    kind: str
    strength: int | None


# -- deals and parts ----------------------------------------------------------------------------


class DealIn(Schema):
    account: Id
    name: Name
    stage: text(100) = ""
    amount: Amount | None = None
    currency: Currency = "CNY"
    expected_close: Day | None = None
    we_are_incumbent: StrictBool = False
    competitors: competitor_names(50) = []


class DealPatch(Schema):
    version: Version
    name: Name | None = None
    stage: text(100) | None = None
    amount: Amount | None = None
    currency: Currency | None = None
    expected_close: Day | None = None
    we_are_incumbent: StrictBool | None = None
    competitors: competitor_names(50) | None = None
    research: dict[choice(codes.RESEARCH_QUESTIONS), text()] | None = None


class DealOut(Schema):
    id: int
    account: int = Field(validation_alias="account_id")
    name: str
    stage: str
    amount: str | None
    currency: str
    expected_close: date | None
    we_are_incumbent: bool
    competitors: list[str]
    research: dict[str, str]
    version: int

    @staticmethod
    def resolve_amount(obj) -> str | None:
        return None if obj.amount is None else str(obj.amount)

    @staticmethod
    def resolve_research(obj) -> dict[str, str]:
        return dict(obj.research_answers())


class AffinityIn(Schema):
    competitor: CompetitorName
    strength: Affinity


def _by_competitor(affinity: AffinityIn) -> str:
    return affinity.competitor


#: A part's leanings toward competitors: one entry per competitor (a deal file and a workbook
#: refuse a repeat). The schema cannot say "unique by competitor"; ``uniqueItems`` at least rules
#: out whole repeated entries.
Affinities = Annotated[
    list[AffinityIn],
    Field(max_length=50, json_schema_extra={"uniqueItems": True}),
    AfterValidator(lambda items: _distinct(items, key=_by_competitor)),
]


class PartIn(Schema):
    deal: Id
    person: Id
    buying_role: choice(codes.BUYING_ROLES)
    power: Power | None = None
    authority: Power | None = None
    personal_wins: text() = ""
    objection_kind: choice(codes.OBJECTION_KINDS, blank=True) = ""
    objection_text: text() = ""
    is_coach: StrictBool = False
    competitor_affinity: Affinities = []


class PartPatch(Schema):
    version: Version
    buying_role: choice(codes.BUYING_ROLES) | None = None
    power: Power | None = None
    authority: Power | None = None
    personal_wins: text() | None = None
    objection_kind: choice(codes.OBJECTION_KINDS, blank=True) | None = None
    objection_text: text() | None = None
    is_coach: StrictBool | None = None
    competitor_affinity: Affinities | None = None


class PartOut(Schema):
    id: int
    deal: int = Field(validation_alias="deal_id")
    person: int = Field(validation_alias="person_id")
    buying_role: str
    power: int | None
    authority: int | None
    personal_wins: str
    objection_kind: str
    objection_text: str
    is_coach: bool
    competitor_affinity: list[dict[str, Any]]
    version: int


# -- history: assessments and interactions ----------------------------------------------------


class AssessmentIn(Schema):
    deal: Id
    person: Id
    date: PastDay
    level: Level
    evidence: text() = ""
    signals: Annotated[list[Signal], Field(max_length=20)] = []


class AssessmentOut(Schema):
    id: int
    deal: int = Field(validation_alias="deal_id")
    person: int = Field(validation_alias="person_id")
    date: date
    level: int
    evidence: str
    signals: list[str]
    recorded_by: str | None
    recorded_at: datetime

    @staticmethod
    def resolve_recorded_by(obj) -> str | None:
        return obj.recorded_by.username if obj.recorded_by_id else None


class InteractionIn(Schema):
    deal: Id
    date: PastDay
    participants: Annotated[list[Id], Field(min_length=1, max_length=50)]
    channel: choice(codes.CHANNELS, blank=True) = ""
    summary: text() = ""
    trust_delta: TrustDelta | None = None
    signals: Annotated[list[Signal], Field(max_length=20)] = []


class InteractionOut(Schema):
    id: int
    deal: int = Field(validation_alias="deal_id")
    date: date
    participants: list[int]
    channel: str
    summary: str
    trust_delta: int | None
    signals: list[str]
    recorded_by: str | None
    recorded_at: datetime

    @staticmethod
    def resolve_recorded_by(obj) -> str | None:
        return obj.recorded_by.username if obj.recorded_by_id else None

    @staticmethod
    def resolve_participants(obj) -> list[int]:
        return [p.person_id for p in obj.participations.all()]


class WhatIfIn(Schema):
    """People's levels to try, by person key (as in the deal file)."""

    levels: Annotated[dict[str, Level], Field(min_length=1, max_length=200)]
    as_of: Day | None = None


class AuditOut(Schema):
    id: int
    at: datetime
    actor: str
    action: str
    object_type: str
    object_id: int
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    @staticmethod
    def resolve_actor(obj) -> str:
        return obj.actor_name


class EraseIn(Schema):
    """Anonymise keeps the structure (levels, dates) without identity; delete removes the person."""

    mode: Literal["anonymise", "delete"] = "anonymise"
    version: Version


class ImportOut(Schema):
    deal: int
    account: int


class MeOut(UserOut):
    pass


def page_of(items: type) -> type:
    """A page of a list: the total count and the items."""
    return type(f"{items.__name__}Page", (Schema,), {"__annotations__": {"count": int, "items": list[items]}})
