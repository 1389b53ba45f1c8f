"""The reader's accuracy on text it never trained on, against the issue's targets (a real measurement)."""

from __future__ import annotations

import pytest

from dealmap.signals import corpus
from dealmap.signals.baseline import read_baseline
from dealmap.signals.evaluate import BLIND, BLIND2, UNSEEN, measure

TARGETS = {
    "level_exact": 0.80,
    "level_within_one": 0.95,
    "level_group": 0.90,
    "need_macro_f1": 0.80,
    "department_macro_f1": 0.80,
}


@pytest.fixture(scope="module")
def heldout():
    rows = corpus.load(corpus.HELDOUT)
    return measure(rows), measure(rows, read_baseline)


#: Targets not met yet (docs/signals.md); strict, so meeting one later fails loudly until it is removed here.
HELDOUT_SHORT = {"level_within_one"}
HELDOUT_MEASURED = "±1 93.3%"
#: Measured 2026-11-27 after round 3 (docs/signals.md); strict, so a target met later fails loudly.
UNSEEN_SHORT = {"level_exact", "level_within_one", "level_group", "need_macro_f1", "department_macro_f1"}
UNSEEN_MEASURED = "exact 59.8%, ±1 70.1%, group 70.1%, need F1 0.53, dept F1 0.788"
BLIND_SHORT = {"level_exact", "level_within_one", "level_group", "need_macro_f1"}
BLIND_MEASURED = "exact 68.0%, ±1 74.7%, group 75.3%, need F1 0.70"
BLIND2_SHORT = {"level_exact", "level_within_one", "level_group", "need_macro_f1", "department_macro_f1"}
BLIND2_MEASURED = "exact 76.6%, ±1 82.3%, group 82.3%, need F1 0.73, dept F1 0.794"


def _marked(metrics, short, why):
    return [
        pytest.param(m, marks=pytest.mark.xfail(strict=True, reason=why)) if m in short else m
        for m in metrics
    ]


@pytest.mark.parametrize("metric", _marked(sorted(TARGETS), HELDOUT_SHORT, f"held-out ({HELDOUT_MEASURED})"))
def test_heldout_meets_target(heldout, metric):
    reader, _ = heldout
    assert getattr(reader, metric) >= TARGETS[metric]


@pytest.mark.parametrize("metric", [*sorted(TARGETS), "signal_micro_f1"])
def test_reader_beats_the_phrase_only_baseline(heldout, metric):
    reader, baseline = heldout
    assert getattr(reader, metric) > getattr(baseline, metric)


@pytest.fixture(scope="module")
def unseen():
    rows = corpus.load(UNSEEN)
    return measure(rows), measure(rows, read_baseline)


@pytest.mark.parametrize(
    "metric",
    _marked(
        sorted(TARGETS),
        UNSEEN_SHORT,
        f"unseen wording ({UNSEEN_MEASURED}): recall gap",
    ),
)
def test_unseen_meets_target(unseen, metric):
    reader, _ = unseen
    assert getattr(reader, metric) >= TARGETS[metric]


@pytest.mark.parametrize("metric", [*sorted(TARGETS), "signal_micro_f1"])
def test_reader_beats_the_baseline_on_unseen_text(unseen, metric):
    reader, baseline = unseen
    assert getattr(reader, metric) > getattr(baseline, metric)


@pytest.fixture(scope="module")
def blind():
    rows = corpus.load(BLIND)
    return measure(rows), measure(rows, read_baseline)


@pytest.mark.parametrize(
    "metric",
    _marked(
        sorted(TARGETS),
        BLIND_SHORT,
        f"blind set ({BLIND_MEASURED}): unseen phrasings still missed",
    ),
)
def test_blind_meets_target(blind, metric):
    reader, _ = blind
    assert getattr(reader, metric) >= TARGETS[metric]


@pytest.mark.parametrize("metric", [*sorted(TARGETS), "signal_micro_f1"])
def test_reader_beats_the_baseline_on_the_blind_set(blind, metric):
    reader, baseline = blind
    assert getattr(reader, metric) > getattr(baseline, metric)


@pytest.fixture(scope="module")
def blind2():
    rows = corpus.load(BLIND2)
    return measure(rows), measure(rows, read_baseline)


@pytest.mark.parametrize(
    "metric",
    _marked(
        sorted(TARGETS), BLIND2_SHORT, f"second blind set ({BLIND2_MEASURED}): unseen phrasings still missed"
    ),
)
def test_blind2_meets_target(blind2, metric):
    reader, _ = blind2
    assert getattr(reader, metric) >= TARGETS[metric]


@pytest.mark.parametrize("metric", [*sorted(TARGETS), "signal_micro_f1"])
def test_reader_beats_the_baseline_on_the_second_blind_set(blind2, metric):
    reader, baseline = blind2
    assert getattr(reader, metric) > getattr(baseline, metric)
