"""Shared fixtures: users with each role, the demo deal stored through the import service, a fixed clock.

Tests that touch the database use the one named by ``DATABASE_URL`` (pytest-django creates a
separate test database from it): SQLite by default, PostgreSQL when the Makefile's second run
points ``DATABASE_URL`` at it.
"""

from __future__ import annotations

import json
from datetime import date
from importlib import resources

import pytest

#: The demo file's own as_of: with the clock fixed here, the demo is stored unshifted.
DEMO_AS_OF = date(2026, 11, 27)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Argon2 is deliberately slow; tests check behaviour, not hashing cost."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def demo_file() -> dict:
    """The shipped demo deal file, parsed."""
    return json.loads(resources.files("dealmap.demo").joinpath("demo-deal.json").read_text("utf-8"))


@pytest.fixture
def fixed_today(monkeypatch):
    """Fix the web layer's clock; returns a setter: ``fixed_today(date(2027, 1, 5))``."""
    from dealmap.web.core import clock

    def set_today(day: date) -> date:
        monkeypatch.setattr(clock, "today", lambda: day)
        return day

    set_today(DEMO_AS_OF)
    return set_today


@pytest.fixture
def team(db):
    from dealmap.web.users.services import team_ensure

    return team_ensure(name="华东销售一组")


@pytest.fixture
def other_team(db):
    from dealmap.web.users.services import team_ensure

    return team_ensure(name="华南销售组")


def _user(username: str, role: str, team=None):
    from dealmap.web.users.services import user_create

    return user_create(username=username, password="dealmap-test-pw", role=role, team=team)


@pytest.fixture
def rep(team):
    """A rep of the demo team; owns the demo deal."""
    return _user("rep", "rep", team)


@pytest.fixture
def other_rep(other_team):
    """A rep of another team."""
    return _user("rep2", "rep", other_team)


@pytest.fixture
def manager(team):
    """The manager of ``rep``'s team."""
    return _user("manager", "manager", team)


@pytest.fixture
def other_manager(other_team):
    """A manager of another team."""
    return _user("manager2", "manager", other_team)


@pytest.fixture
def admin_user(db):
    return _user("admin", "admin")


@pytest.fixture
def demo_deal(rep, fixed_today):
    """The demo deal stored through the import service, owned by ``rep``, dated as in the file."""
    from dealmap.web.core.demo import demo_deal as build
    from dealmap.web.deals.services import deal_import

    return deal_import(deal=build(today=DEMO_AS_OF), owner=rep)


@pytest.fixture
def row_counts(db):
    """A function returning the number of rows of every deal-related table (to assert nothing stored)."""
    from dealmap.web.accounts.models import Account, Person, Relation
    from dealmap.web.deals.models import Assessment, Deal, Interaction, InteractionParticipant, Part

    models = (Account, Person, Relation, Deal, Part, Assessment, Interaction, InteractionParticipant)

    def counts() -> dict[str, int]:
        return {m.__name__: m.objects.count() for m in models}

    return counts
