"""Read a note: ``read_note(text) -> Reading``, and ``reading_to_dict`` for the JSON contract."""

from __future__ import annotations

from dataclasses import dataclass, field

from dealmap.signals import model as m
from dealmap.signals.features import (
    DEPARTMENT,
    DEPARTMENT_NAME,
    LEVEL,
    NEED,
    SIGNAL,
    Match,
    features,
    find_cues,
)

#: A department is suggested when the model gives it at least this probability, or when the note
#: names it ("采购经理", "刘工", "the CFO"). Naming alone: round-8 group CV, department F1 0.672 → 0.694.
THRESHOLD = 0.3
#: A behaviour signal is suggested at this probability (0.2: best in the body-held-out CV, docs/signals.md),
#: and only when the note's words raise it above what a note without words gets (round 14: "OK" or
#: "他说" got 敷衍 at 0.25 from the bias alone; two dev folds, signal F1 0.6359 → 0.6356, false
#: alarms 328 → 301).
SIGNAL_THRESHOLD = 0.2
#: The features every note has whatever it says: the bias, and "no level cue" when none was found.
_STRUCTURAL = ("bias", "noL")
#: A personal need is suggested when its probability reaches this (else none). Round 8, 21-author
#: group CV: need F1 0.627 / 0.623 / 0.617 at 0.2 / 0.25 / 0.3, precision 0.69 / 0.72 / 0.74.
NEED_THRESHOLD = 0.25
#: The note shows an attitude when the "present" output reaches this (else the level is None).
PRESENT_THRESHOLD = 0.5
_LEARNED_MARK = "≈"


@dataclass(frozen=True)
class Reading:
    """What a note suggests. Every suggestion carries the cues behind it.

    ``level`` is None when the note says nothing about attitude; ``confidence`` is then 0.
    Cues marked "≈" are words the model learned from the corpus rather than lexicon cues.
    """

    level: int | None = None
    confidence: float = 0.0
    level_cues: tuple[str, ...] = ()
    need: str | None = None
    need_cues: tuple[str, ...] = ()
    departments: tuple[str, ...] = ()
    department_cues: tuple[tuple[str, str], ...] = ()
    signals: tuple[str, ...] = ()
    signal_cues: tuple[tuple[str, str], ...] = field(default=())


def read_note(text: str, *, model: m.LinearModel | None = None) -> Reading:
    """Suggest attitude level, personal need, departments and signals for a note (zh, en or mixed).

    ``model`` defaults to the stored one (model.json); evaluation passes a freshly trained one.
    """
    if not text or not text.strip():
        return Reading()
    matches = find_cues(text)
    feats = features(text, matches)
    lm = model or m.load()
    z = lm.raw(feats)
    scores = lm.scores_of(z)
    level, confidence = _pick_level(_renormalised(scores.level[1:]))
    if scores.present < PRESENT_THRESHOLD:
        level = None
    need, need_p = _pick(m.NEEDS[1:], scores.need[1:])
    need = need if need_p >= NEED_THRESHOLD else None
    named = {x.value for x in matches if x.kind == DEPARTMENT_NAME and not x.negated}
    departments = tuple(d for d in m.DEPTS if scores.departments[d] >= THRESHOLD or d in named)
    signals = _signals(lm, feats, z, scores)
    explain = _Explainer(lm, feats, matches)
    return Reading(
        level=level,
        confidence=round(confidence, 2) if level is not None else 0.0,
        level_cues=explain.level(level),
        need=need,
        need_cues=explain.same(NEED, need, m.need_index(need)) if need else (),
        departments=departments,
        department_cues=tuple(
            (d, c)
            for d in departments
            for c in explain.same((DEPARTMENT_NAME, DEPARTMENT), d, m.department_index(d))
        ),
        signals=signals,
        signal_cues=tuple((s, c) for s in signals for c in explain.same(SIGNAL, s, m.signal_index(s))),
    )


def _signals(lm: m.LinearModel, feats: dict[str, float], z: list[float], scores: m.Scores) -> tuple[str, ...]:
    """The signals likely enough, of those the note's own words make likelier than no words would."""
    likely = [s for s in m.SIGS if scores.signals[s] >= SIGNAL_THRESHOLD]
    if not likely:
        return ()
    empty = lm.raw({f: v for f, v in feats.items() if f in _STRUCTURAL})
    return tuple(s for s in likely if z[m.signal_index(s)] > empty[m.signal_index(s)])


def reading_to_dict(reading: Reading) -> dict[str, object]:
    """The reading as docs/formats.md describes it, with "signal_cues" and "department_cues"."""
    return {
        "attitude": {
            "level": reading.level,
            "confidence": reading.confidence,
            "cues": list(reading.level_cues),
        },
        "personal_need": {"type": reading.need, "cues": list(reading.need_cues)},
        "departments": list(reading.departments),
        "signals": list(reading.signals),
        "signal_cues": [{"signal": s, "cue": c} for s, c in reading.signal_cues],
        "department_cues": [{"department": d, "cue": c} for d, c in reading.department_cues],
    }


def _renormalised(probs: tuple[float, ...]) -> tuple[float, ...]:
    total = sum(probs) or 1.0
    return tuple(p / total for p in probs)


#: How much a level one step away from the truth costs next to a level further away (1): the level
#: picked is the one with the least expected cost, so between two close favourites the one whose
#: neighbours are also likely wins. Round 8 group CV: ±1 83.4% → 83.9%, exact 72.9% → 73.0%.
NEIGHBOUR_COST = 0.5


def _pick_level(probs: tuple[float, ...]) -> tuple[int | None, float]:
    """The level with the least expected cost, and its own probability."""
    last = len(probs) - 1

    def gain(i: int) -> float:
        near = (probs[i - 1] if i > 0 else 0.0) + (probs[i + 1] if i < last else 0.0)
        return probs[i] + (1 - NEIGHBOUR_COST) * near

    best = max(range(len(probs)), key=gain)
    return m.LEVELS[1 + best], probs[best]


def _pick(classes: tuple, probs: tuple[float, ...]) -> tuple:
    best = max(range(len(probs)), key=probs.__getitem__)
    return classes[best], probs[best]


class _Explainer:
    """Picks the cues that back each suggestion: lexicon matches first, else learned words."""

    def __init__(self, lm: m.LinearModel, feats: dict[str, float], matches: list[Match]):
        self.lm, self.feats, self.matches = lm, feats, matches

    def level(self, level: int | None) -> tuple[str, ...]:
        if level is None:
            return ()
        near = [x for x in self.matches if x.kind == LEVEL and abs(x.effective - level) <= 1]
        near.sort(key=lambda x: (abs(x.effective - level), -x.weight))
        return _unique(_shown(x) for x in near) or self.learned(m.level_index(level))

    def same(self, kinds: str | tuple[str, ...], value: str, output: int) -> tuple[str, ...]:
        found = _unique(
            _shown(x) for x in self.matches if x.kind in kinds and x.value == value and not x.negated
        )
        return found or self.learned(output)

    def learned(self, output: int, limit: int = 3) -> tuple[str, ...]:
        pushed = [
            f
            for w, f in self.lm.contributions(self.feats, output)
            if w > 0.05 and f[:2] in ("b:", "w:", "c:")
        ]
        top = [f for f in pushed if not _only_function_words(f)] or pushed
        return tuple(_LEARNED_MARK + f[2:].rstrip("~").replace("_", " ") for f in top[:limit])


#: English words that explain nothing on their own: a learned cue made only of these ("≈the",
#: "≈which for") is shown only when nothing else pushed the suggestion; the model still weighs it.
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "with",
        "as",
        "and",
        "or",
        "but",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "which",
        "who",
        "whom",
        "what",
        "he",
        "she",
        "they",
        "them",
        "his",
        "her",
        "their",
        "him",
        "we",
        "our",
        "us",
        "i",
        "me",
        "my",
        "you",
        "your",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "can",
        "could",
        "so",
        "if",
        "then",
        "than",
        "there",
        "here",
        "about",
        "into",
        "over",
    ]
)


def _only_function_words(feature: str) -> bool:
    return feature.startswith("w:") and all(w in _FUNCTION_WORDS for w in feature[2:].split("_"))


def _shown(match: Match) -> str:
    return match.span


def _unique(items) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
