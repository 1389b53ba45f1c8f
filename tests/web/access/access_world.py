"""A small world for access tests: six actors and three accounts, each with a full deal.

- rep A (``rep``, team 1) owns two accounts: one private, one shared (view only) with rep B;
- rep B (``rep2``, team 2) owns one;
- A's manager (``manager``, team 1), another team's manager (``manager2``, team 2), an admin.

Every name is unique, so a response that contains it has leaked it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.test import Client

from dealmap.web.accounts.services import account_create, person_create, relation_create, share_set
from dealmap.web.deals.services import assessment_record, deal_create, interaction_record, part_create

PASSWORD = "dealmap-test-pw"
ACTORS = ("anonymous", "rep_a", "rep_b", "manager_a", "manager_other", "admin")
OBJECTS = ("a_private", "a_shared_with_b", "b_own")


def client_for(user, lang: str = "") -> Client:
    """A test client logged in as `user`, its language cookie set to `lang` when given."""
    client = Client()
    client.force_login(user)
    if lang:
        client.cookies["django_language"] = lang
    return client


@dataclass
class Thing:
    """One account and everything under it, with the unique texts that name it."""

    account: object
    person: object
    other: object
    spare: object
    relation: object
    deal: object
    part: object
    assessment: object
    interaction: object
    secrets: list[str] = field(default_factory=list)


def build_thing(owner, tag: str) -> Thing:
    """An account named by ``tag`` with three people, a relation, a deal, parts and history."""
    account = account_create(owner=owner, name=f"客户{tag}", notes=f"账户备注{tag}")
    person = person_create(
        account=account, name=f"张三{tag}", layer="decision", department="executive", notes=f"私下想法{tag}"
    )
    other = person_create(account=account, name=f"李四{tag}", layer="management", department="technical")
    spare = person_create(account=account, name=f"王五{tag}", layer="execution", department="user")
    relation = relation_create(source=person, target=other, kind="influences", strength=2)
    deal = deal_create(account=account, name=f"商机{tag}", by=owner)
    part = part_create(
        deal=deal, person=person, buying_role="decision_maker", by=owner, personal_wins=f"晋升{tag}"
    )
    part_create(deal=deal, person=other, buying_role="user", by=owner)
    assessment = assessment_record(
        deal=deal, person=person, date=date(2026, 11, 1), level=2, by=owner, evidence=f"证据{tag}"
    )
    interaction = interaction_record(
        deal=deal, date=date(2026, 11, 2), participants=[person], by=owner, summary=f"纪要{tag}"
    )
    secrets = [
        account.name,
        person.name,
        f"私下想法{tag}",
        deal.name,
        f"证据{tag}",
        f"纪要{tag}",
        f"晋升{tag}",
    ]
    return Thing(account, person, other, spare, relation, deal, part, assessment, interaction, secrets)


@dataclass
class World:
    users: dict
    things: dict


def build_world() -> World:
    from dealmap.web.users.services import team_ensure, user_create

    team_1, team_2 = team_ensure(name="一组"), team_ensure(name="二组")
    users = {
        "rep_a": user_create(username="rep_a", password=PASSWORD, role="rep", team=team_1),
        "rep_b": user_create(username="rep_b", password=PASSWORD, role="rep", team=team_2),
        "manager_a": user_create(username="manager_a", password=PASSWORD, role="manager", team=team_1),
        "manager_other": user_create(
            username="manager_other", password=PASSWORD, role="manager", team=team_2
        ),
        "admin": user_create(username="admin_x", password=PASSWORD, role="admin"),
        "colleague": user_create(username="colleague", password=PASSWORD, role="rep", team=team_1),
    }
    things = {
        "a_private": build_thing(users["rep_a"], "甲私"),
        "a_shared_with_b": build_thing(users["rep_a"], "甲享"),
        "b_own": build_thing(users["rep_b"], "乙有"),
    }
    shared = things["a_shared_with_b"].account
    share_set(account=shared, user=users["rep_b"], can_edit=False, by=users["rep_a"])
    return World(users=users, things=things)


def may_see(actor: str, obj: str) -> bool:
    """The rule, written out: owner, shared-with, manager of the owner's team, admin."""
    return {
        "anonymous": False,
        "rep_a": obj in ("a_private", "a_shared_with_b"),
        "rep_b": obj in ("a_shared_with_b", "b_own"),
        "manager_a": obj in ("a_private", "a_shared_with_b"),
        "manager_other": obj == "b_own",
        "admin": True,
    }[actor]


def may_edit(actor: str, obj: str) -> bool:
    """Owner, an edit share (none here: B's share is view-only), admin. Managers only look."""
    return {
        "anonymous": False,
        "rep_a": obj in ("a_private", "a_shared_with_b"),
        "rep_b": obj == "b_own",
        "manager_a": False,
        "manager_other": False,
        "admin": True,
    }[actor]


def is_owner(actor: str, obj: str) -> bool:
    """Who may delete or share an account: its owner, or an admin."""
    return may_edit(actor, obj)
