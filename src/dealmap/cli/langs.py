"""The language a command speaks when its --lang is not given (no typer here: a plain `dealmap
analyze` runs without importing it)."""

from __future__ import annotations

import os
from collections.abc import Mapping

from dealmap.method.codes import LANGS


def output_lang(environ: Mapping[str, str] = os.environ) -> str:
    """What a command's --lang defaults to: `DEALMAP_LANG` if it is zh or en, else zh.

    Unlike the help, the locale plays no part: a report is in Chinese unless someone asked for
    English (`--lang en`, or DEALMAP_LANG=en for every command)."""
    chosen = environ.get("DEALMAP_LANG", "")
    return chosen if chosen in LANGS else "zh"
