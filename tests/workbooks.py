"""Building small workbooks in tests (on pytest's path through `pythonpath` in pyproject.toml)."""

from __future__ import annotations

import io

from openpyxl import Workbook


def book_bytes(sheets: dict[str, list[list]]) -> bytes:
    """An .xlsx file with one sheet per entry, its rows in order."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
