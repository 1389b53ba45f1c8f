"""The demo: two users (a rep and a manager of one team) and the demo deal, dated to look current."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from importlib import resources

from django.db import transaction

from dealmap.engine import model
from dealmap.interchange.dealfile import loads_deal, shift_dates
from dealmap.web.deals.models import Deal
from dealmap.web.deals.services import deal_import
from dealmap.web.users.models import Role, User
from dealmap.web.users.services import team_ensure, user_create

DEMO_PASSWORD = "dealmap"
DEMO_TEAM = "华东销售一组"
#: (username, role, display name) of the demo users.
DEMO_USERS = (
    ("rep", Role.REP, "李明"),
    ("manager", Role.MANAGER, "张伟"),
)


@dataclass
class DemoResult:
    """What ``demo_setup`` did: the users it created and the deal it loaded (if any)."""

    users_created: list[str] = field(default_factory=list)
    deal: Deal | None = None


def demo_deal(*, today: date) -> model.Deal:
    """The shipped demo deal with every date moved by the same number of days so ``as_of`` is today.

    Shifting all dates together keeps every gap, so the demo's findings are the same on any day.
    """
    text = resources.files("dealmap.demo").joinpath("demo-deal.json").read_bytes()
    deal = loads_deal(text)
    assert deal.as_of is not None, "the demo deal file names its as_of date"
    return shift_dates(deal, (today - deal.as_of).days)


@transaction.atomic
def demo_setup(*, today: date, force: bool = False) -> DemoResult:
    """Create the demo users if missing and load the demo deal, owned by ``rep``.

    Idempotent: the deal is loaded only into a database that holds no deal, unless ``force``.
    """
    result = DemoResult()
    team = team_ensure(name=DEMO_TEAM)
    for username, role, display in DEMO_USERS:
        if not User.objects.filter(username=username).exists():
            user_create(username=username, password=DEMO_PASSWORD, role=role, team=team, first_name=display)
            result.users_created.append(username)
    if force or not Deal.objects.exists():
        rep = User.objects.get(username="rep")
        result.deal = deal_import(deal=demo_deal(today=today), owner=rep, today=today)
    return result
