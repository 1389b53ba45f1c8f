"""The labelled corpus: size, coverage of every code in each split, valid labels, model in sync."""

from __future__ import annotations

import json

import pytest

from dealmap.method.codes import DEPARTMENTS, LEVEL_MAX, LEVEL_MIN, PERSONAL_NEEDS, SIGNALS
from dealmap.signals import corpus, model
from dealmap.signals.evaluate import BLIND, BLIND2, BLIND3, BLIND4, BLIND5, UNSEEN

SPLITS = {"train": corpus.TRAIN, "heldout": corpus.HELDOUT}


def test_train_and_heldout_hold_at_least_400_lines():
    assert sum(len(corpus.load(p)) for p in SPLITS.values()) >= 400


def test_training_corpus_holds_at_least_1500_lines():
    assert len(corpus.load_training()) >= 1500


@pytest.mark.parametrize("name", SPLITS)
def test_each_split_covers_every_level_need_department_and_signal(name):
    rows = corpus.load(SPLITS[name])
    assert {r.level for r in rows} >= set(range(LEVEL_MIN, LEVEL_MAX + 1)) | {None}
    assert {r.need for r in rows} >= set(PERSONAL_NEEDS.codes)
    assert set().union(*(r.departments for r in rows)) == set(DEPARTMENTS.codes)
    assert set().union(*(r.signals for r in rows)) == set(SIGNALS.codes)
    assert {r.lang for r in rows} == {"zh", "en", "mixed"}


AUTHORS = {f"author-{name}": path for name, path in corpus.AUTHORS.items()}
EVALUATION = {
    "unseen": UNSEEN,
    "blind": BLIND,
    "blind2": BLIND2,
    "blind3": BLIND3,
    "blind4": BLIND4,
    "blind5": BLIND5,
}
ALL = {**SPLITS, "generated": corpus.GENERATED, **AUTHORS, **EVALUATION}


@pytest.mark.parametrize("path", ALL.values(), ids=ALL.keys())
def test_every_line_is_a_valid_labelled_object(path):
    for line in path.read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        assert set(obj) == {"text", "lang", "level", "need", "departments", "signals"}
        assert obj["text"].strip()
        assert obj["level"] is None or LEVEL_MIN <= obj["level"] <= LEVEL_MAX
        assert obj["need"] is None or obj["need"] in PERSONAL_NEEDS
        assert all(d in DEPARTMENTS for d in obj["departments"])
        assert all(s in SIGNALS for s in obj["signals"])


def test_no_text_is_in_two_sets():
    texts = [r.text for p in ALL.values() for r in corpus.load(p)]
    assert len(texts) == len(set(texts))


@pytest.mark.parametrize("path", AUTHORS.values(), ids=AUTHORS.keys())
def test_each_outside_author_covers_every_level_and_need_and_is_trained_on(path):
    rows = corpus.load(path)
    assert len(rows) >= 300
    assert {r.level for r in rows} == set(range(LEVEL_MIN, LEVEL_MAX + 1)) | {None}
    assert {r.need for r in rows} == set(PERSONAL_NEEDS.codes) | {None}
    assert path in corpus.TRAINING


def test_an_outside_authors_line_counts_more_than_a_generated_one():
    from dealmap.signals import train

    assert train.weight_of(corpus.AUTHORS["a"]) > train.weight_of(corpus.GENERATED)
    assert train.weight_of(corpus.TRAIN) == 1.0


def test_generated_corpus_is_what_compose_writes():
    from dealmap.signals import compose

    assert corpus.load(corpus.GENERATED) == corpus.load_rows(compose.compose()), (
        "run: python -m dealmap.signals.compose"
    )


def test_model_was_built_from_the_current_training_corpus():
    meta = json.loads(model.MODEL_PATH.read_text(encoding="utf-8"))
    assert meta["corpus_sha256"] == corpus.digest(*corpus.TRAINING), "run: python -m dealmap.signals.train"
