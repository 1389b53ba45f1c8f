"""Benchmark the analysis engine on a large deal and print ratios, not pass/fail.

Builds a deal of 2,000 people and 100,000 assessments + interactions, writes it as a deal file,
and prints:
  - analyze / json.loads: the time of `analyze` on the loaded deal divided by the time of
    `json.loads` of the file's text (medians of several runs; target <= 1.0);
  - the peak memory `analyze` allocates (tracemalloc) and the process's peak RSS;
  - CLI / bare load: the whole `dealmap analyze FILE --json` (start-up, validation, output)
    divided by a bare `python -c "json.load(...)"` of the same file (target <= 2.0).

    .venv/bin/python bench/engine.py [--people 2000] [--events 100000] [--runs 7] [--keep FILE]
"""

from __future__ import annotations

import argparse
import compileall
import gc
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

import orjson

import dealmap as dealmap_package
from dealmap.engine import analyze, report_to_dict
from dealmap.engine.model import (
    Account,
    Assessment,
    CompetitorAffinity,
    Deal,
    Interaction,
    Opportunity,
    Relation,
    Research,
    Stakeholder,
)
from dealmap.interchange.dealfile import dump_deal, load_deal, parse_json, read_deal_file
from dealmap.method.codes import (
    BUYING_ROLES,
    CHANGE_STYLES,
    DEPARTMENTS,
    LAYERS,
    PERSONAL_NEEDS,
    SIGNALS,
)

AS_OF = date(2026, 11, 27)
EVIDENCE = ("愿意听集团标杆案例介绍", "在评审会上公开质疑我方架构", "主动告诉我们内部评审情况", "")


def build_deal(people: int, events: int, seed: int = 7) -> Deal:
    """A deal with `people` stakeholders and `events` assessments + interactions, half each."""
    rnd = random.Random(seed)
    ids = [f"p{i}" for i in range(people)]
    stakeholders = tuple(_person(rnd, pid, i) for i, pid in enumerate(ids))
    relations = {
        (rnd.choice(ids), rnd.choice(ids), rnd.choice(("influences", "close", "conflicts")))
        for _ in range(2 * people)
    }
    assessments = tuple(
        Assessment(
            stakeholder=rnd.choice(ids),
            date=AS_OF - timedelta(days=rnd.randint(-5, 365)),
            level=rnd.randint(-4, 4),
            evidence=rnd.choice(EVIDENCE),
            signals=tuple(rnd.sample(SIGNALS.codes, rnd.choice((0, 0, 1, 2)))),
        )
        for _ in range(events // 2)
    )
    interactions = tuple(
        Interaction(
            date=AS_OF - timedelta(days=rnd.randint(-5, 365)),
            stakeholders=tuple(rnd.sample(ids, rnd.choice((1, 1, 2, 3)))),
            channel="meeting",
            summary="技术交流会,讨论排产模块与接口方案",
            trust_delta=rnd.choice((None, -1, 0, 1)),
            signals=tuple(rnd.sample(SIGNALS.codes, rnd.choice((0, 0, 0, 1)))),
        )
        for _ in range(events - events // 2)
    )
    return Deal(
        account=Account(name="华东精密制造有限公司"),
        opportunity=Opportunity(name="MES 升级", research=Research(who_proposed="生产部", why="扩产")),
        stakeholders=stakeholders,
        relations=tuple(Relation(a, b, kind) for a, b, kind in sorted(relations) if a != b),
        assessments=assessments,
        interactions=interactions,
        as_of=AS_OF,
    )


def _person(rnd: random.Random, pid: str, i: int) -> Stakeholder:
    return Stakeholder(
        id=pid,
        name=f"员工{i}",
        title="经理",
        layer=rnd.choice(LAYERS.codes),
        department=rnd.choice(DEPARTMENTS.codes),
        buying_role=rnd.choice(BUYING_ROLES.codes),
        power=rnd.choice((None, 1, 2, 3, 4, 5)),
        authority=rnd.choice((None, 1, 2, 3, 4, 5)),
        change_style=rnd.choice((None, *CHANGE_STYLES.codes)),
        personal_need=rnd.choice((None, *PERSONAL_NEEDS.codes)),
        personal_wins=rnd.choice(("", "升职")),
        is_coach=rnd.random() < 0.01,
        competitor_affinity=(CompetitorAffinity("恒远软件", rnd.randint(0, 3)),),
    )


def median_time(run, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def engine_figures(text: str, deal: Deal, runs: int) -> dict[str, float]:
    """analyze and json.loads in this process, with the cyclic GC on (default) and off (as the CLI runs)."""
    figures = {
        "loads": median_time(lambda: json.loads(text), runs),
        "analyze": median_time(lambda: analyze(deal), runs),
    }
    gc.disable()
    try:
        figures["loads_nogc"] = median_time(lambda: json.loads(text), runs)
        figures["analyze_nogc"] = median_time(lambda: analyze(deal), runs)
        # The CLI's own phases: it parses with orjson (json for what orjson refuses) and writes with orjson.
        raw = text.encode()
        figures["parse_nogc"] = median_time(lambda: parse_json(raw), runs)
        data = parse_json(raw)
        figures["validate_nogc"] = median_time(lambda: load_deal(data), runs)
        report = analyze(deal)
        figures["output_nogc"] = median_time(lambda: orjson.dumps(report_to_dict(report)), runs)
    finally:
        gc.enable()
    tracemalloc.start()
    analyze(deal)
    figures["peak"] = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return figures


def cli_figures(path: Path, runs: int) -> dict[str, float]:
    """The whole `dealmap analyze FILE --json` against a bare `python -c "json.load(...)"`.

    The two commands alternate, so that a busy spell of a shared machine slows both. The byte
    code of dealmap is compiled first: an installed package has it, but with
    PYTHONDONTWRITEBYTECODE set an edited module would be compiled again on every run.
    """
    compileall.compile_dir(str(Path(dealmap_package.__file__).parent), quiet=1)
    python = sys.executable
    dealmap = str(Path(python).with_name("dealmap"))
    bare = [python, "-c", f"import json; json.load(open({str(path)!r}, 'rb'))"]
    cli = [dealmap, "analyze", str(path), "--json"]
    # What the command imports before it reads the file, over what the bare load imports.
    start_up = [
        python,
        "-c",
        "import json, dealmap.cli.analyze, dealmap.engine, dealmap.interchange.dealfile",
    ]
    just_json = [python, "-c", "import json"]
    commands = {"bare": bare, "cli": cli, "start_up": start_up, "just_json": just_json}
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", help="write the deal file here instead of a temporary file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.keep or Path(tmp) / "big-deal.json")
        path.write_text(
            json.dumps(dump_deal(build_deal(args.people, args.events)), ensure_ascii=False), "utf-8"
        )
        text = path.read_text("utf-8")
        deal = read_deal_file(str(path))
        f = engine_figures(text, deal, args.runs) | cli_figures(path, args.runs)
    ms = {k: v * 1000 for k, v in f.items()}
    print(
        f"deal: {len(deal.stakeholders)} people, {len(deal.assessments)} assessments, "
        f"{len(deal.interactions)} interactions, {len(deal.relations)} relations, "
        f"{len(text.encode()) / 1e6:.1f} MB, {len(analyze(deal).findings)} findings"
    )
    print(
        f"analyze / json.loads     {f['analyze'] / f['loads']:.2f}x  ({ms['analyze']:.0f} / {ms['loads']:.0f} ms, GC on; target <= 1.0)"
    )
    print(
        f"  with the GC off        {f['analyze_nogc'] / f['loads_nogc']:.2f}x  ({ms['analyze_nogc']:.0f} / {ms['loads_nogc']:.0f} ms)"
    )
    print(
        f"analyze peak memory      {f['peak'] / 1e6:.1f} MB (tracemalloc); process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )
    print(
        f"CLI / bare json.load     {f['cli'] / f['bare']:.2f}x  ({ms['cli']:.0f} / {ms['bare']:.0f} ms; target <= 2.0)"
    )
    print(
        f"  CLI phases (GC off)    imports {ms['start_up'] - ms['just_json']:.0f} ms, "
        f"parse (orjson) {ms['parse_nogc']:.0f} ms, validation {ms['validate_nogc']:.0f} ms, "
        f"analyze {ms['analyze_nogc']:.0f} ms, JSON output {ms['output_nogc']:.0f} ms"
    )


if __name__ == "__main__":
    main()
