"""Bulk import and export: `dealmap import`, `dealmap export`, `dealmap template`.

`dealmap import FILE.xlsx|FILE.csv [--dry-run]` checks the whole file first (a progress bar on
stderr), prints what would be created or updated, and then stores it in one transaction. Any problem:
every one listed by sheet, row and column on stderr, exit status 2, nothing stored.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from dealmap.cli.db import DEFAULT_LANG, LANG_OPTION, _owner, collided, ensure_database, write_output
from dealmap.cli.helptext import add_command
from dealmap.method.codes import Text

FORMATS = ("xlsx", "pptx", "json")

LANG = Text("语言：zh（中文）或 en（英文）。", "Language: zh or en.")
OUTPUT = Text("要写入的文件。", "File to write.")
FORCE = Text("文件已存在时替换它。", "Replace the file if it exists.")
HELP = {
    "import": Text(
        "从 Excel 或 CSV 文件批量导入数据。\n\n"
        "可导入客户、商机、联系人、商机角色、关系、态度评估和接触记录。"
        "先检查整个文件；只要有问题，就按工作表、行、列逐条列出，退出状态为 2，什么都不保存。",
        "Import accounts, deals, people, parts, relations, assessments and interactions from Excel or CSV.\n\n"
        "The whole file is checked first; any problem is listed by sheet, row and column, exit status 2, "
        "nothing stored.",
    ),
    "import.file": Text(
        "Excel 工作簿（.xlsx），或只含一张表的 .csv 文件。", "The workbook (.xlsx) or a one-sheet .csv."
    ),
    "import.dry_run": Text("只检查并预览，不保存任何数据。", "Check and preview only; store nothing."),
    "import.owner": Text("导入的客户归谁负责（用户名）。", "Username who owns the imported accounts."),
    "import.lang": LANG,
    "export": Text(
        "导出一个或全部商机：Excel 工作簿、客户回顾 PPT 或商机文件。",
        "Export a deal (or a portfolio) as a workbook, an account-review deck or a deal file.",
    ),
    "export.deal_id": Text(
        "商机的 id；写 all 则导出负责人能看到的全部商机（仅限 xlsx）。",
        "The deal's id, or 'all' for every deal the owner sees (xlsx).",
    ),
    "export.format": Text(
        "导出格式：xlsx、pptx 或 json；不写时按 -o 文件的扩展名，否则为 xlsx。",
        "xlsx, pptx or json; by default the -o file's extension, else xlsx.",
    ),
    "export.output": OUTPUT,
    "export.force": FORCE,
    "export.owner": Text(
        "只导出此用户能看到的商机；用 all 时默认为唯一的用户。",
        "Only deals this user sees (with 'all', default: the only user).",
    ),
    "export.lang": LANG,
    "template": Text(
        "生成导入模板（.xlsx）。\n\n模板里有一页填写说明，以及七张带下拉选项和示例行的工作表。",
        "Write the import template (.xlsx): a guide, seven sheets with drop-downs and example rows.",
    ),
    "template.output": OUTPUT,
    "template.force": FORCE,
    "template.lang": LANG,
}


def _fail(text: Text, lang: str, code: int = 2) -> None:
    typer.echo(text.get(lang), err=True)
    raise typer.Exit(code)


class _Bar:
    """A rich progress bar per phase and sheet, on stderr; silent when stderr is not a terminal."""

    def __init__(self, lang: str):
        self.console = Console(stderr=True)
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=self.console,
            transient=True,
            disable=not self.console.is_terminal,
        )
        self.tasks: dict[str, int] = {}
        self.lang = lang

    def __enter__(self):
        self.progress.__enter__()
        return self

    def __exit__(self, *exc):
        return self.progress.__exit__(*exc)

    def __call__(self, sheet: str, done: int, total: int) -> None:
        task = self.tasks.get(sheet)
        if task is None:
            task = self.tasks[sheet] = self.progress.add_task(self._label(sheet), total=total)
        self.progress.update(task, completed=done, total=max(total, done))

    def _label(self, sheet: str) -> str:
        from dealmap.interchange.sheets import SHEET_BY_KEY

        phase, _, key = sheet.rpartition(":")
        name = SHEET_BY_KEY[key].name(self.lang) if key in SHEET_BY_KEY else key
        verb = {"zh": ("检查", "写入"), "en": ("checking", "storing")}[self.lang][phase == "commit"]
        return f"{verb} {name}"


def _counts_table(plan, lang: str) -> Table:
    from dealmap.interchange.sheets import SHEETS

    heads = {
        "zh": ("工作表", "新建", "更新", "无变化"),
        "en": ("Sheet", "Create", "Update", "Unchanged"),
    }[lang]
    table = Table(*heads)
    for sheet in SHEETS:
        c = plan.counts[sheet.key]
        if c.created or c.updated or c.unchanged:
            table.add_row(sheet.name(lang), str(c.created), str(c.updated), str(c.unchanged))
    return table


def import_file(
    file: Annotated[Path, typer.Argument(metavar="FILE")],
    dry_run: Annotated[bool, typer.Option("--dry-run")] = False,
    owner: Annotated[str | None, typer.Option()] = None,
    lang: LANG_OPTION = DEFAULT_LANG,
) -> None:
    """Import accounts, deals, people, parts, relations, assessments and interactions from Excel or CSV."""
    from dealmap.interchange.xlsx import FileRejected, ImportFailed, Source, format_issues

    try:
        source = Source(file)
    except FileRejected as exc:
        _fail(exc.reason, lang)
    except OSError as exc:
        from dealmap.interchange.dealfile import os_reason

        reason = os_reason(exc)
        _fail(Text(f"无法读取文件 {file}：{reason.zh}", f"cannot read {file}: {reason.en}"), lang)
    ensure_database()
    from django.db import DatabaseError

    from dealmap.web.imports.services import workbook_import, workbook_preview

    user = _owner(owner, lang)
    out = Console()
    try:
        with _Bar(lang) as bar:
            plan = workbook_preview(source=source, owner=user, progress=bar)
        if not plan.ok:
            raise ImportFailed(plan.issues)
        out.print(_counts_table(plan, lang))
        created, updated, unchanged = _totals(plan)
        if dry_run:
            typer.echo(Text("试运行：未写入任何数据", "dry run: nothing stored").get(lang))
            return
        if not created and not updated:
            typer.echo(
                Text(
                    f"文件中的 {unchanged} 行都与已保存的数据相同：不需要导入，未写入任何数据",
                    f"{_rows(unchanged, every=True)} match what is stored: nothing to import, nothing stored",
                ).get(lang)
            )
            return
        with _Bar(lang) as bar:
            plan = workbook_import(source=source, owner=user, progress=bar, filename=Path(file).name)
    except FileRejected as exc:
        _fail(exc.reason, lang)
    except DatabaseError as exc:
        collided(exc, lang)
    except ImportFailed as exc:
        typer.echo(format_issues(exc.issues, lang), err=True)
        count = len(exc.issues)
        problems = "1 problem" if count == 1 else f"{count} problems"
        _fail(Text(f"共 {count} 处错误，未写入任何数据", f"{problems}; nothing stored"), lang)
    typer.echo(
        Text(
            f"已导入：新建 {created} 行，更新 {updated} 行，{unchanged} 行无变化",
            f"imported: {_rows(created)} created, {updated} updated, {unchanged} unchanged",
        ).get(lang)
    )
    for pk, account, name in plan.deals:  # for `dealmap export ID` and `export-deal ID`
        typer.echo(Text(f"商机 {pk}：", f"deal {pk}: ").get(lang) + f"{account} · {name}")


def _totals(plan) -> tuple[int, int, int]:
    """Rows created, updated and unchanged over every sheet."""
    counts = plan.counts.values()
    return sum(c.created for c in counts), sum(c.updated for c in counts), sum(c.unchanged for c in counts)


def _rows(count: int, *, every: bool = False) -> str:
    """ "1 row" / "3 rows" in English; with ``every``, "the file's one row" / "all 3 rows"."""
    if count == 1:
        return "the file's one row" if every else "1 row"
    return f"all {count} rows" if every else f"{count} rows"


def export(
    deal_id: Annotated[str, typer.Argument(metavar="ID|all")],
    format: Annotated[str | None, typer.Option("--format", "-f", metavar="xlsx|pptx|json")] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output")] = None,
    owner: Annotated[str | None, typer.Option()] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    lang: LANG_OPTION = DEFAULT_LANG,
) -> None:
    """Export a deal (or a portfolio) as a workbook, an account-review deck or a deal file."""
    named = output.suffix.lower().lstrip(".") if output is not None else ""
    if format is None and named and named not in FORMATS:
        _fail(
            Text(
                f"输出文件 {output.name} 的扩展名不是 .xlsx、.pptx 或 .json：请改用这三种之一，或用 --format 指明格式",
                f"the output file {output.name} does not end in .xlsx, .pptx or .json: use one of them, "
                "or name the format with --format",
            ),
            lang,
        )
    if format is None:
        format = named if named in FORMATS else "xlsx"
    if format not in FORMATS:
        _fail(Text("--format 必须是 xlsx、pptx 或 json", "--format must be xlsx, pptx or json"), lang)
    if named in FORMATS and named != format:
        _fail(
            Text(
                f"--format {format} 与输出文件名 {output.name} 的扩展名不一致",
                f"--format {format} does not match the output file's extension ({output.name})",
            ),
            lang,
        )
    if deal_id != "all" and not (deal_id.isascii() and deal_id.isdigit()):
        _fail(Text("商机 id 必须是数字或 all", "the deal id must be a number or 'all'"), lang)
    if deal_id == "all" and format != "xlsx":
        _fail(Text("all 只能导出为 xlsx", "'all' exports to xlsx only"), lang)
    ensure_database()
    from dealmap.web.imports.exports import (
        accounts_for_export,
        deal_file,
        deals_for_export,
        deck_bytes,
        workbook_bytes,
    )

    accounts = []
    if deal_id == "all":
        user = _owner(owner, lang)
        deals, accounts = deals_for_export(user=user), accounts_for_export(user=user)
    elif owner is None:
        deals = deals_for_export(pk=int(deal_id))
        if not deals:
            _fail(Text(f"没有 id 为 {deal_id} 的商机", f"no deal with id {deal_id}"), lang)
    else:  # a named owner must exist, be active and see the deal: an --owner is never ignored
        deals = deals_for_export(pk=int(deal_id), user=_owner(owner, lang))
        if not deals:
            _fail(
                Text(
                    f"用户 '{owner}' 看不到 id 为 {deal_id} 的商机（或没有这个商机）",
                    f"user '{owner}' sees no deal with id {deal_id}",
                ),
                lang,
            )
    if format == "json":
        data = (json.dumps(deal_file(deals[0]), ensure_ascii=False, indent=2) + "\n").encode()
    elif format == "xlsx":
        data = workbook_bytes(deals, lang=lang, accounts=accounts)
    else:
        data = deck_bytes(deals[0], lang=lang)
    if output is None and format == "json":
        sys.stdout.buffer.write(data)
        return
    target = output or Path(f"deal-{deal_id}.{format}")
    write_output(target, data, lang, force=force)
    typer.echo(str(target))


def template(
    output: Annotated[Path, typer.Option("-o", "--output")] = Path("dealmap-template.xlsx"),
    force: Annotated[bool, typer.Option("--force")] = False,
    lang: LANG_OPTION = DEFAULT_LANG,
) -> None:
    """Write the import template (.xlsx): a guide, seven sheets with drop-downs and example rows."""
    from dealmap.interchange.xlsx import template_workbook

    write_output(output, template_workbook(lang), lang, force=force)
    typer.echo(str(output))


def register(app: typer.Typer, lang: str) -> None:
    """Add the import/export commands to the `dealmap` app, their help in `lang`."""
    add_command(app, "import", import_file, HELP, lang)
    add_command(app, "export", export, HELP, lang)
    add_command(app, "template", template, HELP, lang)
