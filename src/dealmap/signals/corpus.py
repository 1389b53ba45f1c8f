"""The labelled corpus the reader learns from and is measured on."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

CORPUS_DIR = Path(__file__).with_name("corpus")
TRAIN = CORPUS_DIR / "train.jsonl"
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
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            rows.append(
                Labelled(
                    text=obj["text"],
                    lang=obj["lang"],
                    level=obj["level"],
                    need=obj["need"],
                    departments=frozenset(obj["departments"]),
                    signals=frozenset(obj["signals"]),
                )
            )
    return rows


def digest(path: Path) -> str:
    """SHA-256 of a corpus file, stored with the model so a stale model is detected."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
