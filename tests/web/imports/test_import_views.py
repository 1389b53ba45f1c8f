"""The import pages and export downloads: preview then commit, 400/422 for bad input, 404 for others' deals."""

from __future__ import annotations

import io
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from openpyxl import Workbook

from dealmap.web.accounts.models import Person

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("upload_dir"),
]

PASSWORD = "dealmap-test-pw"
TOKEN = "0123456789abcdef0123456789abcdef"


@pytest.fixture
def upload_dir(tmp_path):
    with override_settings(DATA_DIR=tmp_path):
        yield


@pytest.fixture
def user_client(client, rep):
    assert client.login(username=rep.username, password=PASSWORD)
    return client


def people_file(rows) -> SimpleUploadedFile:
    book = Workbook()
    book.active.title = "客户"
    book.active.append(["客户名称"])
    book.active.append(["华东精密"])
    ws = book.create_sheet("联系人")
    ws.append(["客户名称", "姓名", "层级", "部门"])
    for row in rows:
        ws.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile("people.xlsx", out.getvalue())


def test_upload_page_offers_the_templates(user_client):
    response = user_client.get(reverse("imports:upload"))
    assert response.status_code == 200
    assert reverse("imports:template") in response.content.decode()


def test_preview_then_commit_stores_the_file(user_client, row_counts):
    before = row_counts()
    upload = people_file([("华东精密", "张伟", "管理层", "采购部"), ("华东精密", "王芳", "执行层", "技术部")])
    response = user_client.post(reverse("imports:preview"), {"token": TOKEN, "file": upload})
    assert response.status_code == 200
    assert response.content.decode().count("data-count") == 2
    assert row_counts() == before
    progress = user_client.get(reverse("imports:progress", args=[TOKEN])).json()
    assert progress["phase"] == "check" and progress["done"] == progress["total"]
    response = user_client.post(reverse("imports:commit"), {"token": TOKEN})
    assert response.status_code == 200
    assert sorted(Person.objects.values_list("name", flat=True)) == ["张伟", "王芳"]


def test_row_problems_answer_422_with_every_problem_and_store_nothing(user_client, row_counts):
    before = row_counts()
    upload = people_file([("华东精密", "张伟", "中层", "采购部"), ("华东精密", "", "执行层", "技术部")])
    response = user_client.post(reverse("imports:preview"), {"token": TOKEN, "file": upload})
    assert response.status_code == 422
    page = response.content.decode()
    assert page.count("data-issue") == 2 and "层级" in page
    assert row_counts() == before
    assert user_client.post(reverse("imports:commit"), {"token": TOKEN}).status_code == 400


def test_a_file_that_is_not_a_workbook_answers_400(user_client):
    upload = SimpleUploadedFile("photo.xlsx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    response = user_client.post(reverse("imports:preview"), {"token": TOKEN, "file": upload})
    assert response.status_code == 400 and "data-rejected" in response.content.decode()


def test_template_download_is_an_xlsx(user_client):
    response = user_client.get(reverse("imports:template") + "?lang=en")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"PK\x03\x04")


@pytest.mark.parametrize("fmt", ["xlsx", "pptx", "json"])
def test_owner_downloads_the_deal_in_each_format(client, demo_deal, fmt):
    assert client.login(username="rep", password=PASSWORD)
    response = client.get(reverse("imports:deal_export", args=[demo_deal.pk, fmt]))
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    if fmt == "json":
        assert json.loads(body)["format"] == "dealmap/1"
    else:
        assert body.startswith(b"PK\x03\x04")


def test_the_deal_page_offers_each_export_and_each_link_answers(client, demo_deal):
    assert client.login(username="rep", password=PASSWORD)
    page = client.get(reverse("deals:detail", args=[demo_deal.pk])).content.decode()
    for fmt in ("xlsx", "pptx", "json"):
        href = reverse("imports:deal_export", args=[demo_deal.pk, fmt])
        assert f'href="{href}' in page
        assert client.get(href).status_code == 200


def test_another_reps_deal_is_404_like_a_missing_one(client, demo_deal, other_rep):
    assert client.login(username=other_rep.username, password=PASSWORD)
    assert client.get(reverse("imports:deal_export", args=[demo_deal.pk, "xlsx"])).status_code == 404
    assert client.get(reverse("imports:deal_export", args=[999_999, "xlsx"])).status_code == 404


def test_an_unknown_export_format_is_404(client, demo_deal):
    assert client.login(username="rep", password=PASSWORD)
    assert client.get(reverse("imports:deal_export", args=[demo_deal.pk, "exe"])).status_code == 404


def test_progress_belongs_to_the_uploader_and_is_404_for_anyone_else(user_client, other_rep):
    from django.test import Client

    upload = people_file([("华东精密", "张伟", "管理层", "采购部")])
    assert user_client.post(reverse("imports:preview"), {"token": TOKEN, "file": upload}).status_code == 200
    url = reverse("imports:progress", args=[TOKEN])
    assert user_client.get(url).status_code == 200
    other = Client()
    assert other.login(username=other_rep.username, password=PASSWORD)
    response = other.get(url)
    assert response.status_code == 404
    assert user_client.get(reverse("imports:progress", args=["f" * 32])).status_code == 404


def test_the_commit_records_the_uploaded_files_name(user_client):
    from dealmap.web.audit.models import AuditEntry

    upload = people_file([("华东精密", "张伟", "管理层", "采购部")])
    user_client.post(reverse("imports:preview"), {"token": TOKEN, "file": upload})
    assert user_client.post(reverse("imports:commit"), {"token": TOKEN}).status_code == 200
    assert AuditEntry.objects.get(action="import").after["file"] == "people.xlsx"


def test_a_preview_deletes_uploads_abandoned_for_more_than_a_day(user_client, settings, monkeypatch):
    import os
    from datetime import UTC, datetime, timedelta

    from dealmap.web.core import clock

    folder = settings.DATA_DIR / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    now = datetime(2027, 3, 1, 12, 0, tzinfo=UTC)
    monkeypatch.setattr(clock, "now", lambda: now)
    ages = {"old": timedelta(days=1, minutes=1), "young": timedelta(hours=23, minutes=59)}
    for name, age in ages.items():
        for path in (folder / f"9-{name}", folder / f"9-{name}.name"):
            path.write_bytes(b"x")
            stamp = (now - age).timestamp()
            os.utime(path, (stamp, stamp))
    upload = people_file([("华东精密", "张伟", "管理层", "采购部")])
    assert user_client.post(reverse("imports:preview"), {"token": TOKEN, "file": upload}).status_code == 200
    left = sorted(p.name for p in folder.iterdir())
    assert "9-old" not in left and "9-old.name" not in left
    assert {"9-young", "9-young.name"} <= set(left)
    assert any(name.endswith(TOKEN) for name in left)  # the new preview's own file stays


def deal_upload(data, name="deal.json") -> SimpleUploadedFile:
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="application/json")


def test_a_deal_file_is_previewed_then_stored_as_a_new_deal(user_client, rep, demo_file, row_counts):
    """The deal page's "Deal file" download comes back in through the same import page."""
    from dealmap.web.audit.models import AuditEntry
    from dealmap.web.deals.models import Assessment, Deal

    before = row_counts()
    response = user_client.post(reverse("imports:preview"), {"token": TOKEN, "file": deal_upload(demo_file)})
    assert response.status_code == 200
    page = response.content.decode()
    assert demo_file["opportunity"]["name"] in page and demo_file["account"]["name"] in page
    assert f">{len(demo_file['stakeholders'])}<" in page
    assert row_counts() == before  # a preview stores nothing
    response = user_client.post(reverse("imports:commit"), {"token": TOKEN})
    assert response.status_code == 200
    deal = Deal.objects.get()
    assert deal.name == demo_file["opportunity"]["name"] and deal.account.owner == rep
    assert deal.account.people.count() == len(demo_file["stakeholders"])
    assert Assessment.objects.filter(deal=deal).count() == len(demo_file["assessments"])
    assert reverse("deals:detail", args=[deal.pk]) in response.content.decode()
    assert AuditEntry.objects.filter(action="import", object_type="deal", object_id=deal.pk).exists()
    assert user_client.post(reverse("imports:commit"), {"token": TOKEN}).status_code == 400  # used up


def test_a_bad_deal_file_lists_every_problem_by_json_path_and_keeps_nothing(
    user_client, demo_file, row_counts
):
    before = row_counts()
    demo_file["opportunity"]["amount"] = "lots"
    demo_file["stakeholders"][0]["name"] = ""
    response = user_client.post(reverse("imports:preview"), {"token": TOKEN, "file": deal_upload(demo_file)})
    assert response.status_code == 422
    page = response.content.decode()
    assert page.count("data-issue") == 2
    assert "opportunity.amount" in page and "stakeholders[0].name" in page
    assert row_counts() == before
    assert user_client.post(reverse("imports:commit"), {"token": TOKEN}).status_code == 400


def test_a_deal_file_problem_about_a_person_names_them(user_client, demo_file):
    """``stakeholders[5]`` is the sixth person: a seller counts from one and knows them by name."""
    demo_file["stakeholders"][5]["layer"] = "boss"
    demo_file["stakeholders"][2]["name"] = "\u200b"
    response = user_client.post(reverse("imports:preview"), {"token": TOKEN, "file": deal_upload(demo_file)})
    who = re.findall(r"<td data-who>(.*?)</td>", response.content.decode())
    sixth = demo_file["stakeholders"][5]
    assert sorted(who) == sorted(
        [f"<bdi>{sixth['id']} {sixth['name']}</bdi>", f"<bdi>{demo_file['stakeholders'][2]['id']}</bdi>"]
    )


def test_a_broken_deal_file_says_where_in_the_readers_language(user_client, row_counts):
    before = row_counts()
    broken = deal_upload('{"format": "dealmap/1",\n  "account": }')
    response = user_client.post(reverse("imports:preview"), {"token": TOKEN, "file": broken})
    assert response.status_code == 422
    assert "第 2 行第 14 列：不是有效的 JSON" in response.content.decode()
    user_client.post(reverse("set_language"), {"language": "en"})
    broken = deal_upload('{"format": "dealmap/1",\n  "account": }')
    response = user_client.post(reverse("imports:preview"), {"token": TOKEN, "file": broken})
    assert "line 2, column 14: not valid JSON" in response.content.decode()
    assert row_counts() == before


def test_what_the_database_cannot_hold_is_found_at_the_preview(user_client, demo_file, row_counts):
    before = row_counts()
    demo_file["stakeholders"][0]["name"] = "名" * 1000
    response = user_client.post(reverse("imports:preview"), {"token": TOKEN, "file": deal_upload(demo_file)})
    assert response.status_code == 422
    assert "stakeholders[0].name" in response.content.decode()
    assert row_counts() == before


def test_another_user_cannot_commit_someone_elses_deal_file(user_client, demo_file, other_rep):
    from django.test import Client

    from dealmap.web.deals.models import Deal

    response = user_client.post(reverse("imports:preview"), {"token": TOKEN, "file": deal_upload(demo_file)})
    assert response.status_code == 200
    stranger = Client()
    assert stranger.login(username=other_rep.username, password=PASSWORD)
    assert stranger.post(reverse("imports:commit"), {"token": TOKEN}).status_code == 400
    assert not Deal.objects.exists()
    assert user_client.post(reverse("imports:commit"), {"token": TOKEN}).status_code == 200


def count_rows(page: str) -> dict[str, tuple[int, int, int]]:
    """The result page's counts table: sheet → (create, update, unchanged)."""
    import re

    found = re.findall(
        r"<tr data-count><td>([^<]*)</td><td[^>]*>(\d+)</td><td[^>]*>(\d+)</td><td[^>]*>(\d+)</td></tr>", page
    )
    return {sheet: (int(c), int(u), int(n)) for sheet, c, u, n in found}


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_reimporting_an_export_previews_no_update_and_says_nothing_changes(client, demo_deal, language):
    from dealmap.web.imports.exports import workbook_bytes

    assert client.login(username="rep", password=PASSWORD)
    client.cookies["django_language"] = language
    lang = "en" if language == "en" else "zh"
    upload = SimpleUploadedFile("deal.xlsx", workbook_bytes([demo_deal], lang=lang))
    response = client.post(reverse("imports:preview"), {"token": TOKEN, "file": upload})
    assert response.status_code == 200
    page = response.content.decode()
    people = "People" if lang == "en" else "联系人"
    assert count_rows(page)[people] == (0, 0, 7)
    assert all(created == updated == 0 for created, updated, _ in count_rows(page).values())
    assert "data-no-change" in page
    assert ("Unchanged" if lang == "en" else "无变化") in page
    assert reverse("imports:commit") not in page  # nothing to import: no "Import now" to press
    response = client.post(reverse("imports:commit"), {"token": TOKEN})
    assert response.status_code == 200 and "data-no-change" in response.content.decode()
    assert count_rows(response.content.decode())[people] == (0, 0, 7)


def test_a_preview_with_a_change_counts_it_as_an_update_and_the_rest_unchanged(user_client, rep):
    from dealmap.web.accounts.models import Account

    account = Account.objects.create(owner=rep, name="华东精密")
    Person.objects.create(account=account, key="p1", name="张伟", layer="management", department="purchasing")
    Person.objects.create(account=account, key="p2", name="王芳", layer="execution", department="technical")
    upload = people_file([("华东精密", "张伟", "管理层", "采购部"), ("华东精密", "王芳", "管理层", "技术部")])
    response = user_client.post(reverse("imports:preview"), {"token": TOKEN, "file": upload})
    page = response.content.decode()
    assert count_rows(page) == {"客户": (0, 0, 1), "联系人": (0, 1, 1)}
    assert "data-no-change" not in page and reverse("imports:commit") in page
