"""A new user's first command on an empty database migrates it itself: no schema error, ever."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def dealmap(*args: str, database: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": database}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "-c", "from dealmap.cli import main; main()", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_demo_then_export_on_a_brand_new_sqlite_file(tmp_path):
    database = f"sqlite:///{tmp_path / 'new' / 'dealmap.sqlite3'}"
    demo = dealmap("demo", database=database)
    assert demo.returncode == 0, demo.stderr
    assert "rep / dealmap" in demo.stdout
    exported = dealmap("export-deal", "1", database=database)
    assert exported.returncode == 0, exported.stderr
    assert json.loads(exported.stdout)["opportunity"]["name"] == "MES 生产执行系统升级"


def test_import_of_an_incomplete_file_on_a_new_database_lists_the_problems(tmp_path):
    database = f"sqlite:///{tmp_path / 'dealmap.sqlite3'}"
    result = dealmap("import-deal", "-", "--lang", "en", database=database, stdin='{"format": "dealmap/1"}')
    assert result.returncode == 2
    assert "account" in result.stderr
