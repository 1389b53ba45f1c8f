"""`dealmap analyze FILE|-`: analyse a deal file without any server or database.

Prints a readable report (rich tables, zh by default, critical findings first) or, with
`--json`, the `dealmap-report/1` object. A file that breaks the contract prints every problem
by JSON path to standard error and exits with status 2.
"""

from __future__ import annotations

import gc
import sys
from datetime import date

import orjson

from dealmap.cli.langs import output_lang
from dealmap.method.codes import LANGS, Text


def bad_lang(value: str) -> Text:
    """The words of typer's usage error for a bad --lang (the other commands' own)."""
    return Text(
        f"'--lang' 的值不对：只能是 zh 或 en，不能是 {value!r}。",
        f"Invalid value for '--lang': must be zh or en, not {value!r}",
    )


def bad_date(option: str, value: str) -> Text:
    return Text(
        f"{option} 必须是 YYYY-MM-DD 格式的日期（如 2027-01-31），不能是 {value!r}",
        f"{option} must be a date as YYYY-MM-DD (e.g. 2027-01-31), not {value!r}",
    )


HELP = {
    "analyze": Text(
        "分析商机：找出问题，给出每个人的应对策略。\n\n问题按严重程度排列（严重的在前），另附每个人的策略、加权支持度和态势分。",
        "Analyse a deal: findings (critical first), each person's strategy, balance and position score.",
    ),
    "analyze.file": Text(
        "dealmap/1 格式的商机文件；写 - 则从标准输入读取。", "A dealmap/1 deal file, or - for standard input."
    ),
    "analyze.as_json": Text(
        "输出 dealmap-report/1 格式的 JSON，而不是表格。",
        "Print the dealmap-report/1 JSON instead of tables.",
    ),
    "analyze.lang": Text(
        "报告的语言：zh（中文）或 en（英文）。", "Language of the readable report: zh or en."
    ),
    "analyze.as_of": Text(
        "分析日期：默认用文件里的日期，没有就用今天。",
        "Analysis date (default: the file's, else today).",
    ),
}


def register(app, lang: str) -> None:
    """Add the `analyze` command to the `dealmap` app, its help in `lang`."""
    # typer is imported here, not at the top, so that `dealmap.cli.main` can run a plain
    # `dealmap analyze FILE --json` through `run` without importing typer (and the pydantic it
    # pulls in): about a fifth of that command's time on a large file (bench/engine.py).
    import typer

    from dealmap.cli.helptext import add_command

    def analyze(
        file: str = typer.Argument(..., metavar="FILE|-"),
        as_json: bool = typer.Option(False, "--json"),
        lang: str = typer.Option(output_lang(), "--lang", metavar="zh|en"),
        as_of: str | None = typer.Option(None, "--as-of", metavar="YYYY-MM-DD"),
    ) -> None:
        run(file, as_json=as_json, lang=lang, as_of=as_of)

    add_command(app, "analyze", analyze, HELP, lang)


def run(file: str, *, as_json: bool = False, lang: str | None = None, as_of: str | None = None) -> tuple:
    """The command itself; a bad option or file exits with status 2 (SystemExit).

    Returns the deal and the report, for a caller that exits without freeing them. ``lang``
    defaults to DEALMAP_LANG (zh or en), else zh.
    """
    if lang is None:
        lang = output_lang()
    if lang not in LANGS:
        _fail(bad_lang(lang), output_lang())  # the language asked for is unknown: the default's
    from dealmap.cli import frame

    frame.speak(lang)
    day = None if as_of is None else parse_day(as_of, "--as-of", lang)
    # A deal file is one large acyclic tree: cyclic GC passes over it only cost time (bench/engine.py).
    # Off before the imports too, which make tens of thousands of objects that stay.
    collecting = gc.isenabled()
    gc.disable()
    try:
        from dealmap.engine import analyze as run_analysis
        from dealmap.interchange.dealfile import DealFileError, format_problems, read_deal_file

        try:
            deal = read_deal_file(file, repeats=False)  # stores nothing; see loads_deal
        except DealFileError as exc:
            _fail_with(format_problems(exc.problems, lang))
        report = run_analysis(deal, as_of=day)
        if as_json:
            _print_json(report)
        else:
            _print_tables(deal, report, lang)
        return deal, report
    finally:
        if collecting:
            gc.enable()


def parse_day(text: str, option: str, lang: str) -> date:
    """The date `text` written exactly as YYYY-MM-DD in ASCII digits; else a usage error naming
    `option` (exit status 2). `date.fromisoformat` alone would also take 2027-W01-1 or 20270101."""
    digits = text[:4] + text[5:7] + text[8:]
    if len(text) == 10 and text[4] == text[7] == "-" and digits.isascii() and digits.isdigit():
        try:
            return date.fromisoformat(text)
        except ValueError:  # 2026-13-01, 2026-02-30
            pass
    _fail(bad_date(option, text), lang)
    raise AssertionError("unreachable: _fail exits")


def _print_json(report) -> None:
    from dealmap.engine import report_to_dict

    # orjson writes the 7 MB report of the bench file (bench/engine.py) in a tenth of json's time,
    # straight to UTF-8: one write, not the text layer's piecemeal encoding.
    pretty = orjson.OPT_INDENT_2 if sys.stdout.isatty() else 0
    data = orjson.dumps(report_to_dict(report), option=pretty | orjson.OPT_APPEND_NEWLINE)
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _fail(text: Text, lang: str):
    _fail_with(text.get(lang))


def _fail_with(message: str):
    print(message, file=sys.stderr)
    raise SystemExit(2)


# -- readable report ------------------------------------------------------------------------

HEADINGS = {
    "findings": Text("发现的问题（严重的在前）", "Findings (critical first)"),
    "people": Text("联系人与策略", "People and strategy"),
    "actions": Text("逐人行动建议", "Actions per person"),
    "severity": Text("严重度", "Severity"),
    "code": Text("代码", "Code"),
    "about": Text("对象", "About"),
    "message": Text("说明", "What we see"),
    "action": Text("建议", "What to do"),
    "rule": Text("依据", "Course"),
    "person": Text("联系人", "Person"),
    "level": Text("态度", "Attitude"),
    "group": Text("分组", "Group"),
    "strategy": Text("策略", "Strategy"),
    "weight": Text("权重", "Weight"),
    "reached_by": Text("可借助的支持者", "Reached by supporters"),
    "score": Text("态势分", "Position score"),
    "balance": Text("加权支持度 B", "Weighted balance B"),
    "as_of": Text("分析日期", "As of"),
    "deal_wide": Text("全局", "deal-wide"),
    "none": Text("没有发现问题。", "No findings."),
}
PART_LABELS = {
    "balance": Text("支持度", "balance"),
    "coverage": Text("覆盖", "coverage"),
    "champion_coach": Text("支持者与内线", "champion/coach"),
    "freshness": Text("新鲜度", "freshness"),
}
SEVERITY_STYLE = {"critical": "bold red", "warning": "yellow", "info": "cyan"}


def _print_tables(deal, report, lang: str) -> None:
    """The readable report. Every text from the deal file (names, titles, objections, and the
    findings that quote them) goes through `_plain`, so "[bold]" or "王[/]五" prints as written."""
    from rich.console import Console

    console = Console(highlight=False)
    console.print(_headline(deal, report, lang))
    console.print(_findings_table(deal, report, lang))
    console.print(_people_table(deal, report, lang))
    console.print(_actions_table(deal, report, lang))


def _h(key: str, lang: str) -> str:
    return HEADINGS[key].get(lang)


def _plain(text: str) -> str:
    """User text as rich markup that prints exactly that text."""
    from rich.markup import escape

    return escape(text)


def _headline(deal, report, lang: str):
    from rich.panel import Panel

    parts = " · ".join(f"{PART_LABELS[k].get(lang)} {v:g}" for k, v in report.score.parts.items())
    body = (
        f"[bold]{_plain(deal.account.name)}[/bold] · {_plain(deal.opportunity.name)}\n"
        f"{_h('as_of', lang)}: {report.as_of.isoformat()}    "
        f"{_h('balance', lang)}: {report.balance:+.4f}\n"
        f"[bold]{_h('score', lang)}: {report.score.value}/100[/bold]  ({parts})"
    )
    return Panel(body, expand=False)


def _findings_table(deal, report, lang: str):
    from rich.table import Table

    from dealmap.method.codes import SEVERITIES
    from dealmap.method.outline import rule_label

    table = Table(title=_h("findings", lang), show_lines=True, title_justify="left")
    table.add_column(_h("severity", lang), no_wrap=True)
    table.add_column(_h("about", lang))
    table.add_column(f"{_h('message', lang)} → {_h('action', lang)}", overflow="fold")
    for f in report.findings:
        severity = f"[{SEVERITY_STYLE[f.severity]}]{SEVERITIES.label(f.severity, lang)}[/]"
        body = f"{_plain(f.message.get(lang))}\n→ {_plain(f.action.get(lang))}\n[dim]{f.code} · {rule_label(f.rule, lang)}[/dim]"
        table.add_row(severity, _plain(_subject(deal, f, lang)), body)
    if not report.findings:
        table.add_row("", "", _h("none", lang))
    return table


def _subject(deal, finding, lang: str) -> str:
    """Whom a finding is about: a department when it names one and no person (a person's id may
    also be a department's code), else the person, else the deal as a whole."""
    from dealmap.method.codes import DEPARTMENTS

    subject = finding.subject
    if subject in finding.departments and subject not in finding.stakeholders and subject in DEPARTMENTS:
        return DEPARTMENTS.label(subject, lang)
    for person in deal.stakeholders:
        if person.id == subject:
            return person.name
    if subject in DEPARTMENTS:
        return DEPARTMENTS.label(subject, lang)
    return _h("deal_wide", lang)


def _people_table(deal, report, lang: str):
    from rich.table import Table

    from dealmap.method.codes import GROUPS, STRATEGIES
    from dealmap.method.levels import level_text

    table = Table(title=_h("people", lang), title_justify="left")
    for key in ("person", "level", "group", "strategy", "weight", "reached_by"):
        table.add_column(_h(key, lang), overflow="fold")
    names = {p.id: p.name for p in deal.stakeholders}
    for p in report.people:
        table.add_row(
            f"{_plain(p.name)} [dim]{_plain(p.id)}[/dim]",
            level_text(p.level).get(lang),
            GROUPS.label(p.group, lang),
            STRATEGIES.label(p.strategy, lang),
            str(p.weight),
            _plain(", ".join(names.get(i, i) for i in p.influenced_by)),
        )
    return table


def _actions_table(deal, report, lang: str):
    from rich.table import Table

    from dealmap.method.outline import rule_label

    table = Table(title=_h("actions", lang), show_lines=True, title_justify="left")
    table.add_column(_h("person", lang))
    table.add_column(_h("action", lang), overflow="fold")
    for p in report.people:
        lines = "\n".join(
            f"{n}. {_plain(a.text.get(lang))} [dim]({rule_label(a.rule, lang)})[/dim]"
            for n, a in enumerate(p.actions, 1)
        )
        table.add_row(_plain(p.name), lines)
    return table
