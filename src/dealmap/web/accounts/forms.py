"""Forms of the account pages: sharing an account, confirming a person's erasure."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from dealmap.interchange.names import blank, tidy
from dealmap.interchange.xlsx_read import MAX_TEXT_CHARS
from dealmap.web.core.text import NUL_MESSAGE

ACCESS_CHOICES = (("view", _("can view")), ("edit", _("can edit")))


class ShareForm(forms.Form):
    """Share with a colleague by username, to view or to edit too. Each refusal says what is wrong."""

    username = forms.CharField(
        label=_("Colleague's username"),
        max_length=150,
        error_messages={
            "required": _("Enter a username."),
            "max_length": _("A username has at most %(limit_value)d characters."),
            "null_characters_not_allowed": NUL_MESSAGE,
        },
    )
    access = forms.ChoiceField(
        label=_("Access"),
        choices=ACCESS_CHOICES,
        initial="view",
        error_messages={
            "required": _("Choose the access: can view or can edit."),
            "invalid_choice": _("Choose the access: can view or can edit."),
        },
    )

    def refusal(self) -> str:
        """The first problem of an invalid form, as one sentence."""
        return next(str(message) for errors in self.errors.values() for message in errors)

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


class AccountForm(forms.Form):
    """A new customer company: its name (unique among the owner's accounts), industry and notes."""

    name = forms.CharField(label=_("Account name"), max_length=200)
    industry = forms.CharField(label=_("Industry"), max_length=200, required=False)
    notes = forms.CharField(
        label=_("Notes"), max_length=MAX_TEXT_CHARS, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages["null_characters_not_allowed"] = NUL_MESSAGE

    def clean_name(self) -> str:
        name = self.cleaned_data["name"]
        if blank(name):
            raise forms.ValidationError(self.fields["name"].error_messages["required"], code="required")
        return tidy(name)

    def clean_industry(self) -> str:
        return self.cleaned_data["industry"].strip()

    def clean_notes(self) -> str:
        return self.cleaned_data["notes"].replace("\r\n", "\n").replace("\r", "\n")
