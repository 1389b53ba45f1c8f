"""Build model.json from the training corpus: ``python -m dealmap.signals.train``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from dealmap.signals import corpus, model
from dealmap.signals.features import features

#: An n-gram must occur in at least this many training notes to become a feature.
MIN_NGRAM_NOTES = 2
#: How much one line counts in training, per file (chosen by leave-one-author-out CV, docs/signals.md).
GENERATED_WEIGHT = 1.0
AUTHOR_WEIGHT = 6.0
FORMAT = "dealmap-signals-model/3"


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


def fit(rows: Sequence[corpus.Labelled], weights: Sequence[float] | None = None) -> model.LinearModel:
    """Train a model on labelled rows (each counting ``weights[i]``, default 1)."""
    return model.train(examples(rows, weights))


def weight_of(path: Path, *, generated: float = GENERATED_WEIGHT, author: float = AUTHOR_WEIGHT) -> float:
    """How much one line of a training file counts."""
    if path == corpus.GENERATED:
        return generated
    return author if path in corpus.AUTHORS.values() else 1.0


def weighted(paths: Sequence[Path], **kw: float) -> tuple[list[corpus.Labelled], list[float]]:
    """The rows of some training files and the weight of each."""
    pairs = [(row, weight_of(path, **kw)) for path in paths for row in corpus.load(path)]
    return [r for r, _ in pairs], [w for _, w in pairs]


def build(out: Path = model.MODEL_PATH) -> int:
    """Train on the training corpus (hand-written and generated) and write the model file.

    Returns the number of examples.
    """
    rows, weights = weighted(corpus.TRAINING)
    meta = {"format": FORMAT, "corpus_sha256": corpus.digest(*corpus.TRAINING), "examples": len(rows)}
    model.dump(fit(rows, weights), out, meta=meta)
    model.load.cache_clear()
    return len(rows)


def _is_ngram(name: str) -> bool:
    return name.startswith(("b:", "w:"))


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m dealmap.signals.train``: rebuild model.json (some minutes on one core)."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m dealmap.signals.train",
        description="Retrain the note reader on the training corpus and overwrite model.json "
        "(about 4 minutes on one core). Takes no arguments.",
    )
    parser.parse_args(argv)
    print(f"model.json built from {build()} examples")


if __name__ == "__main__":
    main()
