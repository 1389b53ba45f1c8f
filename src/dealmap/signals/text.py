"""Text handling for the signals reader: normalise, split into clauses, make n-grams.

Chinese is read as character bigrams (no dictionary to load, nothing cached on disk);
English as lower-case words. Mixed text gets both.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

_QUOTES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2014": ",", "\u2013": ","}
)
_SENTENCE_END = re.compile(r"[。!?;\n]+|\.(?=\s|$)")
_CLAUSE_SEP = re.compile(r"[,、:()\"]+")
#: Words that open a contrasting clause; what follows them usually carries the speaker's real view.
_CONTRAST_WORDS = (
    r"但是|不过|可是|只是|然而|结果|却|其实|实际上|事实上|可他|可她|"
    r"\bbut\b|\bhowever\b|\bthough\b|\bin fact\b|\bactually\b|\bturns out\b"
)
_CONTRAST = re.compile(f"(?={_CONTRAST_WORDS})")
#: A clause in which the seller, not the customer, is speaking.
_SELLER_SPEAKS = re.compile(
    r"^\s*(我说|我讲|我跟[他她]说|我跟[他她]讲|我问|我们介绍|我介绍|我们演示|我们讲|i told|i said|i asked|we pitched|we presented|we told)"
)
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_WORD = re.compile(r"[a-z][a-z0-9']*")


@dataclass(frozen=True)
class Clause:
    """A stretch of text between clause breaks, with how much it counts for the attitude."""

    text: str
    weight: float
    contrast: bool
    #: Which sentence of the note the clause belongs to (0, 1, …).
    sentence: int = 0


def normalize(text: str) -> str:
    """Full-width to half-width (NFKC), straight quotes, lower case, single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    return re.sub(r"[ \t\r\f\v]+", " ", text).strip()


def clauses(text: str) -> list[Clause]:
    """Split normalised text into weighted clauses.

    Inside a sentence, clauses after a contrast word ("但是", "but") weigh more and those
    before it less; a clause where the seller speaks ("我跟他说…") weighs little.
    """
    result: list[Clause] = []
    sentences = []
    for sentence in _SENTENCE_END.split(text):
        parts = [p.strip() for chunk in _CLAUSE_SEP.split(sentence) for p in _CONTRAST.split(chunk)]
        if parts := [p for p in parts if p]:
            sentences.append(parts)
    # A later sentence that opens with a contrast word ("…。结果…", "… But …") outweighs those before it.
    turn = next((n for n, parts in enumerate(sentences) if n and _starts_contrast(parts[0])), None)
    for number, parts in enumerate(sentences):
        pivot = next((i for i, p in enumerate(parts) if i and _starts_contrast(p)), None)
        scale = 1.0 if turn is None else (0.6 if number < turn else 1.4)
        for i, part in enumerate(parts):
            weight = scale * (1.0 if pivot is None else (0.6 if i < pivot else 1.4))
            if _SELLER_SPEAKS.match(part):
                weight *= 0.3
            contrast = (pivot is not None and i >= pivot) or (turn is not None and number >= turn)
            result.append(Clause(part, weight, contrast, number))
    return result


def _starts_contrast(part: str) -> bool:
    return _CONTRAST.match(part) is not None


def ngrams(text: str) -> list[str]:
    """Character bi- and trigrams of the Chinese runs; words and word pairs of the English runs.

    Prefixed by kind: ``b:`` Chinese, ``w:`` English. Short English function words count in
    pairs only ("not that", "no budget"), where they carry meaning.
    """
    grams = []
    for run in _CJK_RUN.findall(text):
        grams.extend(f"b:{run[i : i + 2]}" for i in range(len(run) - 1))
        grams.extend(f"b:{run[i : i + 3]}" for i in range(len(run) - 2))
    words = _WORD.findall(text)
    grams.extend(f"w:{w}" for w in words if len(w) > 2)
    grams.extend(f"w:{a}_{b}" for a, b in zip(words, words[1:], strict=False))
    return grams


@lru_cache(maxsize=16)
def _word_spans(text: str) -> tuple[list[int], list[tuple[int, int, str]]]:
    """Every English word of the text with where it starts and ends, found once per text (a note
    with many cues asked for the words before each, and read the whole text again each time)."""
    spans = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    return [start for start, _, _ in spans], spans


def word_spans_before(text: str, end: int, n: int) -> list[tuple[int, str]]:
    """(start, word) of the last n English words of text[:end], exactly as a search of
    ``text[:end]`` finds them: a word running past ``end`` is cut there."""
    starts, spans = _word_spans(text)
    last = bisect_left(starts, end)  # the words that start before `end`
    return [
        (start, word if stop <= end else text[start:end])
        for start, stop, word in spans[max(0, last - n) : last]
    ]


def words_before(text: str, end: int, n: int) -> list[str]:
    """The last n English words of text[:end]."""
    return [word for _, word in word_spans_before(text, end, n)]
