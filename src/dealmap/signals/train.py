"""Build model.json from the training corpus: ``python -m dealmap.signals.train``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from dealmap.signals import corpus, model
from dealmap.signals.features import features

#: An n-gram must occur in at least this many training notes to become a feature.
MIN_NGRAM_NOTES = 2
FORMAT = "dealmap-signals-model/2"


def examples(rows: Sequence[corpus.Labelled]) -> list[model.Example]:
    """Featurise labelled rows, dropping n-grams too rare to generalise."""
    feats = [features(r.text) for r in rows]
    seen = Counter(name for f in feats for name in f if _is_ngram(name))
    return [
        model.Example(
            feats={n: v for n, v in f.items() if not _is_ngram(n) or seen[n] >= MIN_NGRAM_NOTES},
            level=r.level,
            need=r.need,
            departments=r.departments,
            signals=r.signals,
        )
        for f, r in zip(feats, rows, strict=True)
    ]


def fit(rows: Sequence[corpus.Labelled]) -> model.LinearModel:
    """Train a model on labelled rows."""
    return model.train(examples(rows))


def build(out: Path = model.MODEL_PATH) -> int:
    """Train on the training corpus (hand-written and generated) and write the model file.

    Returns the number of examples.
    """
    rows = corpus.load_training()
    meta = {"format": FORMAT, "corpus_sha256": corpus.digest(*corpus.TRAINING), "examples": len(rows)}
    model.dump(fit(rows), out, meta=meta)
    model.load.cache_clear()
    return len(rows)


def _is_ngram(name: str) -> bool:
    return name.startswith(("b:", "w:"))


if __name__ == "__main__":
    print(f"model.json built from {build()} examples")
