"""The `dealmap` command. Each area registers its own sub-commands on one typer app."""

from __future__ import annotations

import typer

from dealmap.cli import admin, analyze, db, signals, transfer

app = typer.Typer(
    name="dealmap",
    help="DealMap (大客户决策地图): map a key account's buying group and know what to do next.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for module in (db, analyze, signals, transfer, admin):
    module.register(app)


def main() -> None:
    app()
