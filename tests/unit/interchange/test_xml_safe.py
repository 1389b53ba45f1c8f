"""Characters an XML file cannot hold are left out of exports instead of failing them."""

from __future__ import annotations

import io
import json
from importlib import resources

from openpyxl import load_workbook
from pptx import Presentation

from dealmap.engine import analyze
from dealmap.interchange.dealfile import loads_deal
from dealmap.interchange.deck import build_deck
from dealmap.interchange.xlsx import write_workbook
from dealmap.interchange.xmltext import xml_safe


def deal_with_control_characters():
    data = json.loads(resources.files("dealmap.demo").joinpath("demo-deal.json").read_text("utf-8"))
    data["account"]["name"] = "Ctrl\x07Char\x00Co"
    data["stakeholders"][0]["name"] = "陈\x0b建国"
    data["interactions"][0]["summary"] = "a\x1fb\tc"
    return loads_deal(json.dumps(data))


def test_xml_safe_keeps_tab_newline_and_text_and_drops_the_rest():
    assert xml_safe("a\tb\nc\rd\x00e\x07f\x1f\ud800g\uffff") == "a\tb\nc\rdefg"


def test_a_workbook_and_a_deck_of_such_a_deal_are_written_without_them():
    deal = deal_with_control_characters()
    book = load_workbook(io.BytesIO(write_workbook([deal], lang="en")))
    cells = {cell.value for ws in book.worksheets for row in ws.iter_rows() for cell in row}
    assert "CtrlCharCo" in cells and "陈建国" in cells and "ab\tc" in cells
    deck = Presentation(io.BytesIO(build_deck(deal, analyze(deal, as_of=deal.as_of), lang="zh")))
    assert "CtrlCharCo" in deck.core_properties.title
