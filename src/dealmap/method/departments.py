"""What each layer and department of the customer cares about (ch2), as talking points.

Talking points are ordered by priority: the tool proposes at most the first three, because
the course says to show only the advantages that meet *their* need (ch2.s3 第四).
Finance and the execution layer are not filled in by the course; their entries are what a
seasoned key-account seller expects (marked "added" in the methodology).
"""

from __future__ import annotations

from dealmap.method.codes import Text
from dealmap.method.strategies import Point

#: At most this many talking points per person (ch2.s3 第四 二: the key points, not everything).
MAX_TALKING_POINTS = 3

#: What each layer pays attention to (ch1.s1 第二; execution layer added).
LAYER_FOCUS: dict[str, Point] = {
    "decision": Point(
        Text(
            "决策层看组织利益和管理平衡：方向、未来、收益、风险、同行与社会认可，以及各方意见。",
            "The decision layer weighs organisational interest and management balance: direction, future, "
            "return, risk, peers, recognition, and everyone's opinion.",
        ),
        "ch2.s1",
    ),
    "management": Point(
        Text(
            "管理层关注人：谁受益、谁担风险、部门之间是否公平。",
            "Management cares about people: who gains, who carries the risk, whether it is fair.",
        ),
        "ch1.s1 第二",
    ),
    "execution": Point(
        Text(
            "执行层关注事：好不好用、工作量、培训和支持。",
            "The execution layer cares about the task: ease of use, workload, training and support.",
        ),
        "ch2.s3",
    ),
}

DEPARTMENT_POINTS: dict[str, tuple[Point, ...]] = {
    "executive": (
        Point(
            Text(
                "讲清项目如何支撑公司的大方向和未来战略。",
                "Show how the project serves the company's direction and future.",
            ),
            "ch2.s1 第一",
        ),
        Point(
            Text(
                "用可量化的收益和风险控制说话，并给出同行标杆和社会认可。",
                "Speak in measurable return and controlled risk, with peer references and public recognition.",
            ),
            "ch2.s1 第一",
        ),
        Point(
            Text(
                "为他准备各部门意见、核心人员建议、外部专家与客户建议的对比分析，帮他做管理平衡。",
                "Give them a comparison of the departments' views, core staff advice, outside experts and "
                "customers' advice, to help them balance management.",
            ),
            "ch2.s1 第二",
        ),
    ),
    "purchasing": (
        Point(
            Text(
                "降低交易风险：品牌、成功案例、资质认证、成立年限——一次采购失败可能断送采购的职业生涯。",
                "Lower the transaction risk: brand, reference cases, certifications, years in business — "
                "one failed purchase can end a buyer's career.",
            ),
            "ch2.s2 第一.3",
        ),
        Point(
            Text(
                "支撑部门业绩：讲清直接成本、交易成本和综合成本，以及后续降价空间和多品项供货。",
                "Support their department's performance: direct, transaction and total cost, room for later "
                "price cuts, multi-item supply.",
            ),
            "ch2.s2 第一.1",
        ),
        Point(
            Text(
                "帮他搞定其他部门：采购常要和其他部门抗争，我们去争取反对者。",
                "Help them with the other departments: purchasing often has to fight them — we win over the objectors.",
            ),
            "ch2.s2 第一.4",
        ),
        Point(
            Text(
                "承诺灵活交期：小批量、大批量、紧急交货、现货，以及扩产的潜力。",
                "Promise flexible delivery: small and large batches, urgent, from stock, room to grow.",
            ),
            "ch2.s2 第一.2",
        ),
    ),
    "technical": (
        Point(
            Text(
                "证明方案先进且兼容现有系统。",
                "Prove the solution is advanced and compatible with what they run.",
            ),
            "ch2.s2 第二",
        ),
        Point(
            Text(
                "用运行数据证明稳定、安全可靠。",
                "Prove it is stable, secure and reliable with operating data.",
            ),
            "ch2.s2 第二",
        ),
        Point(
            Text(
                "拿出权威认证和证书：技术部门非常认这些。",
                "Bring authoritative certifications: technical departments value them highly.",
            ),
            "ch2.s2 第二",
        ),
    ),
    "user": (
        Point(
            Text("强调不改变他们现有的使用习惯。", "Stress that their working habits do not have to change."),
            "ch2.s2 第三",
        ),
        Point(
            Text(
                "充分利用现有资源，不需要增加配套条件。",
                "It uses the existing resources, with no extra supporting conditions.",
            ),
            "ch2.s2 第三",
        ),
        Point(
            Text("讲清损耗和人工成本能降多少。", "Show how much loss and labour cost go down."),
            "ch2.s2 第三",
        ),
        Point(
            Text(
                "证明大批量、重复使用下依然稳定。",
                "Prove it stays stable at volume and under repetitive use.",
            ),
            "ch2.s2 第三",
        ),
    ),
    "finance": (
        Point(
            Text("说明预算匹配和付款条件。", "Show the budget fit and the payment terms."),
            "ch2.s2 第四",
        ),
        Point(
            Text(
                "给出总拥有成本和投资回报测算。",
                "Give the total cost of ownership and the return on investment.",
            ),
            "ch2.s2 第四",
        ),
        Point(
            Text(
                "确保发票、合同和合规没有问题。",
                "Make sure invoicing, contract and compliance raise no issue.",
            ),
            "ch2.s2 第四",
        ),
    ),
    "other": (
        Point(
            Text(
                "先问清他的部门看重什么，再只讲与之相关的两三个优势：屁股决定脑袋。",
                "Ask first what their department values, then show only the two or three matching advantages: "
                "interest, not logic, decides.",
            ),
            "ch2.s3 第四",
        ),
    ),
}


def talking_points(department: str) -> tuple[Point, ...]:
    """The department's top talking points, at most MAX_TALKING_POINTS."""
    return DEPARTMENT_POINTS.get(department, DEPARTMENT_POINTS["other"])[:MAX_TALKING_POINTS]
