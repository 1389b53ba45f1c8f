"""A deal file holding a lone surrogate ("\\ud800" in JSON) is refused at that path, everywhere it comes in.

It is no character: no page can show it and no database can store it. `dealmap import-deal`, the
web import and the API each list it by JSON path, as any other problem, and store nothing.
"""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from typer.testing import CliRunner

from dealmap.cli import app

pytestmark = pytest.mark.django_db

PASSWORD = "dealmap-test-pw"
TOKEN = "0123456789abcdef0123456789abcdef"
ZH = "stakeholders[2].title: 不是有效的文本：含有落单的 UTF-16 代理项 \\udc00（它不是字符，无法显示或保存）"
EN = "stakeholders[2].title: is not valid text: holds a lone UTF-16 surrogate \\udc00 (no character; cannot be shown or stored)"


@pytest.fixture
def text(demo_file) -> str:
    """The demo deal file with a lone low surrogate in a title, as JSON writes it: `\\udc00`."""
    demo_file["stakeholders"][2]["title"] = "总监\udc00"
    written = json.dumps(demo_file)
    assert "\\udc00" in written
    return written


def test_import_deal_lists_it_by_path_and_stores_nothing(rep, tmp_path, text, row_counts):
    before = row_counts()
    path = tmp_path / "deal.json"
    path.write_text(text, encoding="ascii")
    zh = CliRunner().invoke(app, ["import-deal", str(path)])
    en = CliRunner().invoke(app, ["import-deal", "-", "--lang", "en"], input=text)
    assert (zh.exit_code, zh.stdout, zh.stderr) == (2, "", ZH + "\n")
    assert (en.exit_code, en.stdout, en.stderr) == (2, "", EN + "\n")
    assert row_counts() == before


def test_the_web_import_lists_it_by_path_and_keeps_nothing(client, rep, tmp_path, text, row_counts):
    before = row_counts()
    assert client.login(username=rep.username, password=PASSWORD)
    upload = SimpleUploadedFile("deal.json", text.encode("ascii"), content_type="application/json")
    with override_settings(DATA_DIR=tmp_path):
        response = client.post(reverse("imports:preview"), {"token": TOKEN, "file": upload})
        assert response.status_code == 422
        page = response.content.decode()
        assert "stakeholders[2].title" in page and "\\udc00" in page and "不是有效的文本" in page
        assert client.post(reverse("imports:commit"), {"token": TOKEN}).status_code == 400  # nothing kept
    assert row_counts() == before


def test_the_api_lists_it_by_path_and_stores_nothing(rep, text, row_counts):
    from dealmap.web.security.tokens import token_create

    before = row_counts()
    _, raw = token_create(user=rep)
    response = Client().post(
        "/api/deal-files", text, content_type="application/json", headers={"Authorization": f"Bearer {raw}"}
    )
    assert response.status_code == 422
    problems = response.json()["problems"]
    assert [p["path"] for p in problems] == ["stakeholders[2].title"]
    assert row_counts() == before
