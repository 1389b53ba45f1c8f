"""A deal's amount of money: what every entry point takes, so that both databases hold it exactly.

The amount column is ``DECIMAL(18, 2)``. PostgreSQL keeps such a value exactly; SQLite keeps it as a
binary double and gives back 15 significant digits. So an amount has at most 2 decimal places
(:data:`AMOUNT_PLACES`) and is below 10^13 (:data:`AMOUNT_LIMIT`: 13 whole digits and 2 decimals
are 15 digits); a third decimal or a larger number would come back changed, and is refused.

A JSON or spreadsheet number arrives as a binary double: it is read as its shortest decimal
spelling (``repr``), which is what was written (``1.005`` is 1.005, not 1.00499999…). No
``decimal`` import here: the deal-file reader is on the start-up path of ``dealmap analyze``.
"""

from __future__ import annotations

from typing import Any

from dealmap.method.codes import Text

#: Most decimal places an amount has (cents).
AMOUNT_PLACES = 2
#: Every amount is below this: 15 significant digits with the decimals, what SQLite keeps exactly.
AMOUNT_LIMIT = 10**13

NEGATIVE = Text("不能为负数", "must not be negative")
TOO_LARGE = Text(
    f"必须小于 {AMOUNT_LIMIT:,}\uff0810 万亿\uff09", f"must be less than {AMOUNT_LIMIT:,} (10 trillion)"
)
TOO_PRECISE = Text(
    f"最多只能有 {AMOUNT_PLACES} 位小数（精确到分）",
    f"may have at most {AMOUNT_PLACES} decimal places (cents)",
)


def amount_problem(value: Any) -> Text | None:
    """What is wrong with a finite amount (an int, a float or a Decimal), or None.

    Negative, 10^13 or more, or finer than a cent: a float by its shortest spelling, so ``0.1``
    is one decimal and ``1.005`` three.
    """
    if value < 0:
        return NEGATIVE
    if value >= AMOUNT_LIMIT:
        return TOO_LARGE
    if isinstance(value, int):
        return None
    # A float below 10^13 is written with an exponent only when it is below 10^-4 (and not 0):
    # finer than a cent. A Decimal's "f" format is exact.
    text = repr(value) if isinstance(value, float) else format(value, "f")
    if "e" in text or len(text.partition(".")[2].rstrip("0")) > AMOUNT_PLACES:
        return TOO_PRECISE
    return None
