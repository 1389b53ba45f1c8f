"""`dealmap signals`: readable output, --json, --jsonl batches in order, clear errors."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from dealmap.cli import app

runner = CliRunner()


def test_text_prints_chinese_labels_by_default():
    result = runner.invoke(app, ["signals", "他说你们来得太晚了,已经定了"])
    assert result.exit_code == 0
    assert "毫无兴趣" in result.output
    assert "来得太晚" in result.output


def test_lang_en_prints_english_labels():
    result = runner.invoke(
        app, ["signals", "The buyer said we're the only vendor he will accept.", "--lang", "en"]
    )
    assert result.exit_code == 0
    assert "fully committed" in result.output


def test_json_prints_the_contract_object():
    result = runner.invoke(app, ["signals", "会议定在周三下午", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["attitude"] == {"level": None, "confidence": 0.0, "cues": []}


def test_jsonl_writes_one_object_per_line_in_input_order(tmp_path):
    lines = ["他说你们来得太晚了,已经定了", "", "He leaked our quote to the competitor.", "他说只认你们家"]
    source = tmp_path / "notes.txt"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["signals", "--jsonl", str(source)])
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.output.splitlines()]
    assert [o["attitude"]["level"] for o in out] == [-1, None, -3, 4]
    assert out[1]["personal_need"]["type"] is None and out[1]["signals"] == []


def test_jsonl_reads_standard_input():
    result = runner.invoke(app, ["signals", "--jsonl", "-"], input="没兴趣\nvery interested in a demo\n")
    assert result.exit_code == 0
    assert len(result.output.splitlines()) == 2


def test_jsonl_splits_at_line_feeds_only_so_answers_match_input_lines():
    text = "a\x0cb\n他说\u2028还不错\r\nlast line without a newline"
    result = runner.invoke(app, ["signals", "--jsonl", "-"], input=text)
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.output.split("\n") if line]
    assert len(out) == 3  # str.splitlines made five of them


def test_no_text_and_no_jsonl_is_an_error():
    result = runner.invoke(app, ["signals"])
    assert result.exit_code == 2
    assert "TEXT" in result.output


def test_unreadable_file_is_an_error_in_the_chosen_language(tmp_path):
    missing = str(tmp_path / "missing.txt")
    result = runner.invoke(app, ["signals", "--jsonl", missing])
    assert result.exit_code == 2
    assert "无法读取" in result.output
    result = runner.invoke(app, ["signals", "--jsonl", missing, "--lang", "en"])
    assert result.exit_code == 2
    assert "cannot read" in result.output


def test_unknown_lang_is_an_error():
    assert runner.invoke(app, ["signals", "hello", "--lang", "fr"]).exit_code == 2


def test_text_and_jsonl_together_is_an_error(tmp_path):
    assert runner.invoke(app, ["signals", "hi", "--jsonl", "-"]).exit_code == 2


def test_cues_sit_in_brackets_apart_from_the_label_in_each_language():
    """English printed "Finance(cfo, budget)"; Chinese used half-width brackets and "; "."""
    from typer.testing import CliRunner

    from dealmap.cli import app

    en = CliRunner().invoke(app, ["signals", "the CFO said budget is tight", "--lang", "en"]).stdout
    assert "Finance (cfo, budget)" in en
    zh = CliRunner().invoke(app, ["signals", "采购部李经理说价格太高,财务也卡预算"]).stdout
    assert "采购部（采购、价格）；财务部（财务、预算）" in zh
