"""How people take change (ch1.s2) and how to pitch to each style."""

from __future__ import annotations

from dealmap.method.codes import Text
from dealmap.method.strategies import Point

CHANGE_STYLE_TACTICS: dict[str, Point] = {
    "novelty": Point(
        Text(
            "讲新思路、新技术，邀请他做首批试点。",
            "Talk new ideas and technology; invite them to pilot first.",
        ),
        "ch1.s2 第一",
    ),
    "conservative": Point(
        Text(
            "强调平滑过渡、改变最少、分步实施，可以随时回退。",
            "Stress a smooth transition, minimal change, step-by-step roll-out, a way back.",
        ),
        "ch1.s2 第二",
    ),
    "steady": Point(
        Text(
            "拿成熟案例和稳定运行数据说话，讲清风险如何控制。",
            "Use proven cases and stable operating data; show how risk is controlled.",
        ),
        "ch1.s2 第三",
    ),
    "speed": Point(
        Text(
            "突出见效快、周期短，给出明确的时间表。",
            "Stress quick results and a short cycle, with a firm timetable.",
        ),
        "ch1.s2 第四",
    ),
}
