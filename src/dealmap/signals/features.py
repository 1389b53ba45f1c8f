"""Find lexicon cues in a note (with negation and softeners) and turn the note into features."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from dealmap.signals import lexicon
from dealmap.signals.text import Clause, clauses, ngrams, normalize, word_spans_before, words_before

#: Cue kinds: attitude level, personal need, department, behaviour signal.
#: DEPARTMENT_NAME: a department is named; IGNORED: a phrase that hides the cues inside it.
LEVEL, NEED, DEPARTMENT, DEPARTMENT_NAME, SIGNAL, IGNORED = "L", "N", "D", "Dn", "S", "X"
_MAX_VALUE = 2.0
#: How many characters before a Chinese cue may hold its negator ("不是完全没兴趣").
_NEG_WINDOW = 4
#: Scale of learned-word features next to lexicon features: small, so cues carry most weight.
NGRAM_VALUE = 0.3
CUE_ID_VALUE = 0.1
_UPPER_IT = re.compile(r"(?<![A-Za-z])IT(?![A-Za-z])")


@dataclass(frozen=True)
class Match:
    """One cue found in the note: what it suggests and the exact text it matched."""

    kind: str
    value: object
    phrase: str
    span: str
    negated: bool
    soft: bool
    weight: float
    #: Which clause of the note the cue is in (index into ``clauses(prepare(text))``).
    clause: int = 0

    @property
    def effective(self) -> object:
        """The value this cue suggests once negation is applied (levels only flip)."""
        if self.kind == LEVEL and self.negated:
            return lexicon.NEGATED_LEVEL[self.value]
        return self.value


@dataclass(frozen=True)
class _Table:
    zh: dict[str, tuple[tuple[str, object], ...]]
    #: First character of a Chinese cue → the lengths of the cues starting with it (longest first).
    zh_lengths: dict[str, tuple[int, ...]]
    en: dict[str, tuple[tuple[str, object], ...]]
    en_lengths: dict[str, tuple[int, ...]]


@lru_cache(maxsize=1)
def _table() -> _Table:
    entries: dict[str, list[tuple[str, object]]] = {}
    groups = (
        (LEVEL, lexicon.LEVEL_CUES),
        (NEED, lexicon.NEED_CUES),
        (DEPARTMENT, lexicon.DEPARTMENT_CUES),
        (DEPARTMENT_NAME, lexicon.DEPARTMENT_NAMES),
        (SIGNAL, lexicon.SIGNAL_CUES),
        (IGNORED, {None: lexicon.NOT_CUES}),
    )
    for kind, cues in groups:
        for value, phrases in cues.items():
            for phrase in phrases:
                key = normalize(phrase)
                if (kind, value) not in entries.setdefault(key, []):
                    entries[key].append((kind, value))
    zh = {k: tuple(v) for k, v in entries.items() if not k.isascii()}
    en = {k: tuple(v) for k, v in entries.items() if k.isascii()}
    return _Table(zh, _lengths(zh), en, _lengths(en))


def _lengths(phrases: dict[str, object]) -> dict[str, tuple[int, ...]]:
    by_first: dict[str, set[int]] = {}
    for p in phrases:
        by_first.setdefault(p[0], set()).add(len(p))
    return {ch: tuple(sorted(lengths, reverse=True)) for ch, lengths in by_first.items()}


def prepare(text: str) -> str:
    """Normalise a note; an upper-case "IT" (the department) survives lower-casing as "it-dept"."""
    return normalize(_UPPER_IT.sub("it-dept", text))


def find_cues(text: str, parts: list[Clause] | None = None) -> list[Match]:
    """All lexicon cues in a note, clause by clause, longest match first within a kind."""
    found: list[Match] = []
    for number, clause in enumerate(clauses(prepare(text)) if parts is None else parts):
        found.extend(_clause_cues(clause, number))
        found.extend(_role_cues(clause, number))
    return found


#: (department, pattern) for people named by role: surname + title from the lexicon, plus the
#: chief engineer (总工) and the pinyin "xie gong".
_ROLES = (
    *(
        (department, re.compile(f"[{lexicon.SURNAMES}]{title}(?![{not_after}])"))
        for department, (title, not_after) in lexicon.ROLE_TITLES.items()
    ),
    ("technical", re.compile(r"\b[a-z]{2,6} gong\b|总工(?!会)")),
)


def _role_cues(clause: Clause, number: int) -> list[Match]:
    """People named by surname and title ("刘工", "王总", "xie gong"): their department."""
    return [
        Match(DEPARTMENT_NAME, department, hit.group(), hit.group(), False, False, clause.weight, number)
        for department, pattern in _ROLES
        for hit in pattern.finditer(clause.text)
    ]


def _clause_cues(clause: Clause, number: int = 0) -> list[Match]:
    table, text = _table(), clause.text
    masked = _mask_non_negators(text)
    hits: list[tuple[int, int, str]] = []
    size = len(text)
    no_lengths: tuple[int, ...] = ()
    for i, ch in enumerate(text):
        hits.extend(
            (i, i + n, text[i : i + n])
            for n in table.zh_lengths.get(ch, no_lengths)
            if i + n <= size and text[i : i + n] in table.zh
        )
        en_lengths = table.en_lengths.get(ch)
        if en_lengths and _word_start(text, i):
            hits.extend(
                (i, i + n, text[i : i + n])
                for n in en_lengths
                if i + n <= size and text[i : i + n] in table.en and _word_end(text, i + n)
            )
    matches = []
    for start, end, phrase in _drop_contained(hits):
        negated, soft = _negated(text, masked, start), _softened(text, start)
        weight = clause.weight * (0.7 if soft else 1.0)
        for kind, value in table.zh.get(phrase) or table.en[phrase]:
            if kind == IGNORED:
                continue
            span = text[_negator_start(text, masked, start) if negated else start : end]
            matches.append(Match(kind, value, phrase, span, negated, soft, weight, number))
    return matches


def _word_start(text: str, i: int) -> bool:
    return text[i].isascii() and (i == 0 or not text[i - 1].isalnum() or not text[i - 1].isascii())


def _word_end(text: str, end: int) -> bool:
    return end >= len(text) or not (text[end].isascii() and text[end].isalnum())


def _drop_contained(hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop a hit lying inside a longer hit of the same kinds (兴趣 inside 没兴趣) or inside a non-cue."""
    table = _table()
    kinds = {h: {k for k, _ in (table.zh.get(h[2]) or table.en[h[2]])} for h in hits}
    # Hits come in order of their start, and none is longer than the longest phrase: only the hits
    # starting at most that far before one can hold it, so a long clause costs no square of its hits.
    longest = max((end - start for start, end, _ in hits), default=0)
    starts = [start for start, _, _ in hits]
    kept = []
    for h in hits:
        first = bisect_left(starts, h[0] - longest)
        last = bisect_right(starts, h[0])
        if not any(
            o != h and h[1] <= o[1] and (kinds[h] <= kinds[o] or IGNORED in kinds[o])
            for o in hits[first:last]
        ):
            kept.append(h)
    return kept


def _mask_non_negators(text: str) -> str:
    for word in lexicon.NOT_NEGATORS_ZH:
        text = text.replace(word, "_" * len(word))
    return text


def _negated(text: str, masked: str, start: int) -> bool:
    if any(ch in lexicon.NEGATORS_ZH for ch in masked[max(0, start - _NEG_WINDOW) : start]):
        return True
    before = words_before(text, start, 3)
    return any(w in lexicon.NEGATORS_EN or w.endswith("n't") for w in before)


def _negator_start(text: str, masked: str, start: int) -> int:
    """Where the negation of a cue begins, so the shown cue reads "不是没兴趣" or "not that … not interested"."""
    for i in range(max(0, start - _NEG_WINDOW), start):
        if masked[i] in lexicon.NEGATORS_ZH:
            return i
    for begin, word in word_spans_before(text, start, 3):
        if word in lexicon.NEGATORS_EN or word.endswith("n't"):
            return begin
    return start


def _softened(text: str, start: int) -> bool:
    window = text[max(0, start - 12) : start]
    return any(s in window for s in lexicon.SOFTENERS)


def features(text: str, matches: list[Match] | None = None) -> dict[str, float]:
    """The feature vector of a note: lexicon cue sums, cue identities, n-grams, a bias."""
    prepared = prepare(text)
    parts = clauses(prepared)
    matches = find_cues(text, parts) if matches is None else matches
    feats: dict[str, float] = {"bias": 1.0}
    for m in matches:
        if m.kind == LEVEL:
            _add(feats, f"L{m.effective}", m.weight)
            _add(feats, "Lneg" if m.negated else "Lpos", m.weight)
        elif not m.negated or m.kind in (DEPARTMENT, DEPARTMENT_NAME):
            _add(feats, f"{m.kind}:{m.value}", m.weight)
        feats[f"c:{m.phrase}{'~' if m.negated else ''}"] = CUE_ID_VALUE
    if not any(m.kind == LEVEL for m in matches):
        feats["noL"] = 1.0
    for gram in ngrams(prepared):
        feats[gram] = NGRAM_VALUE
    _add_target(feats, parts)
    _add_aimed(feats, parts, matches)
    return feats


#: Who a refusal or an exclusion is aimed at: "别家我不考虑" / "anyone else? never" keeps *us*,
#: "你们想都别想" / "not you" shuts us out. The same refusing words sit at both ends of the scale.
_OTHERS_ZH = (
    "别家",
    "别人",
    "别的",
    "其他",
    "其它",
    "第二家",
    "对手",
    "竞争对手",
    "另一家",
    "换掉你们",
    "换别人",
)
_OTHERS_EN = re.compile(
    r"\b(anyone else|anybody else|anywhere else|elsewhere|other vendors?|others|the rest|competitors?|rival|second supplier)\b"
)
_YOU_ZH = ("你们", "你")
_YOU_EN = re.compile(r"\b(you|your|yours)\b")
_REFUSE_ZH = ("不", "没", "别", "免谈", "除非", "休想", "想都别想", "一概", "推掉", "过我")
_REFUSE_EN = re.compile(r"\b(no|not|never|nothing|over my|unless|done|stop)\b|n't")


def _add_target(feats: dict[str, float], parts: list[Clause]) -> None:
    """Features for whom a refusal in a clause is aimed at (others or us)."""
    for clause in parts:
        t = clause.text
        refuse = any(w in t for w in _REFUSE_ZH) or bool(_REFUSE_EN.search(t))
        others = any(w in t for w in _OTHERS_ZH) or bool(_OTHERS_EN.search(t))
        you = any(w in t for w in _YOU_ZH) or bool(_YOU_EN.search(t))
        if others:
            _add(feats, "t:others+refuse" if refuse else "t:others", clause.weight * 0.5)
        if you and refuse and not others:
            _add(feats, "t:you+refuse", clause.weight * 0.5)


_RIVAL_ZH = (*_OTHERS_ZH, "竞品", "友商", "对方", "那家", "另外两家", "另外几家", "老供应商", "原厂")
_RIVAL_EN = re.compile(
    r"\b(anyone else|other vendors?|competitors?|competitor's|rivals?|incumbent|incumbent's|the other (?:bidders?|vendors?|two|one))\b"
)
_US_ZH = ("我们", "我司", "我方", "你们", "你家")
_US_EN = re.compile(r"\b(us|our|ours|we|we're|you|your|yours)\b")


def _add_aimed(feats: dict[str, float], parts: list[Clause], matches: list[Match]) -> None:
    """Cross each clear level cue's side with whom its clause is about: a rival, us, both or no one.

    "倾向对手" or "竞品那家再来,我直接让保安请出去" is a stance toward a rival: its sign toward us
    is often the reverse. A clause naming no one takes the target of the clause before it in the
    same sentence.
    """
    targets: dict[int, str] = {}  # by clause: a long clause with many cues is read once

    def target_of(i: int) -> str:
        if i not in targets:
            targets[i] = _target(parts[i].text)
        return targets[i]

    for m in matches:
        if m.kind != LEVEL or m.effective in (0, 1, -1) or m.clause >= len(parts):
            continue
        target, i = target_of(m.clause), m.clause
        while target == "none" and i > 0 and parts[i - 1].sentence == parts[m.clause].sentence:
            i -= 1
            target = target_of(i)
        _add(feats, f"a:{'+' if m.effective > 0 else '-'}{target}", m.weight)


def _target(text: str) -> str:
    rival = any(w in text for w in _RIVAL_ZH) or bool(_RIVAL_EN.search(text))
    us = any(w in text for w in _US_ZH) or bool(_US_EN.search(text))
    return "both" if rival and us else "rival" if rival else "us" if us else "none"


def _add(feats: dict[str, float], name: str, value: float) -> None:
    feats[name] = min(_MAX_VALUE, feats.get(name, 0.0) + value)
