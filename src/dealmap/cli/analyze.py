"""Placeholder until this area's commands land."""

import typer


def register(app: typer.Typer) -> None:
    return None
