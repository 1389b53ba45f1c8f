"""The labelled corpus the reader learns from and is measured on."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

CORPUS_DIR = Path(__file__).with_name("corpus")
TRAIN = CORPUS_DIR / "train.jsonl"
#: Written by ``dealmap.signals.compose``: the training bodies in many frames and voices.
GENERATED = CORPUS_DIR / "generated.jsonl"
AUTHORS_DIR = CORPUS_DIR / "authors"
#: Hand-written lines from outside authors, one file each, named a…z, then aa…az, ba…: every file in
#: the folder, in that order. Who wrote what, in which voice, and how each batch scored before it
#: joined: docs/signals.md ("Corpus" and the rounds).
AUTHORS = {
    path.stem: path for path in sorted(AUTHORS_DIR.glob("*.jsonl"), key=lambda p: (len(p.stem), p.stem))
}
#: Everything the model is trained on (the held-out, unseen and blind sets never are).
TRAINING = (TRAIN, GENERATED, *AUTHORS.values())
HELDOUT = CORPUS_DIR / "heldout.jsonl"


@dataclass(frozen=True)
class Labelled:
    """One utterance or note with what a careful seller would record for it."""

    text: str
    lang: str
    level: int | None
    need: str | None
    departments: frozenset[str]
    signals: frozenset[str]


def load(path: Path) -> list[Labelled]:
    """Read a JSONL corpus file (one labelled object per line)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return load_rows(json.loads(line) for line in lines if line.strip())


def load_rows(objects) -> list[Labelled]:
    """Labelled rows from decoded corpus objects."""
    return [
        Labelled(
            text=obj["text"],
            lang=obj["lang"],
            level=obj["level"],
            need=obj["need"],
            departments=frozenset(obj["departments"]),
            signals=frozenset(obj["signals"]),
        )
        for obj in objects
    ]


def load_training() -> list[Labelled]:
    """The hand-written training lines, the generated ones, then the outside authors' lines."""
    return [row for path in TRAINING if path.exists() for row in load(path)]


def digest(*paths: Path) -> str:
    """SHA-256 of corpus files, stored with the model so a stale model is detected."""
    h = hashlib.sha256()
    for path in paths or TRAINING:
        h.update(path.read_bytes())
    return h.hexdigest()
