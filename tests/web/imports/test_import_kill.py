"""A process killed with SIGKILL in the middle of a large import leaves the database exactly as before.

Runs real processes against a file-based SQLite database (not pytest-django's test database).
"""

from __future__ import annotations

import io
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from openpyxl import Workbook

SETUP = """
import django, os
os.environ["DJANGO_SETTINGS_MODULE"] = "dealmap.web.settings"
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from dealmap.web.users.services import user_create
user_create(username="u", password="dealmap-test-pw")
"""

IMPORT = """
import django, os, sys
os.environ["DJANGO_SETTINGS_MODULE"] = "dealmap.web.settings"
django.setup()
from dealmap.interchange.xlsx import Source
from dealmap.web.imports.services import workbook_import
from dealmap.web.users.models import User

said = False
def progress(sheet, done, total):
    global said
    if sheet == "commit:people" and done >= 3000 and not said:
        said = True
        print("WRITING", flush=True)
workbook_import(source=Source(sys.argv[1]), owner=User.objects.get(username="u"), progress=progress)
print("DONE", flush=True)
"""


def people_book(count: int, account: str) -> bytes:
    book = Workbook(write_only=True)
    accounts = book.create_sheet("客户")
    accounts.append(["客户名称"])
    accounts.append([account])
    people = book.create_sheet("人员")
    people.append(["客户名称", "姓名", "职务", "层级", "部门"])
    for i in range(count):
        people.append([account, f"联系人{i:06d}", "工程师", "执行层", "技术部"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def snapshot(path) -> list[str]:
    with sqlite3.connect(path) as db:
        return [line for line in db.iterdump() if "django_session" not in line]


@pytest.fixture
def env(tmp_path):
    environ = dict(os.environ)
    environ["DATABASE_URL"] = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    environ["DEALMAP_DATA_DIR"] = str(tmp_path)
    subprocess.run([sys.executable, "-c", SETUP], env=environ, check=True, timeout=120)
    return environ


def run_import(env, path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", IMPORT, str(path)], env=env, capture_output=True, text=True, timeout=300
    )


def test_sigkill_mid_import_leaves_the_database_as_before(env, tmp_path):
    small = tmp_path / "small.xlsx"
    small.write_bytes(people_book(5, "已有客户"))
    assert "DONE" in run_import(env, small).stdout
    big = tmp_path / "big.xlsx"
    big.write_bytes(people_book(40_000, "新客户"))
    database = tmp_path / "db.sqlite3"
    before = snapshot(database)

    process = subprocess.Popen(
        [sys.executable, "-c", IMPORT, str(big)], env=env, stdout=subprocess.PIPE, text=True
    )
    line = process.stdout.readline()
    assert line.strip() == "WRITING", "the import reached its commit pass"
    time.sleep(0.2)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL

    after = snapshot(database)
    assert after == before
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM accounts_person").fetchone() == (5,)
