"""Forms of the account pages: sharing an account, confirming a person's erasure."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

ACCESS_CHOICES = (("view", _("can view")), ("edit", _("can edit")))


class ShareForm(forms.Form):
    """Share with a colleague by username, to view or to edit too."""

    username = forms.CharField(label=_("Colleague's username"), max_length=150)
    access = forms.ChoiceField(label=_("Access"), choices=ACCESS_CHOICES, initial="view")

    def clean_username(self) -> str:
        return self.cleaned_data["username"].strip()


class EraseForm(forms.Form):
    """The confirmation step of a person's erasure."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    mode = forms.ChoiceField(
        label=_("What to do"),
        choices=(
            ("anonymise", _("Anonymise: keep the structure (levels, roles, dates) without who they are")),
            ("delete", _("Delete the person altogether, after removing their name everywhere")),
        ),
        initial="anonymise",
        widget=forms.RadioSelect,
    )
    confirm = forms.BooleanField(
        label=_("I understand this cannot be undone."),
        error_messages={"required": _("Tick the box to confirm.")},
    )
