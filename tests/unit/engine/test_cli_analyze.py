"""`dealmap analyze`: readable report, JSON report, stdin, and exit 2 on a bad file."""

import json
import subprocess
import sys
from datetime import date
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dealmap.cli
from dealmap.cli import app, main, plain_analyze

DEMO = str(resources.files("dealmap.demo").joinpath("demo-deal.json"))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_json_report_of_the_demo(runner):
    result = runner.invoke(app, ["analyze", DEMO, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["format"] == "dealmap-report/1" and data["as_of"] == "2026-11-27"
    assert data["findings"][0]["severity"] == "critical"
    assert ("INF_NO_PATH", "p4") in {(f["code"], f["subject"]) for f in data["findings"]}


def test_as_of_option_moves_the_analysis_date(runner):
    result = runner.invoke(app, ["analyze", DEMO, "--json", "--as-of", "2027-03-01"])
    data = json.loads(result.stdout)
    assert data["as_of"] == "2027-03-01"
    assert "COV_SINGLE_THREAD" in {f["code"] for f in data["findings"]}


def test_readable_report_in_chinese_by_default_and_english_on_request(runner):
    zh = runner.invoke(app, ["analyze", DEMO])
    en = runner.invoke(app, ["analyze", DEMO, "--lang", "en"])
    assert zh.exit_code == en.exit_code == 0
    assert "发现的问题" in zh.stdout and "陈建国" in zh.stdout
    assert "Findings" in en.stdout and "Position score" in en.stdout


def test_reads_standard_input(runner):
    with open(DEMO, encoding="utf-8") as f:
        result = runner.invoke(app, ["analyze", "-", "--json"], input=f.read())
    assert result.exit_code == 0 and json.loads(result.stdout)["balance"] > 0


def test_bad_file_lists_every_problem_by_path_and_exits_2(runner, tmp_path):
    data = json.loads(Path(DEMO).read_text(encoding="utf-8"))
    data["stakeholders"][3]["level"] = 9
    data["assessments"][0]["level"] = 7
    data["interactions"][1]["stakeholders"] = ["ghost"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(bad), "--json", "--lang", "en"])
    assert result.exit_code == 2
    for path in ("stakeholders[3]", "assessments[0].level", "interactions[1].stakeholders[0]"):
        assert path in result.stderr
    assert result.stdout == ""


def test_not_json_exits_2(runner, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert runner.invoke(app, ["analyze", str(bad)]).exit_code == 2


@pytest.mark.parametrize("args", [["--lang", "fr"], ["--as-of", "27/11/2026"], ["--as-of", "2026-13-01"]])
def test_bad_options_exit_2(runner, args):
    assert runner.invoke(app, ["analyze", DEMO, *args]).exit_code == 2


def test_an_unknown_language_is_refused_in_the_default_language(tmp_path):
    """`analyze --lang fr` (and `signals --lang fr`) answered in English whatever the default."""
    import os

    dealmap = [str(Path(sys.executable).with_name("dealmap"))]  # the installed script
    for command in (["analyze", DEMO], ["signals", "他说不错"]):
        for lang, words in (
            ("zh", "'--lang' 的值不对：只能是 zh 或 en，不能是 'fr'。"),
            ("en", "must be zh or en, not 'fr'"),
        ):
            env = {**os.environ, "DEALMAP_LANG": lang}
            done = subprocess.run(
                [*dealmap, *command, "--lang", "fr"], capture_output=True, text=True, env=env
            )
            assert done.returncode == 2 and words in done.stderr, (command, lang, done.stderr)


# -- the plain `analyze` call that `dealmap.cli.main` runs without typer --------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["analyze", "f.json"], {"file": "f.json"}),
        (["analyze", "-", "--json"], {"file": "-", "as_json": True}),
        (
            ["analyze", "--lang", "en", "f.json", "--as-of=2026-11-27"],
            {"file": "f.json", "lang": "en", "as_of": "2026-11-27"},
        ),
        (["analyze", "f.json", "--lang="], {"file": "f.json", "lang": ""}),
    ],
)
def test_plain_analyze_call_is_parsed(args, expected):
    assert plain_analyze(args) == expected


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["signals", "f.json"],
        ["analyze"],
        ["analyze", "--help"],
        ["analyze", "f.json", "g.json"],
        ["analyze", "f.json", "--json", "--json"],
        ["analyze", "f.json", "--lang"],
        ["analyze", "f.json", "--as-of", "-1"],
        ["analyze", "f.json", "--lang", "en", "--lang", "zh"],
        ["analyze", "f.json", "--jsn"],
        ["analyze", "--", "f.json"],
    ],
)
def test_anything_else_is_left_to_typer(args):
    assert plain_analyze(args) is None


def _leave(analysed):
    raise SystemExit(0)


def test_main_prints_the_same_json_as_the_typer_command(runner, monkeypatch, capsysbinary):
    monkeypatch.setattr(sys, "argv", ["dealmap", "analyze", DEMO, "--json", "--as-of", "2027-03-01"])
    monkeypatch.setattr(dealmap.cli, "leave", _leave)  # main ends with os._exit
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == 0
    fast = capsysbinary.readouterr().out
    typed = runner.invoke(app, ["analyze", DEMO, "--json", "--as-of", "2027-03-01"]).stdout_bytes
    assert fast == typed and json.loads(fast)["as_of"] == "2027-03-01"


def test_main_exits_2_with_every_problem_on_a_bad_file(monkeypatch, capsys, tmp_path):
    data = json.loads(Path(DEMO).read_text(encoding="utf-8"))
    data["assessments"][0]["level"] = 7
    data["interactions"][1]["stakeholders"] = ["ghost"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["dealmap", "analyze", str(bad), "--json", "--lang", "en"])
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == 2
    out, err = capsys.readouterr()
    assert out == "" and "assessments[0].level" in err and "interactions[1].stakeholders[0]" in err


def test_the_command_in_its_own_process_writes_everything_before_it_exits(runner):
    # main() ends with os._exit: the whole report must be flushed first.
    command = [sys.executable, "-c", "from dealmap.cli import main; main()", "analyze", DEMO, "--json"]
    done = subprocess.run(command, capture_output=True, check=False)
    assert done.returncode == 0 and done.stderr == b""
    assert done.stdout == runner.invoke(app, ["analyze", DEMO, "--json"]).stdout_bytes


def test_an_analysis_date_at_the_start_of_the_calendar_is_analysed_not_crashed():
    """A window of 'the last N days' before 0001-01-01 once raised OverflowError."""
    import dataclasses

    from dealmap.engine import analyze
    from dealmap.interchange.dealfile import loads_deal
    from dealmap.interchange.deck import score_history

    text = (Path(__file__).resolve().parents[3] / "src/dealmap/demo/demo-deal.json").read_text("utf-8")
    deal = loads_deal(text)
    early = dataclasses.replace(deal, as_of=date(1, 1, 2))
    report = analyze(early, as_of=date(1, 1, 2))
    assert report.as_of == date(1, 1, 2)
    assert score_history(early, report)[-1] == (date(1, 1, 2), report.score.value)


def _demo_with(tmp_path, change) -> str:
    data = json.loads(Path(DEMO).read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "deal.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_square_brackets_in_names_print_as_written_not_as_markup(runner, tmp_path, lang):
    """rich read "王[/]五" as a closing tag (a crash) and "[bold]" as styling (text lost)."""

    def change(data):
        data["account"]["name"] = "华东[bold]精密"
        data["stakeholders"][0]["name"] = "王[/]五"
        data["stakeholders"][1]["title"] = "采购经理[tbd]"

    result = runner.invoke(app, ["analyze", _demo_with(tmp_path, change), "--lang", lang])
    assert result.exit_code == 0, result.output
    out = result.stdout.replace("\n", " ")
    assert "华东[bold]精密" in out and "王[/]五" in out and "[tbd]" in out


def test_a_department_gap_names_the_department_even_when_a_person_has_its_code_as_id(runner, tmp_path):
    data = json.loads(Path(DEMO).read_text(encoding="utf-8"))
    for p in data["stakeholders"]:
        if p["department"] == "finance":
            p["department"] = "other"
    first = data["stakeholders"][0]["id"]
    text = json.dumps(data, ensure_ascii=False).replace(f'"{first}"', '"finance"')
    path = tmp_path / "deal.json"
    path.write_text(text, encoding="utf-8")
    report = json.loads(runner.invoke(app, ["analyze", str(path), "--json"]).stdout)
    assert ("COV_DEPARTMENT_GAP", "finance") in {(f["code"], f["subject"]) for f in report["findings"]}
    result = runner.invoke(app, ["analyze", str(path), "--lang", "en"])
    gap = next(line for line in result.stdout.splitlines() if "Nobody from Finance" in line)
    assert "│ Finance " in gap
