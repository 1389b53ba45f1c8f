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
    assert api.post(f"/deals/{demo_deal.pk}/what-if", {"levels": {"nobody": 4}})[0] == 404


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
        {"path": field, "message": f"{field} 过长:最多 10000 个字符。"}
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
