"""The floor to beat: match only a handful of the course's own key phrases, nothing learned.

Each level, need, department and signal is recognised by a few short key terms of the
course (its labels and the gist of its typical words); the first level phrase found wins.
"""

from __future__ import annotations

from dealmap.method.codes import SIGNALS
from dealmap.signals.reader import Reading

_LEVEL = {
    4: ("坚决拥护", "只接受", "排斥"),
    3: ("大力支持", "内部销售", "内部关系"),
    2: ("表示支持", "支持"),
    1: ("产生兴趣", "兴趣", "深入了解"),
    0: ("一视同仁", "现在还早", "统一招标", "中立"),
    -1: ("毫无兴趣", "来得太晚", "定下来", "资料先放", "没有采购计划", "没必要改变", "同质化"),
    -2: ("负面评价", "不认可", "班门弄斧"),
    -3: ("当众抵制", "封锁信息", "透露给竞争者"),
    -4: ("势不两立", "你死我活"),
}
_NEED = {
    "safety": ("职位安全", "不承担风险", "推迟采购", "随大流", "避嫌", "公事公办", "一视同仁"),
    "belonging": ("与高层", "领导的赏识", "平衡内部关系"),
    "esteem": ("证明自己", "老供应商", "立威", "服从"),
    "self_actualization": ("业务突破", "市场地位", "功成名就"),
}
_DEPARTMENT = {
    "executive": ("大方向", "未来", "同行", "社会认可", "专家", "决策层"),
    "purchasing": ("降价", "多品项", "成本", "交期", "现货", "品牌", "成功案例", "采购"),
    "technical": ("先进", "稳定", "兼容", "认证", "证书", "技术"),
    "user": ("使用习惯", "现有资源", "损耗", "人工成本", "使用部门"),
    "finance": ("预算", "付款", "财务"),
    "other": ("其他",),
}


def read_baseline(text: str) -> Reading:
    """Phrase-only reading of a note (no negation, no learning)."""
    low = text.lower()
    level = next((lv for lv, ps in _LEVEL.items() if any(p in low for p in ps)), None)
    need = next((n for n, ps in _NEED.items() if any(p in low for p in ps)), None)
    departments = tuple(d for d, ps in _DEPARTMENT.items() if any(p in low for p in ps))
    signals = tuple(s.code for s in SIGNALS if s.label.zh in low or s.label.en.lower() in low)
    return Reading(
        level=level,
        confidence=1.0 if level is not None else 0.0,
        need=need,
        departments=departments,
        signals=signals,
    )
