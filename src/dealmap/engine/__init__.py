"""Pure analysis of a deal: plain dataclasses in, a report out. No Django, no I/O.

report = analyze(deal, as_of=date(2026, 11, 27))
change = what_if(deal, {"p1": 2}, as_of=date(2026, 11, 27))
data = report_to_dict(report)
"""

from dealmap.engine.analysis import analyze, what_if
from dealmap.engine.jsonout import REPORT_FORMAT, report_to_dict
from dealmap.engine.report import Action, Finding, PersonView, Report, Score, WhatIf
from dealmap.engine.rules import DEFAULT_RULES, Rules

__all__ = [
    "DEFAULT_RULES",
    "REPORT_FORMAT",
    "Action",
    "Finding",
    "PersonView",
    "Report",
    "Rules",
    "Score",
    "WhatIf",
    "analyze",
    "report_to_dict",
    "what_if",
]
