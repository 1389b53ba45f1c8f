"""The form for a deal's own facts: name, stage, amount, expected close, incumbency, competitors."""

from __future__ import annotations

import re
import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

from dealmap.interchange.amounts import amount_problem
from dealmap.interchange.names import LIST_SEPARATORS, blank, tidy
from dealmap.web import i18n
from dealmap.web.core import clock
from dealmap.web.core.text import NUL_MESSAGE

_SPLIT = re.compile("|".join(re.escape(s) for s in LIST_SEPARATORS))
MAX_COMPETITORS = 50


class DealForm(forms.Form):
    """A deal's facts, as the API's DealIn takes them; competitors typed one per line or separated by ；."""

    name = forms.CharField(label=_("Deal name"), max_length=200)
    stage = forms.CharField(label=_("Stage"), max_length=100, required=False)
    amount = forms.DecimalField(label=_("Amount"), required=False)
    currency = forms.RegexField(
        label=_("Currency"),
        regex=r"^[A-Za-z]{3}$",
        initial="CNY",
        max_length=3,
        error_messages={"invalid": _("Three letters, such as CNY, USD or EUR.")},
    )
    expected_close = forms.DateField(
        label=_("Expected close"),
        required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )
    we_are_incumbent = forms.BooleanField(label=_("We are the incumbent"), required=False)
    competitors = forms.CharField(
        label=_("Competitors"),
        required=False,
        help_text=_("One per line, or separated by a semicolon (; or ；)."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages["null_characters_not_allowed"] = NUL_MESSAGE
        self.fields["amount"].error_messages["invalid"] = _("Enter a number, such as 1200000 or 1200000.50.")

    def clean_name(self) -> str:
        name = self.cleaned_data["name"]
        if blank(name):
            raise forms.ValidationError(self.fields["name"].error_messages["required"], code="required")
        return tidy(name)

    def clean_stage(self) -> str:
        return tidy(self.cleaned_data["stage"])

    def clean_amount(self):
        """The limits the API and a workbook hold an amount to, in the same words (Django's own
        said "确认总共不超过 15 个数字." for 1e20)."""
        amount = self.cleaned_data["amount"]
        if amount is not None and not amount.is_finite():
            raise forms.ValidationError(self.fields["amount"].error_messages["invalid"])
        if amount is not None and (problem := amount_problem(amount)) is not None:
            text = problem.get(i18n.lang())
            end = "" if text.endswith(("\u3002", ".")) else ("\u3002" if i18n.lang() == "zh" else ".")
            raise forms.ValidationError(text[:1].upper() + text[1:] + end)
        return amount

    def clean_expected_close(self):
        day = self.cleaned_data["expected_close"]
        if day is not None and day < clock.EARLIEST_DAY:
            raise forms.ValidationError(
                _("A date before %(day)s is most likely a typing mistake.")
                % {"day": clock.EARLIEST_DAY.isoformat()}
            )
        return day

    def clean_currency(self) -> str:
        return self.cleaned_data["currency"].upper()

    def clean_competitors(self) -> list[str]:
        names = [tidy(n) for n in _SPLIT.split(self.cleaned_data["competitors"]) if not blank(n)]
        seen: set[str] = set()
        for name in names:
            same = unicodedata.normalize("NFKC", name).casefold()  # "Acme" and "acme", "Ｘ公司" and "X公司"
            if same in seen:
                raise forms.ValidationError(_("“%(name)s” is listed twice.") % {"name": name})
            if len(name) > 200:
                raise forms.ValidationError(_("A competitor's name has at most 200 characters."))
            seen.add(same)
        if len(names) > MAX_COMPETITORS:
            raise forms.ValidationError(_("At most %(n)d competitors.") % {"n": MAX_COMPETITORS})
        return names
