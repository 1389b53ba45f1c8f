"""Forms of the deal workspace. Choices come from the method's vocabularies, labelled in the active language."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from dealmap.interchange.names import blank, tidy
from dealmap.interchange.xlsx_read import MAX_TEXT_CHARS as TEXT_MAX  # what a workbook cell takes back
from dealmap.method import codes
from dealmap.web import i18n
from dealmap.web.core import clock
from dealmap.web.core.text import NUL_MESSAGE, isolated

BLANK = [("", "—")]


def _choices(vocabulary: codes.Vocabulary, *, blank: bool = False) -> list[tuple[str, str]]:
    return (BLANK if blank else []) + vocabulary.choices(i18n.lang())


def _numbers(low: int, high: int, *, blank: bool = True, signed: bool = False) -> list[tuple[str, str]]:
    numbers = [(str(n), f"{n:+d}" if signed and n else str(n)) for n in range(low, high + 1)]
    return (BLANK if blank else []) + numbers


def _named(people) -> list[tuple[str, str]]:
    """(key, name) choices with each name isolated (FSI … PDI: an option cannot hold ``<bdi>``)."""
    return [(key, isolated(name)) for key, name in people]


class Textarea(forms.Textarea):
    def __init__(self, rows: int = 2):
        super().__init__(attrs={"rows": rows})


class FreeText(forms.CharField):
    """Text typed in a textarea: optional, at most ``TEXT_MAX`` characters, line breaks kept as ``\\n``.

    Browsers send a textarea's line breaks as ``\\r\\n``; stored as they came, a form saved
    untouched would differ from text imported with ``\\n`` and record a change nobody made.
    """

    def __init__(self, *, label, rows: int = 2, max_length: int = TEXT_MAX, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", Textarea(rows))
        super().__init__(label=label, max_length=max_length, **kwargs)
        self.error_messages["null_characters_not_allowed"] = NUL_MESSAGE

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n").replace("\r", "\n")


class TextChecks:
    """A form whose text fields say what is wrong with a NUL character (Django's words do not)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                field.error_messages["null_characters_not_allowed"] = NUL_MESSAGE


class _PersonFields(TextChecks, forms.Form):
    """Who a person is and their part in a deal: what adding someone and editing them share.

    ``colleagues`` are the account's other people, (key, name): whom they may report to, and the
    names they may not take (two people of one name could not be told apart in a workbook).
    """

    name = forms.CharField(label=_("Name"), max_length=200)
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    layer = forms.ChoiceField(label=_("Layer"))
    department = forms.ChoiceField(label=_("Department"))
    reports_to = forms.ChoiceField(label=_("Reports to"), required=False)
    buying_role = forms.ChoiceField(label=_("Buying role"))
    power = forms.TypedChoiceField(label=_("Power"), coerce=int, empty_value=None, required=False)
    authority = forms.TypedChoiceField(label=_("Authority"), coerce=int, empty_value=None, required=False)
    is_coach = forms.BooleanField(label=_("Our coach"), required=False)

    def __init__(self, *args, colleagues: list[tuple[str, str]] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.taken = {name for _key, name in colleagues}
        f = self.fields
        f["layer"].choices = _choices(codes.LAYERS)
        f["department"].choices = _choices(codes.DEPARTMENTS)
        f["reports_to"].choices = BLANK + _named(colleagues)
        f["buying_role"].choices = _choices(codes.BUYING_ROLES)
        f["power"].choices = f["authority"].choices = _numbers(codes.POWER_MIN, codes.POWER_MAX)

    def clean_name(self) -> str:
        """A name of only invisible characters (zero-width spaces, direction marks) is no name
        (the API's rule too: ``blank``); a colleague's name is taken (unless it is the one the
        person already has)."""
        name = self.cleaned_data["name"]
        if blank(name):
            raise forms.ValidationError(self.fields["name"].error_messages["required"], code="required")
        name = tidy(name)
        if name in self.taken and name != tidy(self.initial.get("name") or ""):
            raise forms.ValidationError(same_name_message(name))
        return name

    def clean_title(self) -> str:
        return tidy(self.cleaned_data["title"])


class PersonForm(_PersonFields):
    """A person's own fields and their part in this deal, edited together on the person panel."""

    field_order = (
        "name",
        "title",
        "layer",
        "department",
        "reports_to",
        "buying_role",
        "power",
        "authority",
        "personal_need",
        "change_style",
        "is_coach",
    )
    personal_need = forms.ChoiceField(label=_("Personal need"), required=False)
    change_style = forms.ChoiceField(label=_("Change style"), required=False)
    personal_wins = FreeText(label=_("Personal wins"))
    objection_kind = forms.ChoiceField(label=_("Objection"), required=False)
    objection_text = FreeText(label=_("Objection in their words"))
    notes = FreeText(label=_("Notes"), rows=3)
    person_version = forms.IntegerField(widget=forms.HiddenInput)
    part_version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        f = self.fields
        f["personal_need"].choices = _choices(codes.PERSONAL_NEEDS, blank=True)
        f["change_style"].choices = _choices(codes.CHANGE_STYLES, blank=True)
        f["objection_kind"].choices = _choices(codes.OBJECTION_KINDS, blank=True)

    def touched(self, stored: dict) -> set[str]:
        """The fields whose cleaned value differs from the ``stored`` one cleaned the same way.

        A field left as the panel showed it is no change, even where the stored text is not
        what the form would save (a trailing space or line break from an import, say): the
        stored value stays as it is.
        """
        changed = set()
        for name, value in self.cleaned_data.items():
            try:
                if self.fields[name].clean(stored.get(name)) != value:
                    changed.add(name)
            except forms.ValidationError:
                changed.add(name)
        return changed


PERSON_FIELDS = ("name", "title", "layer", "department", "personal_need", "change_style", "notes")
PART_FIELDS = (
    "buying_role",
    "power",
    "authority",
    "personal_wins",
    "objection_kind",
    "objection_text",
    "is_coach",
)


def _not_too_early(day: date) -> date:
    if day < clock.EARLIEST_DAY:
        raise forms.ValidationError(
            _("A date before %(day)s is most likely a typing mistake.")
            % {"day": clock.EARLIEST_DAY.isoformat()}
        )
    return day


class AssessmentForm(TextChecks, forms.Form):
    """A new assessment: the level (−4..+4), the day, the evidence and the behaviour signals seen."""

    level = forms.TypedChoiceField(label=_("Attitude level"), coerce=int)
    date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(
            format="%Y-%m-%d", attrs={"type": "date", "min": clock.EARLIEST_DAY.isoformat()}
        ),
    )
    evidence = FreeText(label=_("Evidence: their words or behaviour"), rows=3)
    signals = forms.MultipleChoiceField(
        label=_("Behaviour signals"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = _numbers(codes.LEVEL_MIN, codes.LEVEL_MAX, blank=False, signed=True)
        self.fields["signals"].choices = _choices(codes.SIGNALS)

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day > clock.today():
            raise forms.ValidationError(_("An assessment cannot be dated in the future."))
        return _not_too_early(day)


#: Up to this many people, participants are ticked in a list of checkboxes; beyond it, a multi-select.
CHECKBOX_LIMIT = 30


class InteractionForm(TextChecks, forms.Form):
    """A contact with the customer: when, how, who took part, what happened."""

    date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(
            format="%Y-%m-%d", attrs={"type": "date", "min": clock.EARLIEST_DAY.isoformat()}
        ),
    )
    channel = forms.ChoiceField(label=_("Channel"), required=False)
    participants = forms.MultipleChoiceField(label=_("Who took part"), widget=forms.SelectMultiple)
    summary = FreeText(label=_("What happened"), rows=3)
    trust_delta = forms.TypedChoiceField(
        label=_("Trust change"), coerce=int, empty_value=None, required=False
    )
    signals = forms.MultipleChoiceField(
        label=_("Behaviour signals"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, people: list[tuple[str, str]] = (), **kwargs):
        # Its own ids: the assessment form in the same drawer also has a date and signals.
        kwargs.setdefault("auto_id", "id_interaction_%s")
        super().__init__(*args, **kwargs)
        self.fields["channel"].choices = _choices(codes.CHANNELS, blank=True)
        self.fields["participants"].choices = _named(people)
        if len(people) <= CHECKBOX_LIMIT:
            self.fields["participants"].widget = forms.CheckboxSelectMultiple(choices=_named(people))
        self.fields["trust_delta"].choices = _numbers(
            codes.TRUST_DELTA_MIN, codes.TRUST_DELTA_MAX, signed=True
        )
        self.fields["signals"].choices = _choices(codes.SIGNALS)

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day > clock.today():
            raise forms.ValidationError(_("An interaction cannot be dated in the future."))
        return _not_too_early(day)


class ResearchForm(TextChecks, forms.Form):
    """The seven needs-research answers (ch4), saved together."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code in codes.RESEARCH_QUESTIONS.codes:
            self.fields[code] = FreeText(
                label=codes.RESEARCH_QUESTIONS.label(code, i18n.lang()),
                max_length=TEXT_MAX,  # as the API and a workbook cell take
                widget=forms.Textarea(attrs={"rows": 2, "placeholder": _("Not answered yet")}),
            )


class NewPersonForm(_PersonFields):
    """Someone new in the buying group: created at the deal's account and given a part in the deal."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["layer"].initial = "management"
        self.fields["buying_role"].initial = "influencer"


class ExistingPersonForm(forms.Form):
    """Someone already recorded at the account, given a part in this deal too."""

    person = forms.ChoiceField(label=_("Person"))
    buying_role = forms.ChoiceField(label=_("Buying role"))

    def __init__(self, *args, people: list[tuple[str, str]] = (), **kwargs):
        kwargs.setdefault("auto_id", "id_existing_%s")
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = _named(people)
        self.fields["buying_role"].choices = _choices(codes.BUYING_ROLES)
        self.fields["buying_role"].initial = "influencer"


def same_name_message(name: str) -> str:
    """Two people of one account with one name could not be told apart in a workbook (its rule too)."""
    return _(
        "Someone at this account is already called “%(name)s”: add a detail (a title, a department) to tell them apart."
    ) % {"name": name}


#: How the relation form reads from the person's side: choice → (label, kind, this person is the source).
RELATION_WAYS = {
    "influences": (_("sways …"), "influences", True),
    "influenced_by": (_("is swayed by …"), "influences", False),
    "close": (_("is close to …"), "close", True),
    "conflicts": (_("is in conflict with …"), "conflicts", True),
}


class RelationForm(forms.Form):
    """A tie from the person on the panel to someone else at the account."""

    way = forms.ChoiceField(label=_("Relation"))
    other = forms.ChoiceField(label=_("With"))

    def __init__(self, *args, people: list[tuple[str, str]] = (), **kwargs):
        kwargs.setdefault("auto_id", "id_relation_%s")
        super().__init__(*args, **kwargs)
        self.fields["way"].choices = [(way, label) for way, (label, _kind, _out) in RELATION_WAYS.items()]
        self.fields["other"].choices = _named(people)
