"""The API's behaviour: tokens and sessions, CSRF, sharing, versions (409/412), audit, errors."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def person_of(deal, key="p1"):
    return deal.account.people.get(key=key)


# -- who is calling ------------------------------------------------------------------------------


def test_a_bearer_token_authenticates_a_script(api_as, rep):
    status, body = api_as(rep).get("/me")
    assert status == 200 and body["username"] == "rep" and body["role"] == "rep"


def test_a_wrong_or_revoked_token_is_refused_with_401(api_as, rep):
    from api_client import Api

    from dealmap.web.security.models import ApiToken
    from dealmap.web.security.tokens import token_revoke

    assert Api(Client(), {"Authorization": "Bearer dm_nope"}).get("/me")[0] == 401
    good = api_as(rep)
    token_revoke(token=ApiToken.objects.get(user=rep))
    status, body = good.get("/me")
    assert status == 401 and body["detail"] and body["problems"] == []


def test_a_token_is_stored_only_as_a_hash(rep):
    from dealmap.web.security.models import ApiToken
    from dealmap.web.security.tokens import token_create

    _, raw = token_create(user=rep)
    stored = ApiToken.objects.get(user=rep)
    assert raw not in (stored.key_hash, stored.prefix) and raw.startswith(stored.prefix)


def test_a_session_write_needs_the_csrf_token(rep, demo_deal):
    client = Client(enforce_csrf_checks=True)
    client.force_login(rep)
    url = f"/api/accounts/{demo_deal.account_id}"
    refused = client.patch(url, json.dumps({"version": 1, "notes": "x"}), content_type="application/json")
    assert refused.status_code == 403
    client.get("/deals/")  # any page sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    accepted = client.patch(
        url,
        json.dumps({"version": 1, "notes": "x"}),
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )
    assert accepted.status_code == 200


def test_an_anonymous_write_is_401_not_a_csrf_error(demo_deal):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/api/accounts", json.dumps({"name": "x"}), content_type="application/json")
    assert response.status_code == 401


# -- sharing -------------------------------------------------------------------------------------


def test_a_view_share_lets_a_colleague_read_but_not_change(api_as, rep, other_rep, demo_deal):
    owner, colleague = api_as(rep), api_as(other_rep)
    account = demo_deal.account_id
    assert colleague.get(f"/accounts/{account}")[0] == 404
    assert owner.post(f"/accounts/{account}/shares", {"username": "rep2"})[0] == 200
    assert colleague.get(f"/accounts/{account}")[0] == 200
    assert colleague.get(f"/deals/{demo_deal.pk}/report")[0] == 200
    assert colleague.patch(f"/accounts/{account}", {"version": 1, "notes": "x"})[0] == 403


def test_an_edit_share_lets_a_colleague_change_but_not_reshare(api_as, rep, other_rep, manager, demo_deal):
    owner, colleague = api_as(rep), api_as(other_rep)
    account = demo_deal.account_id
    owner.post(f"/accounts/{account}/shares", {"username": "rep2", "can_edit": True})
    assert colleague.patch(f"/accounts/{account}", {"version": 1, "notes": "x"})[0] == 200
    assert colleague.post(f"/accounts/{account}/shares", {"username": "manager"})[0] == 403
    assert colleague.delete(f"/accounts/{account}")[0] == 403


def test_unsharing_hides_the_account_again(api_as, rep, other_rep, demo_deal):
    owner, colleague = api_as(rep), api_as(other_rep)
    account = demo_deal.account_id
    owner.post(f"/accounts/{account}/shares", {"username": "rep2"})
    assert owner.delete(f"/accounts/{account}/shares/{other_rep.pk}")[0] == 204
    assert colleague.get(f"/accounts/{account}")[0] == 404
    assert colleague.get("/accounts")[1]["count"] == 0


def test_a_manager_sees_the_teams_account_but_cannot_change_it(api_as, manager, other_manager, demo_deal):
    assert api_as(manager).get(f"/deals/{demo_deal.pk}")[0] == 200
    assert api_as(manager).patch(f"/deals/{demo_deal.pk}", {"version": 1, "stage": "x"})[0] == 403
    assert api_as(other_manager).get(f"/deals/{demo_deal.pk}")[0] == 404


# -- versions, conflicts, If-Match ---------------------------------------------------------------


def test_an_edit_from_a_stale_version_gets_409_and_changes_nothing(api_as, rep, demo_deal):
    api, person = api_as(rep), person_of(demo_deal)
    assert api.patch(f"/people/{person.pk}", {"version": 1, "title": "新头衔"})[0] == 200
    status, body = api.patch(f"/people/{person.pk}", {"version": 1, "title": "旧的覆盖"})
    assert status == 409 and body["detail"]
    person.refresh_from_db()
    assert person.title == "新头衔" and person.version == 2


def test_if_match_with_an_old_version_gets_412(api_as, rep, demo_deal):
    api, person = api_as(rep), person_of(demo_deal)
    status, _ = api.patch(f"/people/{person.pk}", {"version": 1, "title": "x"}, **{"If-Match": '"v9"'})
    assert status == 412
    status, _ = api.patch(f"/people/{person.pk}", {"version": 1, "title": "x"}, **{"If-Match": '"v1"'})
    assert status == 200


@pytest.mark.parametrize(
    ("header", "status"),
    [
        ("*", 200),
        ('"v9", "v1"', 200),
        ('"v1","v2"', 200),
        ('"v9", "v8"', 412),
        ('W/"v1"', 412),
        ('"v1', 412),
        ("", 412),
    ],
)
def test_if_match_takes_a_star_and_a_list_of_tags_as_http_defines_them(
    api_as, rep, demo_deal, header, status
):
    """``*`` matches any stored object; one tag of a list must match by strong comparison."""
    api, person = api_as(rep), person_of(demo_deal)
    assert (
        api.patch(f"/people/{person.pk}", {"version": 1, "title": "x"}, **{"If-Match": header})[0] == status
    )


# -- audit ---------------------------------------------------------------------------------------


def test_every_change_is_in_the_history_with_before_and_after(api_as, rep, demo_deal):
    api, person = api_as(rep), person_of(demo_deal)
    old_title = person.title
    api.patch(f"/people/{person.pk}", {"version": 1, "title": "新头衔"})
    status, entries = api.get(f"/history/person/{person.pk}")
    assert status == 200
    [entry] = [e for e in entries if e["action"] == "update"]
    assert entry["actor"] == "rep" and entry["before"] == {"title": old_title, "version": 1}
    assert entry["after"] == {"title": "新头衔", "version": 2}


def test_history_is_hidden_from_those_who_may_not_see_the_object(api_as, rep, other_rep, demo_deal):
    person = person_of(demo_deal)
    api_as(rep).patch(f"/people/{person.pk}", {"version": 1, "title": "x"})
    assert api_as(other_rep).get(f"/history/person/{person.pk}")[0] == 404


def test_an_accounts_history_holds_its_shares_and_what_was_deleted(api_as, rep, other_rep, demo_deal):
    owner, account = api_as(rep), demo_deal.account_id
    person = person_of(demo_deal, "p6")
    owner.post(f"/accounts/{account}/shares", {"username": other_rep.username})
    owner.delete(f"/accounts/{account}/shares/{other_rep.pk}")
    owner.delete(f"/people/{person.pk}")
    status, body = owner.get(f"/accounts/{account}/history?limit=200")
    assert status == 200 and body["count"] == len(body["items"])
    seen = [(e["object_type"], e["action"]) for e in body["items"]]
    assert ("accountshare", "share") in seen and ("accountshare", "unshare") in seen
    assert ("person", "delete") in seen and seen[0] == ("account", "create")
    times = [e["at"] for e in body["items"]]
    assert times == sorted(times)
    assert api_as(other_rep).get(f"/accounts/{account}/history")[0] == 404


def test_an_assessment_is_a_new_entry_never_an_edit(api_as, rep, demo_deal):
    api, person = api_as(rep), person_of(demo_deal)
    before = api.get(f"/assessments?person={person.pk}")[1]["count"]
    body = {"deal": demo_deal.pk, "person": person.pk, "date": "2026-11-27", "level": 1, "evidence": "更正"}
    status, created = api.post("/assessments", body)
    assert status == 201 and api.get(f"/assessments?person={person.pk}")[1]["count"] == before + 1
    assert api.call("PATCH", f"/assessments/{created['id']}", {"level": 2})[0] == 405


def test_the_audit_trail_refuses_changes_and_deletion(rep, demo_deal):
    from dealmap.web.audit.models import AuditAppendOnlyError, AuditEntry

    entry = AuditEntry.objects.filter(object_type="deal").first()
    entry.action = "delete"
    with pytest.raises(AuditAppendOnlyError):
        entry.save()
    with pytest.raises(AuditAppendOnlyError):
        entry.delete()


# -- input and errors ----------------------------------------------------------------------------


def test_a_boolean_is_not_taken_for_a_number(api_as, rep, demo_deal):
    status, body = api_as(rep).patch(f"/people/{person_of(demo_deal).pk}", {"version": True, "title": "x"})
    assert status == 422 and body["problems"][0]["path"] == "version"


def test_lists_are_paginated_and_filtered(api_as, rep, demo_deal):
    api = api_as(rep)
    status, page = api.get("/people?limit=2&offset=1")
    assert status == 200 and len(page["items"]) == 2 and page["count"] == demo_deal.account.people.count()
    deciders = api.get(f"/people?deal={demo_deal.pk}&role=decision_maker")[1]["items"]
    assert deciders and all(
        p["id"] in {x.person_id for x in demo_deal.parts.filter(buying_role="decision_maker")}
        for p in deciders
    )
    assert api.get("/people?limit=0")[0] == 422 and api.get("/people?limit=201")[0] == 422


def test_attitude_group_filter_uses_the_latest_assessment(api_as, rep, demo_deal):
    from dealmap.method.codes import group_of_level

    api = api_as(rep)
    for group in ("supporter", "neutral", "opponent", "unassessed"):
        for p in api.get(f"/people?deal={demo_deal.pk}&group={group}&limit=200")[1]["items"]:
            latest = (
                demo_deal.assessments.filter(person_id=p["id"]).order_by("date", "recorded_at", "id").last()
            )
            assert group_of_level(latest.level if latest else None) == group


def test_the_report_and_what_if_come_from_the_engine(api_as, rep, demo_deal):
    api = api_as(rep)
    status, report = api.get(f"/deals/{demo_deal.pk}/report")
    assert status == 200 and report["format"] == "dealmap-report/1" and report["findings"]
    status, change = api.post(f"/deals/{demo_deal.pk}/what-if", {"levels": {"p1": 4}})
    assert status == 200 and "score_delta" in change
    assert api.post(f"/deals/{demo_deal.pk}/what-if", {"levels": {"nobody": 4}})[0] == 422


def test_a_deal_file_round_trips_through_the_api(api_as, rep, demo_deal):
    api = api_as(rep)
    status, file = api.get(f"/deals/{demo_deal.pk}/file")
    assert status == 200 and file["format"] == "dealmap/1"
    status, stored = api.post("/deal-files", file)
    assert status == 201 and stored["deal"] != demo_deal.pk


def test_a_bad_deal_file_lists_every_problem_by_path_and_stores_nothing(api_as, rep, row_counts):
    before = row_counts()
    status, body = api_as(rep).post(
        "/deal-files", {"format": "dealmap/1", "account": {}, "stakeholders": [{}]}
    )
    assert status == 422 and {p["path"] for p in body["problems"]} >= {"opportunity", "account.name"}
    assert row_counts() == before


def test_a_deal_file_with_a_key_written_twice_is_refused_by_path(api_as, rep, demo_file, row_counts):
    api, before = api_as(rep), row_counts()
    text = json.dumps(demo_file, ensure_ascii=False).replace(
        '"account": {', '"account": {"name": "别的公司", ', 1
    )
    response = api.client.post("/api/deal-files", text.encode(), "application/json", headers=api.headers)
    assert response.status_code == 422
    assert [p["path"] for p in response.json()["problems"]] == ["account.name"]
    assert row_counts() == before


#: POSTs that compute an answer and store nothing, so they cannot conflict with stored data.
STORES_NOTHING = {"/api/deals/{id}/what-if", "/api/signals"}


def test_the_openapi_schema_declares_the_error_responses_of_every_operation():
    from dealmap.web.api.api import api

    schema = api.get_openapi_schema()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            declared = {int(status) for status in operation["responses"]}
            assert {400, 401, 403, 404, 422} <= declared, (method, path)
            if method in ("patch", "post", "delete") and path not in STORES_NOTHING:
                assert 409 in declared, (method, path)


def test_the_swagger_ui_is_served_from_local_files(client):
    page = client.get("/api/docs").content.decode()
    # Every script and stylesheet comes from this server (a CDN address would start with http or //).
    # Only the attributes are checked: the page also carries a random CSRF token.
    sources = re.findall(r'(?:src|href)="([^"]*)"', page)
    assert "/static/ninja/swagger-ui-bundle.js" in sources
    assert all(source.startswith("/") and not source.startswith("//") for source in sources), sources
    assert client.get("/static/ninja/swagger-ui-bundle.js").status_code == 200


# -- text: the web forms' cap, no NUL, each refusal naming its field --------------------------------

LONG = "长" * 10_001


def english(api):
    """The same caller with English chosen (the language follows the switch's cookie only)."""
    api.client.cookies["django_language"] = "en"
    return api


def _create_body(kind: str, deal, text: str) -> tuple[str, str, dict]:
    """(method, path, body) writing ``text`` into one free-text field of ``kind``."""
    person = person_of(deal, "p4")
    return {
        "account notes": ("POST", "/accounts", {"name": "新客户", "notes": text}),
        "person notes": ("PATCH", f"/people/{person.pk}", {"version": 1, "notes": text}),
        "part wins": (
            "PATCH",
            f"/parts/{deal.parts.get(person=person).pk}",
            {"version": 1, "personal_wins": text},
        ),
        "research answer": ("PATCH", f"/deals/{deal.pk}", {"version": 1, "research": {"why": text}}),
        "evidence": (
            "POST",
            "/assessments",
            {"deal": deal.pk, "person": person.pk, "date": "2026-11-20", "level": 1, "evidence": text},
        ),
        "summary": (
            "POST",
            "/interactions",
            {"deal": deal.pk, "date": "2026-11-20", "participants": [person.pk], "summary": text},
        ),
    }[kind]


FIELDS = {
    "account notes": "notes",
    "person notes": "notes",
    "part wins": "personal_wins",
    "research answer": "research.why",
    "evidence": "evidence",
    "summary": "summary",
}


@pytest.mark.parametrize("kind", list(FIELDS))
def test_text_over_the_web_forms_cap_is_refused_with_the_field_named(
    api_as, rep, demo_deal, row_counts, kind
):
    from dealmap.web.audit.models import AuditEntry

    api, field = api_as(rep), FIELDS[kind]
    before, entries = row_counts(), AuditEntry.objects.count()
    method, path, body = _create_body(kind, demo_deal, LONG)
    status, answer = api.call(method, path, body)
    assert status == 422 and answer["problems"] == [
        {"path": field, "message": f"{field} 过长：最多 10000 个字符。"}
    ]
    status, answer = english(api_as(rep)).call(method, path, body)
    assert answer["problems"][0]["message"] == f"{field} is too long: at most 10000 characters."
    assert row_counts() == before and AuditEntry.objects.count() == entries
    method, path, body = _create_body(kind, demo_deal, LONG[:-1])
    assert api.call(method, path, body)[0] in (200, 201)


@pytest.mark.parametrize("kind", list(FIELDS))
def test_a_nul_in_text_is_refused_with_the_field_named(api_as, rep, demo_deal, row_counts, kind):
    field, before = FIELDS[kind], row_counts()
    method, path, body = _create_body(kind, demo_deal, "说\x00了")
    status, answer = english(api_as(rep)).call(method, path, body)
    assert status == 422
    assert answer["problems"] == [
        {"path": field, "message": f"{field} must not contain a NUL character (\\x00)."}
    ]
    assert row_counts() == before


def test_a_nul_in_an_owner_filter_is_refused_not_sent_to_the_database(api_as, rep, demo_deal):
    for path in ("/accounts", "/people", "/deals"):
        status, answer = api_as(rep).get(f"{path}?owner=r%00p")
        assert status == 422 and answer["problems"][0]["path"] == "owner", path


def test_the_schema_caps_free_text_at_what_a_workbook_cell_takes_back():
    from dealmap.interchange.xlsx_read import MAX_TEXT_CHARS
    from dealmap.web.api.api import api

    schemas = api.get_openapi_schema()["components"]["schemas"]
    for name, field in [("AccountIn", "notes"), ("AssessmentIn", "evidence"), ("InteractionIn", "summary")]:
        prop = schemas[name]["properties"][field]
        assert prop["maxLength"] == MAX_TEXT_CHARS and prop["pattern"] == "^[^\\x00]*$", name


def test_a_deal_file_with_text_a_workbook_cannot_give_back_is_refused_by_path(
    api_as, rep, demo_deal, row_counts
):
    api = english(api_as(rep))
    file = api.get(f"/deals/{demo_deal.pk}/file")[1]
    file["account"]["notes"] = LONG
    file["assessments"][0]["evidence"] = LONG
    file["interactions"][0]["summary"] = "纪\x00要"
    file["opportunity"]["research"]["why"] = LONG
    before = row_counts()
    status, answer = api.post("/deal-files", file)
    assert status == 422 and row_counts() == before
    assert {(p["path"], p["message"]) for p in answer["problems"]} == {
        ("account.notes", "must be at most 10000 characters"),
        ("assessments[0].evidence", "must be at most 10000 characters"),
        ("interactions[0].summary", "contains a NUL character (\\x00), which cannot be stored"),
        ("opportunity.research.why", "must be at most 10000 characters"),
    }


# -- sharing: each refusal at the username ---------------------------------------------------------


def test_a_share_the_username_cannot_take_is_refused_at_the_username(api_as, rep, other_rep, demo_deal):
    other_rep.is_active = False
    other_rep.save(update_fields=["is_active"])
    api = english(api_as(rep))
    for username, code, message in [
        ("nobody", 404, "There is no active user called “nobody”."),
        ("rep2", 404, "The user “rep2” is deactivated: an account cannot be shared with them."),
        ("rep", 409, "You cannot share an account with yourself."),
    ]:
        status, answer = api.post(f"/accounts/{demo_deal.account_id}/shares", {"username": username})
        assert status == code and answer["problems"] == [{"path": "username", "message": message}], username


def test_sharing_again_at_the_same_level_records_nothing(api_as, rep, other_rep, demo_deal):
    from dealmap.web.audit.models import AuditEntry

    api = api_as(rep)
    assert api.post(f"/accounts/{demo_deal.account_id}/shares", {"username": "rep2"})[0] == 200
    entries = AuditEntry.objects.count()
    status, share = api.post(f"/accounts/{demo_deal.account_id}/shares", {"username": "rep2"})
    assert (status, share["can_edit"]) == (200, False) and AuditEntry.objects.count() == entries


def test_who_may_not_share_gets_the_same_404_whatever_the_username(api_as, other_rep, demo_deal):
    """The account is not theirs to see: a plain 404, which says nothing about the username."""
    api = api_as(other_rep)
    for username in ("rep", "nobody", "rep2"):
        answer = api.post(f"/accounts/{demo_deal.account_id}/shares", {"username": username})
        assert answer == (404, {"detail": "未找到。", "problems": []}), username


# -- what the API stores, an export gives back (a deal file and a workbook refuse the rest) --------

LARGE = "must be less than 10,000,000,000,000."
CENTS = "may have at most 2 decimal places (cents)."


@pytest.mark.parametrize(
    ("amount", "zh", "en"),
    [
        (12345678901234.56, "amount 必须小于 10,000,000,000,000。", f"amount {LARGE}"),
        (999999999999999.9, "amount 必须小于 10,000,000,000,000。", f"amount {LARGE}"),
        (1e13, "amount 必须小于 10,000,000,000,000。", f"amount {LARGE}"),
        (1.005, "amount 最多只能有 2 位小数（精确到分）。", f"amount {CENTS}"),
        (0.1 + 0.2, "amount 最多只能有 2 位小数（精确到分）。", f"amount {CENTS}"),
    ],
)
def test_an_amount_the_databases_cannot_hold_exactly_is_refused_at_the_amount(
    api_as, rep, demo_deal, row_counts, amount, zh, en
):
    """SQLite keeps 15 significant digits: 12345678901234.56 came back as 12345678901234.60,
    999999999999999.9 as 1e15 (over the schema's own limit), and 1.005 was stored as 1.00."""
    before = row_counts()
    account = demo_deal.account_id
    status, answer = api_as(rep).post("/deals", {"account": account, "name": "z", "amount": amount})
    assert status == 422 and answer["problems"] == [{"path": "amount", "message": zh}]
    status, answer = english(api_as(rep)).patch(f"/deals/{demo_deal.pk}", {"version": 1, "amount": amount})
    assert status == 422 and answer["problems"] == [{"path": "amount", "message": en}]
    assert row_counts() == before


@pytest.mark.parametrize(
    ("amount", "stored"),
    [
        (9999999999999.99, "9999999999999.99"),
        (6408655322280.85, "6408655322280.85"),
        (0.57, "0.57"),
        (5, "5.00"),
    ],
)
def test_an_amount_is_echoed_as_stored_and_read_back(api_as, rep, demo_deal, amount, stored):
    """The JSON number is read as the decimal it spells; what the answer shows is what is stored."""
    api = api_as(rep)
    status, deal = api.post("/deals", {"account": demo_deal.account_id, "name": "z", "amount": amount})
    assert (status, deal["amount"]) == (201, stored)
    assert api.get(f"/deals/{deal['id']}")[1]["amount"] == stored
    status, deal = api.patch(f"/deals/{deal['id']}", {"version": 1, "amount": amount})
    assert (status, deal["amount"]) == (200, stored)
    assert api.get(f"/deals/{deal['id']}")[1]["amount"] == stored


def test_the_schema_states_the_amount_limits():
    """So that a generated request (schemathesis) stays within what the API takes."""
    from dealmap.web.api.api import api

    schemas = api.get_openapi_schema()["components"]["schemas"]
    for name in ("DealIn", "DealPatch"):
        (number,) = [s for s in schemas[name]["properties"]["amount"]["anyOf"] if s["type"] == "number"]
        assert number == {"type": "number", "minimum": 0, "exclusiveMaximum": 10**13, "multipleOf": 0.01}
        (written,) = [s for s in schemas[name]["properties"]["amount"]["anyOf"] if s["type"] == "string"]
        assert re.fullmatch(written["pattern"], "9999999999999.99") and not re.fullmatch(
            written["pattern"], "1.005"
        )


def test_a_deal_read_back_can_be_sent_back_as_it_is(api_as, rep, demo_deal):
    """The answer writes the amount as text ("2800000.00"); a client that edits another field and
    sends the deal back must not be refused for the form the API itself chose."""
    api = api_as(rep)
    _, deal = api.get(f"/deals/{demo_deal.pk}")
    status, saved = api.patch(f"/deals/{demo_deal.pk}", {**deal, "stage": "谈判"})
    assert (status, saved["amount"], saved["stage"]) == (200, deal["amount"], "谈判")
    status, saved = api.patch(f"/deals/{demo_deal.pk}", {"version": saved["version"], "amount": "1200000.5"})
    assert (status, saved["amount"]) == (200, "1200000.50")


NOT_AMOUNT = "amount 必须是数字，或以文字写出的小数，如“1200000.50”。"


@pytest.mark.parametrize(
    ("amount", "zh"),
    [
        ("1.005", "amount 最多只能有 2 位小数（精确到分）。"),
        ("-3", "amount 必须至少为 0。"),
        ("1e3", NOT_AMOUNT),
        ("1,200", NOT_AMOUNT),
        (" 12", NOT_AMOUNT),
        (True, NOT_AMOUNT),
        ("\u0661\u0662", NOT_AMOUNT),  # Arabic-Indic digits: Python's \d, not JSON Schema's
        ("\uff11\uff12", NOT_AMOUNT),  # full-width digits
        ("00000000000012", NOT_AMOUNT),  # more digits than the schema's pattern allows
        ("12345678901234", "amount 必须小于 10,000,000,000,000。"),
        ("1.000", "amount 最多只能有 2 位小数（精确到分）。"),
        ("-0", "amount 必须至少为 0。"),
    ],
)
def test_an_amount_as_text_is_held_to_the_same_rules(api_as, rep, demo_deal, row_counts, amount, zh):
    before = row_counts()
    status, answer = api_as(rep).post(
        "/deals", {"account": demo_deal.account_id, "name": "z", "amount": amount}
    )
    assert status == 422 and answer["problems"] == [{"path": "amount", "message": zh}]
    assert row_counts() == before


@pytest.mark.parametrize(
    ("kind", "day", "zh", "en"),
    [
        (
            "evidence",
            "2026-11-28",
            "date 是将来的日期：请记录已经发生的事。",
            "date is in the future: record what has happened.",
        ),
        (
            "summary",
            "2026-11-28",
            "date 是将来的日期：请记录已经发生的事。",
            "date is in the future: record what has happened.",
        ),
        (
            "evidence",
            "0026-11-20",
            "date 早于 1970-01-01：多半是输入错误。",
            "date is before 1970-01-01: probably a typing slip.",
        ),
        (
            "summary",
            "1969-12-31",
            "date 早于 1970-01-01：多半是输入错误。",
            "date is before 1970-01-01: probably a typing slip.",
        ),
    ],
)
def test_an_assessment_or_interaction_is_dated_as_the_forms_date_it(
    api_as, rep, demo_deal, row_counts, kind, day, zh, en
):
    """The web forms refuse a day after today and before 1970; the API refused neither (the clock is
    fixed at the demo's 2026-11-27)."""
    before = row_counts()
    method, path, body = _create_body(kind, demo_deal, "x")
    status, answer = api_as(rep).call(method, path, {**body, "date": day})
    assert status == 422 and answer["problems"] == [{"path": "date", "message": zh}]
    status, answer = english(api_as(rep)).call(method, path, {**body, "date": day})
    assert status == 422 and answer["problems"] == [{"path": "date", "message": en}]
    assert row_counts() == before
    assert api_as(rep).call(method, path, {**body, "date": "2026-11-27"})[0] == 201


def test_schema_problems_read_in_the_callers_language(api_as, rep, demo_deal):
    """Pydantic's own sentences are English; a Chinese caller gets each problem in Chinese."""
    person = person_of(demo_deal)
    status, answer = api_as(rep).post(
        "/relations", {"source": person.pk, "target": "x", "kind": "likes", "strength": 9}
    )
    assert status == 422
    assert answer["problems"] == [
        {"path": "target", "message": "target 必须是整数。"},
        {"path": "kind", "message": "kind 必须是以下之一：'influences', 'conflicts', 'close'。"},
        {"path": "strength", "message": "strength 不能大于 3。"},
    ]
    status, answer = api_as(rep).post("/accounts", {"industry": 5})
    assert answer["problems"] == [
        {"path": "name", "message": "name 为必填项。"},
        {"path": "industry", "message": "industry 必须是文字。"},
    ]


def _relation(api, source, target, kind="close"):
    return api.post("/relations", {"source": source.pk, "target": target.pk, "kind": kind})


def test_the_same_relation_twice_is_refused_as_the_deal_file_and_workbook_refuse_it(
    api_as, rep, demo_deal, row_counts
):
    api = api_as(rep)
    source, target = person_of(demo_deal, "p1"), person_of(demo_deal, "p7")
    status, first = _relation(api, source, target)
    assert status == 201
    before = row_counts()
    status, answer = _relation(api, source, target)
    message = f"与关系 {first['id']} 重复：两端的人、方向和关系类型都相同。"
    assert status == 409 and answer["problems"] == [{"path": "kind", "message": message}]
    status, answer = _relation(english(api_as(rep)), source, target)
    message = f"This repeats relation {first['id']}: the same two people, in the same direction, with the same kind."
    assert status == 409 and answer["problems"] == [{"path": "kind", "message": message}]
    assert row_counts() == before
    assert _relation(api, target, source)[0] == 201  # the other direction is another relation
    assert _relation(api, source, target, "influences")[0] == 201  # so is another kind


def test_a_relation_to_oneself_is_refused_at_the_target_in_words(api_as, rep, demo_deal, row_counts):
    person, before = person_of(demo_deal), row_counts()
    status, answer = _relation(api_as(rep), person, person)
    assert status == 409 and answer["problems"] == [
        {"path": "target", "message": "关系的两端必须是不同的人。"}
    ]
    status, answer = _relation(english(api_as(rep)), person, person)
    assert answer["problems"] == [{"path": "target", "message": "A relation needs two different people."}]
    assert row_counts() == before


@pytest.mark.parametrize("competitors", [["甲", "甲"], ["甲", " 甲 "]])
def test_a_competitor_listed_twice_is_refused_at_the_field(api_as, rep, demo_deal, row_counts, competitors):
    before, deal = row_counts(), demo_deal.pk
    status, answer = api_as(rep).patch(f"/deals/{deal}", {"version": 1, "competitors": competitors})
    assert status == 422
    assert answer["problems"] == [{"path": "competitors", "message": "competitors 中“甲”重复出现。"}]
    body = {"account": demo_deal.account_id, "name": "z", "competitors": competitors}
    status, answer = english(api_as(rep)).post("/deals", body)
    assert status == 422
    assert answer["problems"] == [
        {"path": "competitors", "message": "competitors lists “甲” more than once."}
    ]
    assert row_counts() == before


def test_a_competitor_twice_in_a_parts_affinity_is_refused_at_the_field(api_as, rep, demo_deal, row_counts):
    from dealmap.web.accounts.services import person_create

    person = person_create(account=demo_deal.account, name="新人", layer="execution", department="user")
    before = row_counts()
    affinity = [{"competitor": "甲", "strength": 1}, {"competitor": "甲", "strength": 2}]
    body = {"deal": demo_deal.pk, "person": person.pk, "buying_role": "user", "competitor_affinity": affinity}
    status, answer = english(api_as(rep)).post("/parts", body)
    assert status == 422 and answer["problems"] == [
        {"path": "competitor_affinity", "message": "competitor_affinity lists “甲” more than once."}
    ]
    assert row_counts() == before


BLANK_NAMES = ["   ", "\u3000", "\u200b", " \u200d\ufeff\u3000", "\t\n"]


@pytest.mark.parametrize("name", BLANK_NAMES)
def test_a_name_of_only_spaces_or_invisible_characters_is_refused(api_as, rep, demo_deal, row_counts, name):
    """An export of such a name never imports again (the name is required), and the web forms
    refuse it already."""
    before, account, person = row_counts(), demo_deal.account_id, person_of(demo_deal)
    person_body = {"account": account, "name": name, "layer": "execution", "department": "user"}
    for method, path, body in [
        ("POST", "/accounts", {"name": name}),
        ("PATCH", f"/accounts/{account}", {"version": 1, "name": name}),
        ("POST", "/people", person_body),
        ("PATCH", f"/people/{person.pk}", {"version": 1, "name": name}),
        ("POST", "/deals", {"account": account, "name": name}),
        ("PATCH", f"/deals/{demo_deal.pk}", {"version": 1, "competitors": [name]}),
    ]:
        field = "competitors.0" if method == "PATCH" and path.startswith("/deals") else "name"
        status, answer = api_as(rep).call(method, path, body)
        zh = f"{field} 不能为空：只有空格或不可见字符不算名称。"
        assert (status, answer["problems"]) == (422, [{"path": field, "message": zh}]), (method, path)
        status, answer = english(api_as(rep)).call(method, path, body)
        en = f"{field} must not be empty: spaces and invisible characters alone are no name."
        assert answer["problems"] == [{"path": field, "message": en}], (method, path)
    assert row_counts() == before


def test_a_nul_in_a_name_is_named_as_a_nul(api_as, rep, demo_deal):
    status, answer = english(api_as(rep)).post("/accounts", {"name": "\x00 "})
    assert status == 422
    assert answer["problems"] == [
        {"path": "name", "message": "name must not contain a NUL character (\\x00)."}
    ]


def test_the_api_and_the_web_form_find_the_same_names_blank():
    """The schema's pattern and the person form share one list of invisible characters; it holds
    every character this Python calls whitespace or a format character (Unicode category Cf)."""
    import sys
    import unicodedata

    from dealmap.interchange.names import blank
    from dealmap.web.api.schemas import VISIBLE

    invisible = [
        chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace() or unicodedata.category(chr(c)) == "Cf"
    ]
    assert all(blank(ch) for ch in invisible)
    assert not any(re.search(VISIBLE, f" {ch}{ch} ") for ch in invisible)
    assert all(re.search(VISIBLE, f" {ch}名 ") for ch in invisible if ch != "\x00")
    assert not blank("名") and not blank("\u200bA")


def test_names_and_titles_are_stored_without_end_spaces_so_an_export_reimports_unchanged(
    api_as, rep, demo_deal
):
    """As the web forms and the workbook importer store them: " padded " was stored as it came,
    and a re-import of the unchanged export then changed it to "padded"."""
    from dealmap.interchange.xlsx import Source
    from dealmap.web.imports.exports import workbook_bytes
    from dealmap.web.imports.services import workbook_preview

    api = api_as(rep)
    body = {
        "account": demo_deal.account_id,
        "name": " padded\u3000",
        "title": " 总监 ",
        "layer": "execution",
        "department": "user",
    }
    status, person = api.post("/people", body)
    assert status == 201 and (person["name"], person["title"]) == ("padded", "总监")
    status, person = api.patch(
        f"/people/{person['id']}", {"version": 1, "name": "\tpadded too ", "title": " x"}
    )
    assert status == 200 and (person["name"], person["title"]) == ("padded too", "x")
    status, deal = api.patch(
        f"/deals/{demo_deal.pk}", {"version": 1, "name": " 二期 ", "competitors": [" 甲 "]}
    )
    assert status == 200 and (deal["name"], deal["competitors"]) == ("二期", ["甲"])
    status, account = api.patch(f"/accounts/{demo_deal.account_id}", {"version": 1, "name": " 华东 "})
    assert status == 200 and account["name"] == "华东"
    demo_deal.refresh_from_db()
    plan = workbook_preview(source=Source(workbook_bytes([demo_deal])), owner=rep)
    assert plan.ok, plan.issues[:3]
    assert {sheet: (c.created, c.updated) for sheet, c in plan.counts.items() if c.created or c.updated} == {}


@pytest.mark.parametrize(
    ("name", "zh"),
    [
        ("恒远;软件", "“;”"),
        ("恒远\uff1b软件", "“\uff1b”"),
        ("恒远\u3001鼎信", "“\u3001”"),
        ("恒远\n软件", "换行"),
    ],
)
def test_a_competitor_name_holding_a_list_separator_is_refused(api_as, rep, demo_deal, row_counts, name, zh):
    """A workbook lists a deal's competitors in one cell split at these: the name would come back
    as two competitors."""
    before = row_counts()
    api = api_as(rep)
    status, answer = api.post("/deals", {"account": demo_deal.account_id, "name": "z", "competitors": [name]})
    assert row_counts() == before
    message = f"competitors.0 不能含有{zh}：工作簿把竞争对手列在一个单元格里，并以它分隔。"
    assert status == 422 and answer["problems"] == [{"path": "competitors.0", "message": message}]
    from dealmap.web.accounts.services import person_create

    person = person_create(account=demo_deal.account, name="新人", layer="execution", department="user")
    before = row_counts()
    affinity = [{"competitor": name, "strength": 1}]
    body = {"deal": demo_deal.pk, "person": person.pk, "buying_role": "user", "competitor_affinity": affinity}
    status, answer = api.post("/parts", body)
    path = "competitor_affinity.0.competitor"
    assert status == 422 and answer["problems"] == [
        {"path": path, "message": message.replace("competitors.0", path)}
    ]
    assert row_counts() == before


def test_a_service_refusal_names_its_field_in_the_callers_language(api_as, rep, demo_deal, row_counts):
    """Refusals the schema cannot foresee (a manager, a key, a part) say where and why, in Chinese
    by default, instead of an English sentence at an empty path or Django's generic uniqueness."""
    from dealmap.web.accounts.services import person_create

    api = api_as(rep)
    p1, p2 = person_of(demo_deal, "p1"), person_of(demo_deal, "p2")
    before = row_counts()
    answers = [
        api.patch(f"/people/{p1.pk}", {"version": p1.version, "reports_to": p1.pk}),
        api.post(
            "/people",
            {
                "account": demo_deal.account_id,
                "name": "x",
                "layer": "decision",
                "department": "other",
                "key": "p1",
            },
        ),
        api.post("/parts", {"deal": demo_deal.pk, "person": p1.pk, "buying_role": "user"}),
    ]
    assert row_counts() == before
    outsider = person_create(account=demo_deal.account, name="外人", layer="execution", department="user")
    before = row_counts()
    answers += [
        api.post(
            "/assessments", {"deal": demo_deal.pk, "person": outsider.pk, "date": "2026-11-20", "level": 1}
        ),
        api.post(
            "/interactions",
            {"deal": demo_deal.pk, "date": "2026-11-20", "participants": [p2.pk, outsider.pk]},
        ),
    ]
    assert [(status, body["problems"]) for status, body in answers] == [
        (409, [{"path": "reports_to", "message": "上级必须是同一客户的另一个人。"}]),
        (409, [{"path": "key", "message": "这个客户已有另一个人使用编号“p1”。"}]),
        (409, [{"path": "person", "message": f"{p1.name} 已经在这个商机中了。"}]),
        (409, [{"path": "person", "message": "外人 不在这个商机的采购小组中：请先把此人加入采购小组。"}]),
        (
            409,
            [
                {
                    "path": "participants.1",
                    "message": "外人 不在这个商机的采购小组中：请先把此人加入采购小组。",
                }
            ],
        ),
    ]
    assert row_counts() == before


def test_an_editor_the_account_is_shared_with_is_told_what_only_the_owner_may_do(
    api_as, rep, other_rep, demo_deal
):
    from dealmap.web.accounts.services import account_create, share_set

    share_set(account=demo_deal.account, user=other_rep, can_edit=True, by=rep)
    account_create(owner=rep, name="同名客户")
    api = api_as(other_rep)
    status, body = api.post(f"/accounts/{demo_deal.account_id}/shares", {"username": "manager"})
    assert (status, body["detail"]) == (403, "只有客户的负责人或管理员才能删除或共享它。")
    assert api.call("DELETE", f"/accounts/{demo_deal.account_id}")[1]["detail"] == body["detail"]
    status, body = api.patch(f"/accounts/{demo_deal.account_id}", {"version": 1, "name": "同名客户"})
    assert (status, body["problems"]) == (
        409,
        [{"path": "name", "message": "这个客户的负责人 rep 已经有一个名为“同名客户”的客户，请换一个名称。"}],
    )
    # With a stale version the answer is the stale version's, whatever the name: an editor
    # cannot learn, without saving, which names the owner's other accounts use.
    api.patch(f"/accounts/{demo_deal.account_id}", {"version": 1, "notes": "moved on"})
    for name in ("同名客户", "没有这个客户"):
        status, body = api.patch(f"/accounts/{demo_deal.account_id}", {"version": 1, "name": name})
        assert (status, [p["path"] for p in body["problems"]]) == (409, ["version"])


def test_invisible_characters_at_a_names_ends_are_dropped_like_spaces(api_as, rep, demo_deal):
    """ "同名客户\u200b" looks like "同名客户": kept, it slipped past the one-name rules."""
    api = api_as(rep)
    assert api.post("/accounts", {"name": "同名客户"})[0] == 201
    status, body = api.post("/accounts", {"name": "\u200b同名客户\u200b\u2060"})
    assert (status, body["problems"][0]["path"]) == (409, "name")
    status, body = api.post(
        "/deals", {"account": demo_deal.account_id, "name": "z\ufeff", "competitors": ["甲", "\u200b甲"]}
    )
    assert status == 422 and body["problems"] == [
        {"path": "competitors", "message": "competitors 中“甲”重复出现。"}
    ]
    status, person = api.patch(
        f"/people/{person_of(demo_deal).pk}",
        {"version": 1, "name": "\u200e陈建国\u200f", "title": "\u200b总经理 "},
    )
    assert (status, person["name"], person["title"]) == (200, "陈建国", "总经理")


def test_an_object_read_or_changed_carries_its_version_as_etag(api_as, rep, demo_deal):
    api, person = api_as(rep), person_of(demo_deal)
    response = api.client.get(f"/api/people/{person.pk}", headers=api.headers)
    assert response["ETag"] == '"v1"'
    response = api.client.patch(
        f"/api/people/{person.pk}", '{"version": 1, "title": "x"}', "application/json", headers=api.headers
    )
    assert response["ETag"] == '"v2"'
    for path in (f"/api/deals/{demo_deal.pk}", f"/api/accounts/{demo_deal.account_id}"):
        assert api.client.get(path, headers=api.headers)["ETag"] == '"v1"'


def test_a_delete_with_a_stale_if_match_is_refused_and_deletes_nothing(api_as, rep, demo_deal, row_counts):
    api = api_as(rep)
    part = demo_deal.parts.first()
    before = row_counts()
    assert api.call("DELETE", f"/parts/{part.pk}", **{"If-Match": '"v99"'})[0] == 412
    assert api.call("DELETE", f"/deals/{demo_deal.pk}", **{"If-Match": '"v2"'})[0] == 412
    assert row_counts() == before
    assert api.call("DELETE", f"/parts/{part.pk}", **{"If-Match": '"v1"'})[0] == 204


def test_a_parts_competitor_leanings_are_changed_by_patch(api_as, rep, demo_deal):
    """GET gives ``competitor_affinity``; PATCH ignored it, so a read-modify-write lost the edit."""
    api, part = api_as(rep), demo_deal.parts.first()
    leanings = [{"competitor": "恒远软件", "strength": 3}]
    status, body = api.patch(f"/parts/{part.pk}", {"version": 1, "competitor_affinity": leanings})
    assert (status, body["competitor_affinity"], body["version"]) == (200, leanings, 2)
    assert api.get(f"/parts/{part.pk}")[1]["competitor_affinity"] == leanings


def test_a_pattern_or_an_empty_list_is_explained_not_shown(api_as, rep, demo_deal):
    api = api_as(rep)
    status, body = api.post(
        "/people",
        {
            "account": demo_deal.account_id,
            "name": "x",
            "layer": "decision",
            "department": "other",
            "key": "p 1",
        },
    )
    assert body["problems"] == [
        {"path": "key", "message": "key 只能包含字母 A–Z、a–z、数字以及“_”“.”“-”（1 到 64 个）。"}
    ]
    status, body = api.post("/deals", {"account": demo_deal.account_id, "name": "z", "currency": "rmb"})
    assert body["problems"] == [
        {"path": "currency", "message": "currency 必须是三个大写字母的货币代码，如 CNY。"}
    ]
    status, body = api.post("/interactions", {"deal": demo_deal.pk, "date": "2026-11-20", "participants": []})
    assert body["problems"] == [{"path": "participants", "message": "participants 不能为空。"}]


def test_a_method_a_path_does_not_take_answers_the_one_error_body(api_as, rep, demo_deal):
    api = api_as(rep)
    assessment = demo_deal.assessments.first()
    response = api.client.delete(f"/api/assessments/{assessment.pk}", headers=api.headers)
    assert response.status_code == 405 and response["Allow"] == "GET, HEAD"
    assert response.json() == {"detail": "这里不接受这种请求方法（可用：GET, HEAD）。", "problems": []}
    # HEAD on a path that takes only POST: the same JSON refusal, headers only.
    head = api.client.generic("HEAD", "/api/signals", headers=api.headers)
    assert (head.status_code, head["Allow"], head["Content-Type"]) == (405, "POST", "application/json")


def test_head_answers_as_get_without_a_body(api_as, rep, other_rep, demo_deal):
    api = api_as(rep)
    url = f"/api/accounts/{demo_deal.account_id}"
    got, head = (api.client.generic(m, url, headers=api.headers) for m in ("GET", "HEAD"))
    assert head.status_code == 200 and head.content == b""
    assert (head["ETag"], head["Content-Type"]) == (got["ETag"], got["Content-Type"])
    assert head["Content-Length"] == str(len(got.content))
    other = api_as(other_rep)
    assert other.client.generic("HEAD", url, headers=other.headers).status_code == 404


def test_an_unreadable_body_and_an_unknown_what_if_key_say_so_in_the_callers_language(api_as, rep, demo_deal):
    api = api_as(rep)
    response = api.client.post("/api/deals", "{bad json", "application/json", headers=api.headers)
    assert (response.status_code, response.json()["detail"]) == (400, "无法把请求内容读作 JSON。")
    status, body = api.post(f"/deals/{demo_deal.pk}/what-if", {"levels": {"zz": 1}})
    assert (status, body["problems"]) == (
        422,
        [{"path": "levels.zz", "message": "这个商机中没有编号为“zz”的人。"}],
    )


def test_an_unknown_research_question_is_named_by_its_key(api_as, rep, demo_deal):
    status, body = api_as(rep).patch(f"/deals/{demo_deal.pk}", {"version": 1, "research": {"bogus": "y"}})
    assert (status, body["problems"]) == (
        422,
        [{"path": "research.bogus", "message": "research.bogus 不是这个字段可用的键。"}],
    )


def test_a_person_id_of_another_account_is_not_found_at_its_field(api_as, rep, demo_deal):
    """404 as for a missing id (it reveals nothing), but naming which id was not found."""
    from dealmap.web.accounts.services import account_create, person_create

    elsewhere = person_create(
        account=account_create(owner=rep, name="别家"), name="外人", layer="execution", department="user"
    )
    api, p1 = api_as(rep), person_of(demo_deal)
    answers = {
        "target": api.post("/relations", {"source": p1.pk, "target": elsewhere.pk, "kind": "close"}),
        "reports_to": api.patch(f"/people/{p1.pk}", {"version": 1, "reports_to": elsewhere.pk}),
        "person": api.post("/parts", {"deal": demo_deal.pk, "person": elsewhere.pk, "buying_role": "user"}),
        "participants.1": api.post(
            "/interactions", {"deal": demo_deal.pk, "date": "2026-11-20", "participants": [p1.pk, 999999]}
        ),
    }
    for path, (status, body) in answers.items():
        assert (status, body["problems"]) == (
            404,
            [{"path": path, "message": "这个客户中没有这个 id 的人。"}],
        )


@pytest.mark.parametrize("body", ["null", "[]", '"x"', "3"])
def test_a_body_that_is_no_object_is_named_as_such(api_as, rep, body):
    """Not "account is required, name is required…" for a body that is not an object at all."""
    api = api_as(rep)
    response = api.client.post("/api/deals", body, "application/json", headers=api.headers)
    assert response.status_code == 422
    assert response.json()["problems"] == [{"path": "", "message": "请求内容必须是一个 JSON 对象（{…}）。"}]


def test_a_view_share_for_the_owners_team_manager_is_refused_as_changing_nothing(
    api_as, rep, manager, demo_deal
):
    from dealmap.web.accounts.models import AccountShare

    api = api_as(rep)
    status, body = api.post(f"/accounts/{demo_deal.account_id}/shares", {"username": "manager"})
    assert (status, body["problems"]) == (
        409,
        [{"path": "username", "message": "manager 是负责人所在团队的经理，已经可以查看这个客户。"}],
    )
    assert not AccountShare.objects.filter(account=demo_deal.account).exists()
    status, body = api.post(
        f"/accounts/{demo_deal.account_id}/shares", {"username": "manager", "can_edit": True}
    )
    assert status == 200 and body["can_edit"] is True


def test_a_second_deal_of_the_same_name_at_an_account_is_refused_at_name(api_as, rep, demo_deal):
    api = api_as(rep)
    status, body = api.post("/deals", {"account": demo_deal.account_id, "name": demo_deal.name})
    assert status == 409 and body["problems"][0]["path"] == "name"
    status, other = api.post("/deals", {"account": demo_deal.account_id, "name": "二期"})
    status, body = api.patch(f"/deals/{other['id']}", {"version": 1, "name": demo_deal.name})
    assert status == 409 and body["problems"][0]["path"] == "name"


def test_a_deal_file_into_an_account_with_a_deal_of_its_name_is_named_apart(
    api_as, rep, demo_deal, demo_file
):
    status, answer = api_as(rep).post(f"/deal-files?account={demo_deal.account_id}", demo_file)
    assert status == 201
    from dealmap.web.deals.models import Deal

    names = sorted(Deal.objects.filter(account=demo_deal.account).values_list("name", flat=True))
    assert names == [demo_deal.name, f"{demo_deal.name} (2)"]


def test_a_deal_file_with_an_assessment_dated_after_today_is_refused_at_its_date(
    api_as, rep, demo_file, row_counts
):
    """A stored future date made the deal's own workbook export impossible to import again."""
    before = row_counts()
    demo_file["assessments"][0]["date"] = "2099-01-01"
    status, answer = api_as(rep).post("/deal-files", demo_file)
    assert status == 422 and answer["problems"][0]["path"] == "assessments[0].date"
    assert row_counts() == before
