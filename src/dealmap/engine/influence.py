"""Who can sway whom: supporters reaching a person through `influences` and `close` relations.

Supporter S reaches T when a relation leads S→T or S→X→T; `influences` leads from→to and
`close` leads both ways; `conflicts` leads nowhere (ch5.s1 利用支持者影响其他人).
"""

from __future__ import annotations

from collections.abc import Iterable

from dealmap.engine.model import Relation


def relation_graph(relations: Iterable[Relation]) -> dict[str, set[str]]:
    """Each person and the people one relation leads to from them."""
    graph: dict[str, set[str]] = {}
    for r in relations:
        if r.source == r.target:
            continue
        if r.kind in ("influences", "close"):
            graph.setdefault(r.source, set()).add(r.target)
        if r.kind == "close":
            graph.setdefault(r.target, set()).add(r.source)
    return graph


def reached_by(graph: dict[str, set[str]], supporters: Iterable[str]) -> dict[str, set[str]]:
    """For each person, the supporters who reach them in one or two steps (never themselves)."""
    result: dict[str, set[str]] = {}
    for source in supporters:
        first = graph.get(source, set())
        targets = set(first)
        for middle in first:
            targets.update(graph.get(middle, ()))
        targets.discard(source)
        for target in targets:
            result.setdefault(target, set()).add(source)
    return result
