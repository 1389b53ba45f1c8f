"""Benchmark the signals reader: notes per second on one core, and time to first answer.

Run: .venv/bin/python bench/signals.py [--seconds N]
Prints figures, not pass/fail; the targets are ≥ 2,000 notes/s and < 2 s to the first answer.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

FIRST_ANSWER = (
    "import time; t = time.perf_counter(); "
    "from dealmap.signals import read_note; read_note('拜访采购孙经理,他说你们来得太晚了,已经定了'); "
    "print(time.perf_counter() - t)"
)


def pin_to_one_core() -> None:
    """Run on a single CPU where the platform allows it."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def notes_per_second(seconds: float) -> tuple[float, int]:
    """Read the corpus notes over and over for about `seconds`; returns (rate, notes read)."""
    from dealmap.signals import corpus, read_note

    texts = [r.text for p in (corpus.TRAIN, corpus.HELDOUT) for r in corpus.load(p)]
    read_note(texts[0])  # load the model outside the timed loop
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for text in texts:
            read_note(text)
        done += len(texts)
    return done / (time.perf_counter() - start), done


def first_answer() -> tuple[float, float]:
    """A fresh interpreter: (seconds from import to first answer, wall seconds incl. start-up)."""
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", FIRST_ANSWER], capture_output=True, text=True, check=True)
    return float(out.stdout.strip()), time.perf_counter() - start


def long_text_growth() -> tuple[float, float]:
    """Seconds to read one unbroken 5,000- and 50,000-character note (no punctuation: one clause).

    The ratio should stay near 10 (linear); a reader that compares every cue with every other cue
    of a clause showed ~100 (a 20,000-character line took 24 s from the command line).
    """
    from dealmap.signals import read_note

    unit = "价格太高但技术不错he is not interested"
    times = []
    for size in (5_000, 50_000):
        text = (unit * (size // len(unit) + 1))[:size]
        start = time.perf_counter()
        read_note(text)
        times.append(time.perf_counter() - start)
    return times[0], times[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    pin_to_one_core()
    rate, done = notes_per_second(args.seconds)
    loads = sorted(first_answer() for _ in range(3))
    load, wall = loads[1]
    print(f"notes/second (1 core): {rate:,.0f}  ({done:,} notes)   target ≥ 2,000")
    print(
        f"first answer: {load:.3f} s after import starts, {wall:.3f} s wall with interpreter start-up   target < 2 s"
    )
    short, long = long_text_growth()
    print(
        f"one unbroken note, 50,000 / 5,000 characters: {long / short:.1f}x  ({long:.2f} / {short:.3f} s)"
        "   linear ≈ 10x"
    )


if __name__ == "__main__":
    main()
