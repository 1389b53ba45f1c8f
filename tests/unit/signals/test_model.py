"""The stored model: weights kept as integer thousandths read back as the same scores."""

from __future__ import annotations

import json

import pytest

from dealmap.signals import model as m
from dealmap.signals.features import features


def _tiny_model() -> m.LinearModel:
    weights = {"bias": [0.0] * m.SIZE, "w:budget": [0.0] * m.SIZE, "w:noise": [0.004] * m.SIZE}
    weights["bias"][m.level_index(None)] = 0.12345
    weights["w:budget"][m.department_index("finance")] = 2.71828
    weights["w:budget"][m.level_index(-1)] = -1.41421
    return m.LinearModel(weights)


def test_weights_are_stored_as_integer_thousandths_and_read_back(tmp_path):
    path = tmp_path / "model.json"
    m.dump(_tiny_model(), path, meta={"format": "test"})
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["scale"] == m.STORED_SCALE == 1000
    assert data["weights"]["w:budget"][m.department_index("finance")] == 2718
    assert all(isinstance(w, int) for vec in data["weights"].values() for w in vec)
    # A feature whose every weight rounds below 0.01 is not worth its bytes.
    assert "w:noise" not in data["weights"]

    stored = m.load.__wrapped__(path)
    feats = {"bias": 1.0, "w:budget": 0.3}
    fresh = _tiny_model().raw(feats)
    assert all(abs(a - b) < 1e-3 for a, b in zip(stored.raw(feats), fresh, strict=True))
    share, name = stored.contributions(feats, m.department_index("finance"))[0]
    assert (share, name) == (pytest.approx(0.3 * 2.718), "w:budget")


def test_a_stored_model_can_be_stored_again_unchanged(tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    m.dump(_tiny_model(), first, meta={})
    m.dump(m.load.__wrapped__(first), second, meta={})
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")


def test_the_shipped_model_is_in_the_current_format_and_reads_a_note():
    from dealmap.signals import train

    stored = json.loads(m.MODEL_PATH.read_text(encoding="utf-8"))
    assert (stored["format"], stored["scale"]) == (train.FORMAT, m.STORED_SCALE)
    assert m.load().scale == m.STORED_SCALE
    feats = features("采购说价格太高,今年没预算")
    # Read at the stored scale the logits stay moderate; read as raw integers they would be thousands.
    assert max(abs(z) for z in m.load().raw(feats)) < 50
    assert m.load().scores(feats).departments["purchasing"] > 0.5
