"""The access grid: every URL and every API operation × six actors × three objects, each cell checked.

Actors: anonymous, rep A, rep B, A's manager, another team's manager, admin. Objects: A's private
account, A's account shared (view only) with B, B's own account — each with people, a relation,
a deal, parts, an assessment and an interaction. The expected answer of every cell comes from the
rule written out in ``world.may_see`` / ``may_edit`` / ``is_owner``, never from the code under
test. A new URL or API operation without a rule here fails the grid: decide who may use it first.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from access_world import ACTORS, OBJECTS, build_world, is_owner, may_edit, may_see
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

pytestmark = pytest.mark.django_db


# -- the rules for the API -----------------------------------------------------------------------


@dataclass(frozen=True)
class Op:
    """How to call one API operation on an object, and what it needs of the actor.

    ``need``: ``auth`` (any logged-in user), ``list`` (200, item present iff visible),
    ``read`` (visible), ``edit`` (may edit), ``own`` (owner or admin).
    """

    need: str
    ok: int = 200
    path: Callable = lambda t: {}
    body: Callable | None = None
    rows: Callable | None = None  # for lists: the ids that must appear iff the object is visible


def _person_in(t):
    return {"account": t.account.pk, "name": "新来的人", "layer": "decision", "department": "finance"}


API_RULES: dict[tuple[str, str], Op] = {
    ("get", "/api/me"): Op("auth"),
    ("get", "/api/accounts"): Op("list", rows=lambda t: [t.account.pk]),
    ("post", "/api/accounts"): Op("auth", 201, body=lambda t: {"name": "新客户"}),
    ("get", "/api/accounts/{id}"): Op("read", path=lambda t: {"id": t.account.pk}),
    ("patch", "/api/accounts/{id}"): Op(
        "edit",
        path=lambda t: {"id": t.account.pk},
        body=lambda t: {"version": t.account.version, "notes": "改"},
    ),
    ("delete", "/api/accounts/{id}"): Op("own", 204, path=lambda t: {"id": t.account.pk}),
    ("get", "/api/accounts/{id}/shares"): Op("read", path=lambda t: {"id": t.account.pk}),
    ("get", "/api/accounts/{id}/history"): Op("read", path=lambda t: {"id": t.account.pk}),
    ("post", "/api/accounts/{id}/shares"): Op(
        "own", path=lambda t: {"id": t.account.pk}, body=lambda t: {"username": "colleague", "can_edit": True}
    ),
    ("delete", "/api/accounts/{id}/shares/{user_id}"): Op(
        "own", 204, path=lambda t: {"id": t.account.pk, "user_id": t.account.owner_id + 1}
    ),
    ("get", "/api/people"): Op("list", rows=lambda t: [t.person.pk, t.other.pk, t.spare.pk]),
    ("post", "/api/people"): Op("edit", 201, body=_person_in),
    ("get", "/api/people/{id}"): Op("read", path=lambda t: {"id": t.person.pk}),
    ("patch", "/api/people/{id}"): Op(
        "edit",
        path=lambda t: {"id": t.person.pk},
        body=lambda t: {"version": t.person.version, "title": "总监"},
    ),
    ("delete", "/api/people/{id}"): Op("edit", 204, path=lambda t: {"id": t.spare.pk}),
    ("get", "/api/people/{id}/export"): Op("read", path=lambda t: {"id": t.person.pk}),
    ("post", "/api/people/{id}/erase"): Op(
        "edit", path=lambda t: {"id": t.person.pk}, body=lambda t: {"version": t.person.version}
    ),
    ("get", "/api/relations"): Op("list", rows=lambda t: [t.relation.pk]),
    ("post", "/api/relations"): Op(
        "edit", 201, body=lambda t: {"source": t.other.pk, "target": t.spare.pk, "kind": "close"}
    ),
    ("get", "/api/relations/{id}"): Op("read", path=lambda t: {"id": t.relation.pk}),
    ("delete", "/api/relations/{id}"): Op("edit", 204, path=lambda t: {"id": t.relation.pk}),
    ("get", "/api/deals"): Op("list", rows=lambda t: [t.deal.pk]),
    ("post", "/api/deals"): Op("edit", 201, body=lambda t: {"account": t.account.pk, "name": "新商机"}),
    ("get", "/api/deals/{id}"): Op("read", path=lambda t: {"id": t.deal.pk}),
    ("patch", "/api/deals/{id}"): Op(
        "edit", path=lambda t: {"id": t.deal.pk}, body=lambda t: {"version": t.deal.version, "stage": "方案"}
    ),
    ("delete", "/api/deals/{id}"): Op("edit", 204, path=lambda t: {"id": t.deal.pk}),
    ("get", "/api/deals/{id}/report"): Op("read", path=lambda t: {"id": t.deal.pk}),
    ("post", "/api/deals/{id}/what-if"): Op(
        "read", path=lambda t: {"id": t.deal.pk}, body=lambda t: {"levels": {t.person.key: -3}}
    ),
    ("get", "/api/deals/{id}/file"): Op("read", path=lambda t: {"id": t.deal.pk}),
    ("post", "/api/deal-files"): Op("auth", 201, body=lambda t: DEAL_FILE),
    ("get", "/api/parts"): Op("list", rows=lambda t: [t.part.pk]),
    ("post", "/api/parts"): Op(
        "edit", 201, body=lambda t: {"deal": t.deal.pk, "person": t.spare.pk, "buying_role": "user"}
    ),
    ("get", "/api/parts/{id}"): Op("read", path=lambda t: {"id": t.part.pk}),
    ("patch", "/api/parts/{id}"): Op(
        "edit", path=lambda t: {"id": t.part.pk}, body=lambda t: {"version": t.part.version, "power": 5}
    ),
    ("delete", "/api/parts/{id}"): Op("edit", 204, path=lambda t: {"id": t.part.pk}),
    ("get", "/api/assessments"): Op("list", rows=lambda t: [t.assessment.pk]),
    ("post", "/api/assessments"): Op(
        "edit",
        201,
        body=lambda t: {"deal": t.deal.pk, "person": t.person.pk, "date": "2026-11-20", "level": 3},
    ),
    ("get", "/api/assessments/{id}"): Op("read", path=lambda t: {"id": t.assessment.pk}),
    ("get", "/api/interactions"): Op("list", rows=lambda t: [t.interaction.pk]),
    ("post", "/api/interactions"): Op(
        "edit", 201, body=lambda t: {"deal": t.deal.pk, "date": "2026-11-21", "participants": [t.person.pk]}
    ),
    ("get", "/api/interactions/{id}"): Op("read", path=lambda t: {"id": t.interaction.pk}),
    # Reading a note touches no stored data: any logged-in user (the text is theirs).
    ("post", "/api/signals"): Op("auth", body=lambda t: {"text": "他私下说支持我们的方案"}),
    ("get", "/api/history/{object_type}/{id}"): Op(
        "read", path=lambda t: {"object_type": "person", "id": t.person.pk}
    ),
}

DEAL_FILE = {
    "format": "dealmap/1",
    "account": {"name": "导入的客户"},
    "opportunity": {"name": "导入的商机"},
    "stakeholders": [
        {
            "id": "p1",
            "name": "赵六",
            "layer": "decision",
            "department": "executive",
            "buying_role": "approver",
        }
    ],
}


def api_expected(op: Op, actor: str, obj: str) -> int:
    """The status the rule says this actor gets for this operation on this object."""
    if actor == "anonymous":
        return 401
    if op.need in ("auth", "list"):
        return op.ok
    if op.need == "read":
        return op.ok if may_see(actor, obj) else 404
    allowed = may_edit(actor, obj) if op.need == "edit" else is_owner(actor, obj)
    if allowed:
        return op.ok
    return 403 if may_see(actor, obj) else 404


def schema_operations() -> list[tuple[str, str]]:
    from dealmap.web.api.api import api

    paths = api.get_openapi_schema()["paths"]
    return [(method, path) for path, ops in paths.items() for method in ops]


def test_every_api_operation_has_a_rule():
    """A new operation fails here until its access rule is written into API_RULES."""
    missing = [op for op in schema_operations() if op not in API_RULES]
    stale = [op for op in API_RULES if op not in schema_operations()]
    assert missing == [] and stale == []


# -- the rules for the pages ---------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """``need``: ``public`` (same answer for all), ``login`` (the login page), ``list``, ``read``,
    ``edit`` (200 if the actor may edit, 403 if they only see, 404 otherwise)."""

    need: str
    args: Callable = lambda t: []
    secrets: Callable | None = None
    status: dict | None = None  # for ``public``: the fixed answer per actor kind


#: A page that only takes POST: GET answers 405 to any logged-in user, the login redirect to others.
POST_ONLY = {"anonymous": 302, "user": 405}


def _workspace_post_args(name: str, t) -> list:
    return [t.deal.pk] if name in ("research", "whatif") else [t.deal.pk, t.person.key]


PAGE_RULES: dict[str, Page] = {
    "home": Page("login_required_redirect"),
    "healthz": Page("public", status={"anonymous": 200, "user": 200}),
    "login": Page("public", status={"anonymous": 200, "user": 302}),
    "logout": Page("public", status={"anonymous": 302, "user": 405}),
    "set_language": Page("public", status={"anonymous": 302, "user": 302}),
    "accounts:list": Page("list", secrets=lambda t: [t.account.name]),
    "accounts:detail": Page("read", args=lambda t: [t.account.pk]),
    "deals:list": Page("list", secrets=lambda t: [t.deal.name]),
    "deals:detail": Page("read", args=lambda t: [t.deal.pk]),
    # The API's own pages: the schema and the Swagger UI hold no data, so they are public.
    "api:openapi-json": Page("public", status={"anonymous": 200, "user": 200}),
    "api:openapi-view": Page("public", status={"anonymous": 200, "user": 200}),
    # The Django admin: staff only (administrators); everyone else is sent to its login.
    "admin:index": Page("admin"),
    "admin:password_change": Page("admin"),
    "admin:password_change_done": Page("admin"),
    "admin:jsi18n": Page("admin"),
    "admin:login": Page("public", status={"anonymous": 200, "user": 200, "admin": 302}),
    "admin:logout": Page("public", status={"anonymous": 302, "user": 302, "admin": 405}),
    "admin:autocomplete": Page("admin", status={"admin": 403}),
    # The deal workspace (issue #4): reads answer 404 for an invisible deal; its writes are POST only
    # (a GET answers 405), and each write checks edit access itself (tests/web/workspace).
    # Spreadsheet import and exports (issue #3): the exports hold only what the user may see.
    "imports:upload": Page("list"),
    "imports:template": Page("list"),
    # Progress is kept per uploader: a token the actor has not uploaded with is 404 for everyone
    # (the uploader's own token answers 200: tests/web/imports/test_import_views.py).
    "imports:progress": Page("public", args=lambda t: ["0" * 32], status={"anonymous": 302, "user": 404}),
    "imports:preview": Page("public", status=POST_ONLY),
    "imports:commit": Page("public", status=POST_ONLY),
    "imports:portfolio": Page("list", secrets=lambda t: [t.deal.name, t.person.name]),
    "imports:deal_export": Page("read", args=lambda t: [t.deal.pk, "xlsx"]),
    # Issue #5 in the web UI: history pages follow the object; sharing is the owner's (POST only);
    # a person's export reads, their erasure's confirmation page needs edit rights.
    "audit:account_history": Page("read", args=lambda t: [t.account.pk], secrets=lambda t: [t.account.name]),
    "audit:deal_history": Page("read", args=lambda t: [t.deal.pk], secrets=lambda t: [t.deal.name]),
    "audit:person_history": Page("read", args=lambda t: [t.person.pk], secrets=lambda t: [t.person.name]),
    "accounts:share_save": Page("public", args=lambda t: [t.account.pk], status=POST_ONLY),
    "accounts:share_delete": Page(
        "public", args=lambda t: [t.account.pk, t.account.owner_id + 1], status=POST_ONLY
    ),
    "accounts:person_export": Page("read", args=lambda t: [t.person.pk], secrets=lambda t: [t.person.name]),
    "accounts:person_erase": Page("edit", args=lambda t: [t.person.pk], secrets=lambda t: [t.person.name]),
    "search": Page("list"),
    # Building accounts, deals and buying groups in the browser: anyone may create an account of
    # their own; a deal, a person or a deal's facts need edit rights on the account (the forms
    # answer 403 to someone who may only read, 404 to someone who may not see).
    "accounts:create": Page("list"),
    "accounts:deal_create": Page("edit", args=lambda t: [t.account.pk]),
    "deals:edit": Page("edit", args=lambda t: [t.deal.pk], secrets=lambda t: [t.deal.name]),
    "workspace:person_add": Page("edit", args=lambda t: [t.deal.pk], secrets=lambda t: [t.deal.name]),
    "workspace:relation_add": Page("public", args=lambda t: [t.deal.pk, t.person.key], status=POST_ONLY),
    "workspace:relation_remove": Page(
        "public", args=lambda t: [t.deal.pk, t.person.key, 1], status=POST_ONLY
    ),
    "workspace:part_remove": Page("public", args=lambda t: [t.deal.pk, t.person.key], status=POST_ONLY),
    "workspace:person": Page("read", args=lambda t: [t.deal.pk, t.person.key]),
    "workspace:trend": Page("read", args=lambda t: [t.deal.pk]),
    "workspace:portfolio": Page("list", secrets=lambda t: [t.deal.name]),
    "workspace:method": Page("list"),
    "workspace:method_chapter": Page("list", args=lambda t: ["ch5"]),
    **{
        f"workspace:{name}": Page(
            "public", args=lambda t, n=name: _workspace_post_args(n, t), status=POST_ONLY
        )
        for name in (
            "research",
            "whatif",
            "person_save",
            "assessment_create",
            "interaction_create",
            "note_read",
            "interaction_note_read",
        )
    },
}

#: Admin URLs with arguments (object ids, app labels) are Django's own, all behind the staff check
#: that the no-argument admin pages above exercise; changelists are checked one by one.
ADMIN_WITH_ARGS = "admin-with-args"


def url_names(patterns=None, prefix: str = "") -> list[tuple[str, bool]]:
    """Every named URL as ``namespace:name`` with whether it takes arguments."""
    found = []
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            space = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            found += url_names(entry.url_patterns, space)
        elif isinstance(entry, URLPattern) and entry.name:
            found.append((prefix + entry.name, bool(entry.pattern.regex.groupindex)))
    return found


def page_rule(name: str, has_args: bool) -> Page | str | None:
    if name in PAGE_RULES:
        return PAGE_RULES[name]
    if name.startswith("api:"):
        return "api-operation"  # every operation is in the API grid, from the schema
    if name.startswith("admin:") and name.endswith("_changelist"):
        return Page("admin")
    if name.startswith("admin:") and (has_args or name.endswith("_add")):
        return ADMIN_WITH_ARGS
    return None


def test_every_url_has_a_rule():
    """A new page fails here until its access rule is written into PAGE_RULES."""
    missing = [name for name, has_args in url_names() if page_rule(name, has_args) is None]
    assert missing == []


def page_expected(page: Page, actor: str, obj: str) -> int:
    kind = "anonymous" if actor == "anonymous" else ("admin" if actor == "admin" else "user")
    if page.need == "public":
        return page.status.get(kind, page.status.get("user"))
    if page.need == "admin":
        if actor == "admin":
            return (page.status or {}).get("admin", 200)
        return 302
    if actor == "anonymous":
        return 302
    if page.need == "login_required_redirect":
        return 302
    if page.need == "list":
        return 200
    if page.need == "edit" and may_see(actor, obj):
        return 200 if may_edit(actor, obj) else 403
    return 200 if may_see(actor, obj) else 404


# -- running the grid ----------------------------------------------------------------------------


@pytest.fixture
def world(fixed_today):
    return build_world()


@pytest.fixture
def clients(world):
    out = {"anonymous": Client()}
    for actor in ACTORS[1:]:
        client = Client()
        client.force_login(world.users[actor])
        out[actor] = client
    return out


def _call(client: Client, method: str, url: str, body) -> tuple[int, bytes]:
    """One request whose effects are rolled back, so every cell starts from the same world."""
    with transaction.atomic():
        data = json.dumps(body) if body is not None else None
        response = client.generic(method.upper(), url, data=data, content_type="application/json")
        content = b"".join(response.streaming_content) if response.streaming else response.content
        transaction.set_rollback(True)
    return response.status_code, _readable(content)


def _readable(content: bytes) -> bytes:
    """The text of a response; for an xlsx/pptx download, the XML inside the zip."""
    if not content.startswith(b"PK"):
        return content
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        if "xl/workbook.xml" not in archive.namelist():
            return b"".join(archive.read(name) for name in archive.namelist() if name.endswith(".xml"))
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(content), read_only=True)
    cells = (
        str(v) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for v in row if v
    )
    return "\n".join(cells).encode()


def _api_url(path: str, params: dict) -> str:
    for key, value in params.items():
        path = path.replace("{" + key + "}", str(value))
    return path


def test_the_api_grid_matches_the_rules_in_every_cell(world, clients):
    """Every API operation × actor × object answers exactly what the rule says; lists leak nothing."""
    cells, mismatches = 0, []
    for method, path in schema_operations():
        op = API_RULES[(method, path)]
        for obj in OBJECTS:
            thing = world.things[obj]
            url = _api_url(path, op.path(thing))
            body = op.body(thing) if op.body else None
            for actor in ACTORS:
                status, content = _call(clients[actor], method, url, body)
                cells += 1
                expected = api_expected(op, actor, obj)
                if status != expected:
                    mismatches.append(
                        f"{actor} {method.upper()} {url} [{obj}]: {status}, expected {expected}"
                    )
                elif op.need == "list" and status == 200:
                    ids = {item["id"] for item in json.loads(content)["items"]}
                    shown = [pk for pk in op.rows(thing) if pk in ids]
                    if shown and not may_see(actor, obj):
                        mismatches.append(f"{actor} GET {url} [{obj}]: leaks ids {shown}")
                    if len(shown) != len(op.rows(thing)) and may_see(actor, obj):
                        mismatches.append(f"{actor} GET {url} [{obj}]: misses ids")
    assert cells == len(API_RULES) * len(OBJECTS) * len(ACTORS)
    assert mismatches == [], f"{len(mismatches)} of {cells} cells differ:\n" + "\n".join(mismatches)


def test_the_page_grid_matches_the_rules_in_every_cell(world, clients):
    """Every page × actor × object answers what the rule says; list pages show only what is visible."""
    cells, mismatches = 0, []
    for name, has_args in url_names():
        page = page_rule(name, has_args)
        if not isinstance(page, Page):
            continue
        for obj in OBJECTS:
            thing = world.things[obj]
            url = reverse(name, args=page.args(thing))
            for actor in ACTORS:
                status, content = _call(clients[actor], "get", url, None)
                cells += 1
                expected = page_expected(page, actor, obj)
                if status != expected:
                    mismatches.append(f"{actor} GET {url} ({name}) [{obj}]: {status}, expected {expected}")
                if page.secrets and status == 200:
                    text = content.decode()
                    leaked = [s for s in page.secrets(thing) if s in text]
                    if leaked and not may_see(actor, obj):
                        mismatches.append(f"{actor} GET {url} [{obj}]: leaks {leaked}")
                    if not leaked and may_see(actor, obj):
                        mismatches.append(f"{actor} GET {url} [{obj}]: misses its own rows")
    assert cells > 0
    assert mismatches == [], f"{len(mismatches)} of {cells} cells differ:\n" + "\n".join(mismatches)
