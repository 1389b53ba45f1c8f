"""A command's --lang defaults to DEALMAP_LANG (zh or en), else Chinese; --lang always wins.

Before, DEALMAP_LANG changed the help and the usage errors only, so `DEALMAP_LANG=en dealmap analyze`
printed English help around a Chinese report. Run in its own process, as the installed command runs.
"""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from dealmap.cli.langs import output_lang

DEMO = str(resources.files("dealmap.demo").joinpath("demo-deal.json"))
DEALMAP = str(Path(sys.executable).with_name("dealmap"))


def dealmap(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [DEALMAP, *args],
        capture_output=True,
        text=True,
        env={"PATH": "", "COLUMNS": "100", **env},
        check=False,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({}, "zh"),
        ({"DEALMAP_LANG": "en"}, "en"),
        ({"DEALMAP_LANG": "zh"}, "zh"),
        ({"DEALMAP_LANG": "fr"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "zh"),  # the locale picks the help's language, not the report's
    ],
)
def test_the_default_is_dealmap_lang_when_it_is_zh_or_en(environ, lang):
    assert output_lang(environ) == lang


@pytest.mark.parametrize("plain", [True, False], ids=["plain-path", "through-typer"])
def test_analyze_reports_in_dealmap_lang_unless_lang_is_given(plain):
    extra = () if plain else ("--as-of", "2026-11-01", "--as-of", "2026-11-27")  # repeated: typer parses it
    english = dealmap("analyze", DEMO, *extra, env={"DEALMAP_LANG": "en"})
    assert english.returncode == 0, english.stderr
    assert "Position score" in english.stdout and "态势分" not in english.stdout
    chinese = dealmap("analyze", DEMO, *extra, "--lang", "zh", env={"DEALMAP_LANG": "en"})
    assert "态势分" in chinese.stdout and "Position score" not in chinese.stdout
    default = dealmap("analyze", DEMO, *extra, env={})
    assert "态势分" in default.stdout


def test_signals_labels_follow_dealmap_lang():
    english = dealmap("signals", "他说你们来得太晚了,已经定了", env={"DEALMAP_LANG": "en"})
    chinese = dealmap("signals", "他说你们来得太晚了,已经定了", env={})
    assert english.returncode == chinese.returncode == 0, english.stderr + chinese.stderr
    assert english.stdout.startswith("Attitude: -1") and "Personal need: none" in english.stdout
    assert "Attitude" not in chinese.stdout and "-1" in chinese.stdout


def test_a_database_command_speaks_dealmap_lang_in_its_errors(tmp_path):
    env = {"DEALMAP_LANG": "en", "DEALMAP_DATA_DIR": str(tmp_path)}
    result = dealmap("import-deal", str(tmp_path / "missing.json"), env=env)
    assert result.returncode == 2
    assert "cannot read" in result.stderr and "无法读取" not in result.stderr


def test_json_output_is_the_same_whatever_the_language():
    en = dealmap("analyze", DEMO, "--json", env={"DEALMAP_LANG": "en"})
    zh = dealmap("analyze", DEMO, "--json", env={})
    assert json.loads(en.stdout)["findings"] and en.stdout == zh.stdout
