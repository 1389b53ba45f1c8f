"""A small linear model over the note's features, with one head per question.

Heads: attitude level (softmax over "none" and −4..+4), personal need (softmax over "none"
and the four needs), one logistic output per department and per signal, and one logistic
output "the note shows an attitude at all" that decides abstention. Weights are
learned from the training corpus by ``dealmap.signals.train`` and stored in model.json.
Pure Python: training takes seconds, scoring a note well under a millisecond.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dealmap.method.codes import DEPARTMENTS, LEVEL_MAX, LEVEL_MIN, PERSONAL_NEEDS, SIGNALS

MODEL_PATH = Path(__file__).with_name("model.json")
#: model.json stores weight w as the integer round(w × STORED_SCALE).
STORED_SCALE = 1000
LEVELS: tuple[int | None, ...] = (None, *range(LEVEL_MIN, LEVEL_MAX + 1))
NEEDS: tuple[str | None, ...] = (None, *PERSONAL_NEEDS.codes)
DEPTS: tuple[str, ...] = DEPARTMENTS.codes
SIGS: tuple[str, ...] = SIGNALS.codes
_N_LEVEL, _N_NEED = len(LEVELS), len(NEEDS)
_D0 = _N_LEVEL + _N_NEED
_S0 = _D0 + len(DEPTS)
_A = _S0 + len(SIGS)
#: The output index of "the note shows an attitude".
PRESENT = _A
SIZE = _A + 1


@dataclass(frozen=True)
class Example:
    """A training example: features and the gold answers."""

    feats: dict[str, float]
    level: int | None
    need: str | None
    departments: frozenset[str]
    signals: frozenset[str]
    #: How much the example counts in training (a hand-written author line more than a generated one).
    weight: float = 1.0


@dataclass(frozen=True)
class Scores:
    """The model's probabilities for one note."""

    level: tuple[float, ...]
    need: tuple[float, ...]
    departments: dict[str, float]
    signals: dict[str, float]
    present: float


class LinearModel:
    """Feature → weight vector over all outputs; unknown features are ignored.

    A stored model keeps its weights as integers in units of ``1 / scale`` (a third of the file
    size of decimals); a freshly trained one has float weights and ``scale`` 1.
    """

    def __init__(self, weights: dict[str, list[float]], scale: int = 1):
        self.weights = weights
        self.scale = scale

    def raw(self, feats: dict[str, float]) -> list[float]:
        """Summed weights of the features (the logits of every output)."""
        acc = [0.0] * SIZE
        weights = self.weights
        for name, value in feats.items():
            vec = weights.get(name)
            if vec is not None:
                acc = [a + value * w for a, w in zip(acc, vec, strict=False)]
        if self.scale != 1:
            acc = [a / self.scale for a in acc]
        return acc

    def scores(self, feats: dict[str, float]) -> Scores:
        """Probabilities per head."""
        return self.scores_of(self.raw(feats))

    @staticmethod
    def scores_of(z: list[float]) -> Scores:
        """Probabilities per head from the logits `raw` gave."""
        return Scores(
            level=tuple(_softmax(z[:_N_LEVEL])),
            need=tuple(_softmax(z[_N_LEVEL:_D0])),
            departments={d: _sigmoid(z[_D0 + i]) for i, d in enumerate(DEPTS)},
            signals={s: _sigmoid(z[_S0 + i]) for i, s in enumerate(SIGS)},
            present=_sigmoid(z[_A]),
        )

    def contributions(self, feats: dict[str, float], output: int) -> list[tuple[float, str]]:
        """Each feature's share of one output's logit, largest first."""
        pairs = [(v * self.weights[f][output] / self.scale, f) for f, v in feats.items() if f in self.weights]
        return sorted(pairs, reverse=True)


def level_index(level: int | None) -> int:
    """The output index of a level class."""
    return LEVELS.index(level)


def need_index(need: str | None) -> int:
    """The output index of a need class."""
    return _N_LEVEL + NEEDS.index(need)


def department_index(code: str) -> int:
    """The output index of a department."""
    return _D0 + DEPTS.index(code)


def signal_index(code: str) -> int:
    """The output index of a signal."""
    return _S0 + SIGS.index(code)


@lru_cache(maxsize=1)
def load(path: Path = MODEL_PATH) -> LinearModel:
    """The stored model (read once per process)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return LinearModel(data["weights"], scale=data["scale"])


def train(
    examples: Sequence[Example], *, epochs: int = 12, rate: float = 0.3, l2: float = 1e-3, seed: int = 7
) -> LinearModel:
    """Fit all heads jointly with AdaGrad on the log loss, L2-regularised."""
    sqrt = math.sqrt
    weights: dict[str, list[float]] = {}
    squares: dict[str, list[float]] = {}
    order = list(examples)
    rng = random.Random(seed)
    model = LinearModel(weights)
    for _ in range(epochs):
        rng.shuffle(order)
        for ex in order:
            grad = _gradient(model.raw(ex.feats), ex)
            if ex.weight != 1.0:
                grad = [g * ex.weight for g in grad]
            for name, value in ex.feats.items():
                vec = weights.setdefault(name, [0.0] * SIZE)
                sq = squares.setdefault(name, [1e-6] * SIZE)
                gs = [g * value + l2 * w for g, w in zip(grad, vec, strict=False)]
                sq[:] = [q + g * g for q, g in zip(sq, gs, strict=False)]
                vec[:] = [w - rate * g / sqrt(q) for w, g, q in zip(vec, gs, sq, strict=False)]
    return model


def _gradient(z: list[float], ex: Example) -> list[float]:
    grad = [0.0] * SIZE
    for i, p in enumerate(_softmax(z[:_N_LEVEL])):
        grad[i] = p - (1.0 if LEVELS[i] == ex.level else 0.0)
    for i, p in enumerate(_softmax(z[_N_LEVEL:_D0])):
        grad[_N_LEVEL + i] = p - (1.0 if NEEDS[i] == ex.need else 0.0)
    for i, d in enumerate(DEPTS):
        grad[_D0 + i] = _sigmoid(z[_D0 + i]) - (1.0 if d in ex.departments else 0.0)
    for i, s in enumerate(SIGS):
        grad[_S0 + i] = _sigmoid(z[_S0 + i]) - (1.0 if s in ex.signals else 0.0)
    grad[_A] = _sigmoid(z[_A]) - (0.0 if ex.level is None else 1.0)
    return grad


def dump(
    model: LinearModel, path: Path, *, meta: dict[str, object], keep: Iterable[str] | None = None
) -> None:
    """Write the weights as integer thousandths (near-zero features dropped) with some metadata.

    Rounding to a thousandth changed no reading of any measured set (docs/signals.md, round 9).
    """
    keep_set = set(keep) if keep is not None else None
    scale = STORED_SCALE / model.scale
    weights = {
        name: [round(w * scale) for w in vec]
        for name, vec in sorted(model.weights.items())
        if max(abs(w) for w in vec) * scale >= 10 and (keep_set is None or name in keep_set)
    }
    payload = {**meta, "outputs": SIZE, "scale": STORED_SCALE, "weights": weights}
    path.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def _softmax(z: Sequence[float]) -> list[float]:
    top = max(z)
    exps = [math.exp(v - top) for v in z]
    total = sum(exps)
    return [e / total for e in exps]


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)
