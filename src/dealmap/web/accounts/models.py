"""A customer account, the people who work there, and how they relate to each other."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from dealmap.method import codes
from dealmap.web.core.constraints import between, code_in


def visibility_q(user, *, via: str = "") -> Q:
    """Who may see which account: the one rule every selector goes through.

    A user sees the accounts they own and those shared with them; a manager also sees those
    owned by their team's members; an administrator sees all. ``via`` is the lookup path from the
    filtered model to the account (e.g. ``"account__"`` for deals). See docs/access.md.
    """
    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    if user.is_admin:
        return Q()
    shared = AccountShare.objects.filter(user=user).values("account_id")
    rule = Q(**{f"{via}owner": user}) | Q(**{f"{via}pk__in": shared})
    if user.is_manager and user.team_id is not None:
        rule |= Q(**{f"{via}owner__team_id": user.team_id})
    return rule


def manages_owner_of(user, account) -> bool:
    """Whether ``user`` sees ``account`` as the manager of its owner's team (``visibility_q``'s rule)."""
    return bool(user.is_manager and user.team_id is not None and user.team_id == account.owner.team_id)


def editable_q(user, *, via: str = "") -> Q:
    """Who may change which account and what hangs from it: the owner, an edit share, an admin.

    A manager sees the team's accounts but does not edit them: the rep owns the record; a
    manager who needs to change it asks for an edit share (docs/access.md).
    """
    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    if user.is_admin:
        return Q()
    shared = AccountShare.objects.filter(user=user, can_edit=True).values("account_id")
    return Q(**{f"{via}owner": user}) | Q(**{f"{via}pk__in": shared})


class AccountQuerySet(models.QuerySet):
    def visible_to(self, user) -> AccountQuerySet:
        """The accounts ``user`` may see (see :func:`visibility_q`)."""
        return self.filter(visibility_q(user))

    def editable_by(self, user) -> AccountQuerySet:
        """The accounts ``user`` may change (see :func:`editable_q`)."""
        return self.filter(editable_q(user))


class Account(models.Model):
    """A customer company, owned by the rep responsible for it."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.PROTECT, related_name="accounts"
    )
    name = models.CharField(_("name"), max_length=200)
    industry = models.CharField(_("industry"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AccountQuerySet.as_manager()

    class Meta:
        ordering = ("name", "id")
        verbose_name = _("account")
        verbose_name_plural = _("accounts")
        constraints = [
            # A workbook names an account by its name within its owner's accounts.
            models.UniqueConstraint(fields=("owner", "name"), name="account_name_unique_per_owner"),
        ]

    def __str__(self) -> str:
        return self.name


class Person(models.Model):
    """Someone at an account. Their part in each deal lives on ``deals.Part``.

    ``key`` is the person's id in the deal file (``p1``…), unique within the account, so a
    deal exported and imported again keeps its ids.
    """

    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="people")
    key = models.CharField(_("key"), max_length=64)
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True)
    layer = models.CharField(_("layer"), max_length=20, choices=codes.LAYERS.choices("en"))
    department = models.CharField(_("department"), max_length=20, choices=codes.DEPARTMENTS.choices("en"))
    reports_to = models.ForeignKey(
        "self",
        verbose_name=_("reports to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
    )
    personal_need = models.CharField(
        _("personal need"), max_length=30, blank=True, choices=codes.PERSONAL_NEEDS.choices("en")
    )
    change_style = models.CharField(
        _("change style"), max_length=20, blank=True, choices=codes.CHANGE_STYLES.choices("en")
    )
    notes = models.TextField(_("notes"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("account", "id")
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.UniqueConstraint(fields=("account", "key"), name="person_key_unique_per_account"),
            models.CheckConstraint(condition=code_in("layer", codes.LAYERS), name="person_layer_known"),
            models.CheckConstraint(
                condition=code_in("department", codes.DEPARTMENTS), name="person_department_known"
            ),
            models.CheckConstraint(
                condition=code_in("personal_need", codes.PERSONAL_NEEDS, blank=True),
                name="person_personal_need_known",
            ),
            models.CheckConstraint(
                condition=code_in("change_style", codes.CHANGE_STYLES, blank=True),
                name="person_change_style_known",
            ),
            models.CheckConstraint(condition=~Q(reports_to=F("pk")), name="person_does_not_report_to_self"),
        ]

    def __str__(self) -> str:
        return self.name


class Relation(models.Model):
    """An informal tie between two people of one account: who sways, opposes or is close to whom."""

    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="relations")
    source = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="relations_out")
    target = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="relations_in")
    kind = models.CharField(_("kind"), max_length=20, choices=codes.RELATION_KINDS.choices("en"))
    strength = models.PositiveSmallIntegerField(_("strength"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("account", "id")
        verbose_name = _("relation")
        verbose_name_plural = _("relations")
        constraints = [
            models.CheckConstraint(condition=~Q(source=F("target")), name="relation_not_to_self"),
            models.UniqueConstraint(fields=("source", "target", "kind"), name="relation_stored_once"),
            models.CheckConstraint(
                condition=code_in("kind", codes.RELATION_KINDS), name="relation_kind_known"
            ),
            models.CheckConstraint(
                condition=between("strength", codes.RELATION_STRENGTH_MIN, codes.RELATION_STRENGTH_MAX),
                name="relation_strength_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.kind} {self.target}"


class AccountShare(models.Model):
    """An account shared by its owner with a named colleague, to view or also to edit."""

    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="shares")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="account_shares"
    )
    can_edit = models.BooleanField(_("can edit"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("account", "id")
        verbose_name = _("account share")
        verbose_name_plural = _("account shares")
        constraints = [
            models.UniqueConstraint(fields=("account", "user"), name="account_share_once_per_user"),
        ]

    def __str__(self) -> str:
        return f"{self.account} → {self.user} ({'edit' if self.can_edit else 'view'})"
