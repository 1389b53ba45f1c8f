"""Deals (opportunities), each person's part in a deal, and the history recorded on it.

Assessments are append-only: a correction is a new assessment, so a person's attitude over time
is never overwritten. The current attitude is the last one in (date, recorded_at, id) order.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dealmap.method import codes
from dealmap.web.accounts.models import Account, Person, visibility_q
from dealmap.web.core.constraints import between, code_in

RESEARCH_FIELDS = tuple(f"research_{code}" for code in codes.RESEARCH_QUESTIONS.codes)


class DealQuerySet(models.QuerySet):
    def visible_to(self, user) -> DealQuerySet:
        """The deals at accounts ``user`` may see."""
        return self.filter(visibility_q(user, via="account__"))


class Deal(models.Model):
    """One opportunity at one account, with the seven needs-research answers (ch4)."""

    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="deals")
    name = models.CharField(_("name"), max_length=200)
    stage = models.CharField(_("stage"), max_length=100, blank=True)
    amount = models.DecimalField(_("amount"), max_digits=18, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="CNY")
    expected_close = models.DateField(_("expected close"), null=True, blank=True)
    we_are_incumbent = models.BooleanField(_("we are the incumbent"), default=False)
    competitors = models.JSONField(_("competitors"), default=list, blank=True)
    research_who_proposed = models.TextField(blank=True)
    research_why = models.TextField(blank=True)
    research_strategy_link = models.TextField(blank=True)
    research_goals = models.TextField(blank=True)
    research_target_market = models.TextField(blank=True)
    research_new_or_iteration = models.TextField(blank=True)
    research_timeline = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DealQuerySet.as_manager()

    class Meta:
        ordering = ("-updated_at", "-id")
        verbose_name = _("deal")
        verbose_name_plural = _("deals")

    def __str__(self) -> str:
        return self.name

    def research_answers(self) -> list[tuple[str, str]]:
        """(question code, answer) for the seven research questions, in the method's order."""
        return [(code, getattr(self, f"research_{code}")) for code in codes.RESEARCH_QUESTIONS.codes]


class Part(models.Model):
    """A person's part in one deal: buying role, power, wins, objection, coach flag, affinities.

    ``competitor_affinity`` is a list of ``{"competitor": str, "strength": 0..3}``.
    """

    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="parts")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="parts")
    buying_role = models.CharField(_("buying role"), max_length=20, choices=codes.BUYING_ROLES.choices("en"))
    power = models.PositiveSmallIntegerField(_("power"), null=True, blank=True)
    authority = models.PositiveSmallIntegerField(_("authority"), null=True, blank=True)
    personal_wins = models.TextField(_("personal wins"), blank=True)
    objection_kind = models.CharField(
        _("objection"), max_length=20, blank=True, choices=codes.OBJECTION_KINDS.choices("en")
    )
    objection_text = models.TextField(_("objection text"), blank=True)
    is_coach = models.BooleanField(_("coach"), default=False)
    competitor_affinity = models.JSONField(_("competitor affinity"), default=list, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("deal", "id")
        verbose_name = _("part in a deal")
        verbose_name_plural = _("parts in deals")
        constraints = [
            models.UniqueConstraint(fields=("deal", "person"), name="part_one_per_person_per_deal"),
            models.CheckConstraint(
                condition=code_in("buying_role", codes.BUYING_ROLES), name="part_buying_role_known"
            ),
            models.CheckConstraint(
                condition=code_in("objection_kind", codes.OBJECTION_KINDS, blank=True),
                name="part_objection_kind_known",
            ),
            models.CheckConstraint(
                condition=between("power", codes.POWER_MIN, codes.POWER_MAX), name="part_power_range"
            ),
            models.CheckConstraint(
                condition=between("authority", codes.POWER_MIN, codes.POWER_MAX),
                name="part_authority_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} @ {self.deal}"


class AppendOnlyError(Exception):
    """Raised when code tries to change or delete a recorded assessment."""


class Assessment(models.Model):
    """One recorded attitude (−4..+4) of one person in one deal on one day, with its evidence.

    Append-only: saving an existing row or deleting one raises :class:`AppendOnlyError`.
    """

    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="assessments")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="assessments")
    date = models.DateField(_("date"))
    level = models.SmallIntegerField(_("level"))
    evidence = models.TextField(_("evidence"), blank=True)
    signals = models.JSONField(_("signals"), default=list, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        # The engine's tie-break order: of two assessments on one day, the later recorded is current.
        ordering = ("date", "recorded_at", "id")
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        constraints = [
            models.CheckConstraint(
                condition=between("level", codes.LEVEL_MIN, codes.LEVEL_MAX, null=False),
                name="assessment_level_range",
            ),
        ]
        indexes = [models.Index(fields=("deal", "person", "date"), name="assessment_lookup")]

    def __str__(self) -> str:
        return f"{self.person} {self.date} {self.level:+d}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise AppendOnlyError("An assessment is never changed; record a new one instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("An assessment is never deleted; record a new one instead.")


class Interaction(models.Model):
    """A contact with the customer: who took part, how, what happened, and the trust it moved."""

    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="interactions")
    date = models.DateField(_("date"))
    participants = models.ManyToManyField(
        Person, through="InteractionParticipant", related_name="interactions", verbose_name=_("participants")
    )
    channel = models.CharField(_("channel"), max_length=40, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    trust_delta = models.SmallIntegerField(_("trust change"), null=True, blank=True)
    signals = models.JSONField(_("signals"), default=list, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ("date", "recorded_at", "id")
        verbose_name = _("interaction")
        verbose_name_plural = _("interactions")
        constraints = [
            models.CheckConstraint(
                condition=between("trust_delta", codes.TRUST_DELTA_MIN, codes.TRUST_DELTA_MAX),
                name="interaction_trust_delta_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.summary[:40]}"


class InteractionParticipant(models.Model):
    """A person who took part in an interaction; ``position`` keeps the order they were listed in."""

    interaction = models.ForeignKey(Interaction, on_delete=models.CASCADE, related_name="participations")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="participations")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ("interaction", "position", "id")
        constraints = [
            models.UniqueConstraint(
                fields=("interaction", "person"), name="participant_once_per_interaction"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} in {self.interaction_id}"
