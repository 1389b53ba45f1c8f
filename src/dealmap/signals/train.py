"""Build model.json from the training corpus: ``python -m dealmap.signals.train``."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from dealmap.signals import corpus, model
from dealmap.signals.features import features

#: An n-gram must occur in at least this many training notes to become a feature.
MIN_NGRAM_NOTES = 2
#: How much one line counts in training, per file (chosen by leave-one-author-out CV, docs/signals.md).
GENERATED_WEIGHT = 1.0
AUTHOR_WEIGHT = 6.0
FORMAT = "dealmap-signals-model/4"
#: A learned department word: an n-gram used by at least this many writers (each outside author, and
#: the hand-written training file, is one writer; generated lines don't count)…
WORD_MIN_WRITERS = 3
#: …in notes most of which are labelled with that department: the lower bound of a one-sided 95%
#: Wilson interval on that share must reach this (round 11, docs/signals.md).
WORD_MIN_SHARE = 0.5
_WILSON_Z = 1.645


def examples(rows: Sequence[corpus.Labelled], weights: Sequence[float] | None = None) -> list[model.Example]:
    """Featurise labelled rows, dropping n-grams too rare to generalise."""
    feats = [features(r.text) for r in rows]
    weights = weights or [1.0] * len(rows)
    seen = Counter(name for f in feats for name in f if _is_ngram(name))
    return [
        model.Example(
            feats={n: v for n, v in f.items() if not _is_ngram(n) or seen[n] >= MIN_NGRAM_NOTES},
            level=r.level,
            need=r.need,
            departments=r.departments,
            signals=r.signals,
            weight=w,
        )
        for f, r, w in zip(feats, rows, weights, strict=True)
    ]


def fit(
    rows: Sequence[corpus.Labelled],
    weights: Sequence[float] | None = None,
    writers: Sequence[str | None] | None = None,
) -> model.LinearModel:
    """Train a model on labelled rows (each counting ``weights[i]``, default 1).

    ``writers`` names who wrote each row (None for generated lines); with it, the model also
    learns which words name a department (:func:`department_words`).
    """
    lm = model.train(examples(rows, weights))
    if writers is not None:
        lm.department_words = department_words(rows, writers)
    return lm


def department_words(
    rows: Sequence[corpus.Labelled], writers: Sequence[str | None]
) -> dict[str, tuple[str, ...]]:
    """N-grams that, across several writers, nearly always come with a department label.

    "社长", "procurement lead", "车间主任": writers name people by role in more ways than the
    lexicon lists, and the model alone gives such a word too little weight when the rest of the
    note points elsewhere. A word qualifies when at least ``WORD_MIN_WRITERS`` writers use it and
    the lower bound of the share of its notes labelled with the department is ``WORD_MIN_SHARE``.
    """
    notes: Counter[str] = Counter()
    labelled: defaultdict[str, Counter[str]] = defaultdict(Counter)
    used_by: defaultdict[str, set[str]] = defaultdict(set)
    for row, writer in zip(rows, writers, strict=True):
        if writer is None:
            continue
        for name in features(row.text):
            if _is_ngram(name):
                notes[name] += 1
                used_by[name].add(writer)
                labelled[name].update(row.departments)
    words = {}
    for name, n in notes.items():
        if len(used_by[name]) < WORD_MIN_WRITERS:
            continue
        named = tuple(d for d in model.DEPTS if _wilson_lower(labelled[name][d], n) >= WORD_MIN_SHARE)
        if named:
            words[name] = named
    return words


def _wilson_lower(hits: int, n: int, z: float = _WILSON_Z) -> float:
    if not n:
        return 0.0
    p = hits / n
    centre = p + z * z / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - spread) / (1 + z * z / n)


def weight_of(path: Path, *, generated: float = GENERATED_WEIGHT, author: float = AUTHOR_WEIGHT) -> float:
    """How much one line of a training file counts."""
    if path == corpus.GENERATED:
        return generated
    return author if path in corpus.AUTHORS.values() else 1.0


def writer_of(path: Path) -> str | None:
    """Who wrote a training file's lines: the file's name, or None for the generated lines."""
    return None if path == corpus.GENERATED else path.stem


def weighted(
    paths: Sequence[Path], **kw: float
) -> tuple[list[corpus.Labelled], list[float], list[str | None]]:
    """The rows of some training files, the weight of each and who wrote it."""
    triples = [(row, weight_of(path, **kw), writer_of(path)) for path in paths for row in corpus.load(path)]
    return [r for r, _, _ in triples], [w for _, w, _ in triples], [a for _, _, a in triples]


def build(out: Path = model.MODEL_PATH) -> int:
    """Train on the training corpus (hand-written and generated) and write the model file.

    Returns the number of examples.
    """
    rows, weights, writers = weighted(corpus.TRAINING)
    meta = {"format": FORMAT, "corpus_sha256": corpus.digest(*corpus.TRAINING), "examples": len(rows)}
    model.dump(fit(rows, weights, writers), out, meta=meta)
    model.load.cache_clear()
    return len(rows)


def _is_ngram(name: str) -> bool:
    return name.startswith(("b:", "w:"))


if __name__ == "__main__":
    print(f"model.json built from {build()} examples")
