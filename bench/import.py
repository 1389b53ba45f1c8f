"""Import speed: a 50,000-row people sheet, checked by DealMap vs. read by openpyxl alone.

Prints the time of DealMap's import check (parse every cell, validate, cross-check references:
the pass that decides whether a file can be stored) divided by openpyxl's own read-only pass over
the same file (target: at most 2), and the peak Python memory of the check at two row counts and
their ratio (target: flat — the reader streams, and the names and keys kept for cross-references
live in the check's temporary SQLite file, whose page cache is capped).

    python bench/import.py [--rows 50000] [--small 10000]
"""

from __future__ import annotations

import argparse
import gc
import io
import time
import tracemalloc

from openpyxl import Workbook, load_workbook

from dealmap.interchange.xlsx import Source, scan

LAYERS = ("决策层", "管理层", "执行层")
DEPARTMENTS = ("采购部", "技术部", "使用部门", "财务部")


def people_book(rows: int) -> bytes:
    book = Workbook(write_only=True)
    accounts = book.create_sheet("客户")
    accounts.append(["客户名称", "行业"])
    for a in range(10):
        accounts.append([f"客户{a}", "制造"])
    people = book.create_sheet("人员")
    people.append(
        ["客户名称", "编号", "姓名", "职务", "层级", "部门", "汇报对象", "个人需求", "变革风格", "备注"]
    )
    for i in range(rows):
        boss = f"联系人{i - 1:06d}" if i % 10 else None  # every tenth starts a new reporting line
        people.append(
            [
                f"客户{i % 10}",
                None,
                f"联系人{i:06d}",
                "工程师",
                LAYERS[i % 3],
                DEPARTMENTS[i % 4],
                boss if boss and (i - 1) % 10 == i % 10 else None,
                "安全需求" if i % 2 else None,
                "追求稳健",
                f"第 {i} 行备注",
            ]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def openpyxl_pass(data: bytes) -> int:
    book = load_workbook(io.BytesIO(data), read_only=True)
    count = 0
    for ws in book.worksheets:
        for _ in ws.iter_rows(values_only=True):
            count += 1
    book.close()
    return count


def dealmap_pass(data: bytes) -> int:
    plan = scan(Source(data))
    assert plan.ok, plan.issues[:3]
    return plan.rows


def best_of(runs: int, fn, data: bytes) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        started = time.perf_counter()
        fn(data)
        times.append(time.perf_counter() - started)
    return min(times)


def peak_mib(fn, data: bytes) -> float:
    gc.collect()
    tracemalloc.start()
    fn(data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", nargs="?", type=int, help="same as --rows")
    parser.add_argument("--rows", dest="rows_opt", type=int, default=50_000, help="people rows timed")
    parser.add_argument("--small", type=int, help="the smaller size for memory (default rows / 5)")
    args = parser.parse_args()
    rows = args.rows or args.rows_opt
    small = args.small or rows // 5
    data = people_book(rows)
    base = best_of(2, openpyxl_pass, data)
    ours = best_of(2, dealmap_pass, data)
    print(f"people sheet: {rows:,} rows, {len(data) / 2**20:.1f} MiB xlsx")
    print(f"openpyxl read-only pass: {base:.2f} s")
    print(f"DealMap import check:    {ours:.2f} s")
    print(f"ratio (target <= 2):     {ours / base:.2f}")
    print("peak Python memory (tracemalloc), rows -> openpyxl pass / DealMap check:")
    peaks, bases = [], []
    for n in (small, rows):
        sample = data if n == rows else people_book(n)
        peaks.append(peak_mib(dealmap_pass, sample))
        bases.append(peak_mib(openpyxl_pass, sample))
        print(f"  {n:>7,}: {bases[-1]:6.1f} MiB / {peaks[-1]:6.1f} MiB")
    own = [max(p - b, 0.01) for p, b in zip(peaks, bases, strict=True)]
    print(f"DealMap's own part (check - openpyxl pass): {own[0]:.1f} MiB / {own[1]:.1f} MiB")
    print(f"  ratio {rows:,} vs {small:,} rows (target: flat, <= 1.5): {own[1] / own[0]:.2f}x")
    print(
        f"  whole check: {peaks[1] / peaks[0]:.2f}x (openpyxl's own shared strings: {bases[1] / bases[0]:.2f}x)"
    )


if __name__ == "__main__":
    main()
