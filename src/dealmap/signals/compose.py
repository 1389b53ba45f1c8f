"""Compose the generated part of the training corpus: ``python -m dealmap.signals.compose``.

The hand-written ``train.jsonl`` has one voice per line. This module multiplies voices
systematically: each *body* (what the customer said or did, written for this project with
its labels) is put in several *frames* (who reports it and how: "他说", "据内线说", "听采购说",
"According to the CFO", a WeChat line, a visit report with several sentences), sometimes
with an attitude-free sentence about a department's concern or the person's own need, and
with the noise of real notes (dates, times, WeChat prefixes). Labels follow the corpus
rules (docs/signals.md): the level and signals come from the body; a department comes from
the person named as speaking or from a concern raised; the need from a need clause.

Deterministic (seeded); writes ``corpus/generated.jsonl``. Run only when bodies or frames
change; the held-out, unseen and blind sets are never read here.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

from dealmap.signals import bodies3 as b3
from dealmap.signals.corpus import CORPUS_DIR

GENERATED = CORPUS_DIR / "generated.jsonl"
_SEED = 20261128

# Signals, by short name.
_SIG = {
    "sii": "shares_inside_info",
    "si": "sells_internally",
    "cu": "consults_us",
    "bi": "blocks_info",
    "lc": "leaks_to_competitor",
    "pf": "perfunctory",
    "svd": "says_vs_does",
    "pspo": "public_support_private_opposition",
    "up": "under_pressure",
    "rb": "rebutted",
    "tp": "tempted",
    "pa": "polite_to_all",
}
_DEPT = {
    "ex": "executive",
    "pu": "purchasing",
    "te": "technical",
    "us": "user",
    "fi": "finance",
    "ot": "other",
}
_NEED = {"sa": "safety", "be": "belonging", "es": "esteem", "se": "self_actualization"}


@dataclass(frozen=True)
class Body:
    """What was said (``say``) or done (``do``), with its labels."""

    text: str
    kind: str  # "say" or "do"
    lang: str
    level: int | None
    signals: tuple[str, ...] = ()
    departments: tuple[str, ...] = ()
    need: str | None = None


def _bodies(lang: str, kind: str, level: int | None, block: str) -> list[Body]:
    """One body per line: ``text  [| tags]``; tags: signal, department and need short names."""
    out = []
    for line in block.strip().splitlines():
        text, _, tags = line.partition(" | ")
        tags_list = tags.split()
        out.append(
            Body(
                text=text.strip(),
                kind=kind,
                lang=lang,
                level=level,
                signals=tuple(_SIG[t] for t in tags_list if t in _SIG),
                departments=tuple(_DEPT[t] for t in tags_list if t in _DEPT),
                need=next((_NEED[t] for t in tags_list if t in _NEED), None),
            )
        )
    return out


# ---------------------------------------------------------------- bodies, Chinese, by level
ZH_SAY = {
    4: """
这个项目就交给你们了,别家不用再来谈
除了你们家,谁来我都不见
我们已经决定了,就是你们,其他供应商的材料我直接退了
你们放心,这单谁也抢不走
换别家?不可能,我只信你们
只要我在这个位置上,这块业务就是你们的
别的厂家再便宜我也不考虑,就认你们
我已经跟其他几家说清楚了,不用再投了
你们的方案我认定了,有人不同意让他来跟我说
这次只跟你们一家谈,别的我都推掉了
宁可晚半年上线,我也要等你们的方案
我们这边已经统一了口径,只用你们
竞争对手那边我已经回绝了,你们安心准备合同
认准你们了,谁劝都没用
这件事上我跟你们站一条线,谁反对我就跟谁争 | si
""",
    3: """
评审委员会的名单我发你了,你们提前去拜访一下 | sii
财务那边卡的是付款条件,你们报价时注意一下 | sii fi
对手上周报了个低价,你们心里要有数 | sii
老板那边我已经替你们说过话了 | si ex
下周开会我会替你们把把关,放心 | si
方案定稿之前你先发给我看看,我帮你们改改 | cu
你们下一步打算怎么做,先跟我通个气 | cu
技术评分的细则我偷偷给你们一份,别外传 | sii te
使用部门那边我去做工作,他们会配合的 | si us
我在内部一直推你们,其他人也慢慢认了 | si
招标文件发之前我先拿给你们过一遍 | cu
这事你们听我的,我来安排跟董事长见面 | si ex
采购那边的底价大概在这个数,你们别报高了 | sii pu
我跟项目组都打好招呼了,他们会支持你们的方案 | si
要改需求的话我提前跟你们商量 | cu
""",
    2: """
你们的方案挺实在的,我是支持的
总体来说我觉得你们最合适
你们家服务一直不错,我倾向继续用你们
这个方案我认可,后面就看上面怎么定 | ex
你们的东西我用过,靠得住
三家里面你们给我的印象最好
价格再让一点,我这边就没问题了 | pu
我个人是支持你们的,不过领导压力大,我也不好硬顶 | up
你们的技术方案我们技术部觉得挺稳的 | te
我们车间的人都说你们的设备好操作 | us
我这票会投给你们,但别指望我去跟老板吵 | ex
你们做得挺专业,比另外两家强
付款方式这么安排我们能接受,可以往下走 | fi
我比较看好你们,就怕对手再压价我顶不住 | up pu
你们团队人不错,我愿意配合
""",
    1: """
你们这个东西有点意思,能不能再详细讲讲
可以先发点资料过来,我们研究一下
能不能安排个演示给我们看看
我们想先试用一下,效果好再说
你们有没有同行业的案例,想看看
听起来还行,下次带技术的人一起来聊 | te
先报个价吧,我们比较一下 | pu
这个思路挺新鲜的,我想多了解一点
能不能去你们工厂参观一下
我们内部也在琢磨这个事,可以交流交流
先做个小范围的试点看看吧
回头把方案发我邮箱,我仔细看看
有兴趣,但还得多了解一下你们的实力
你们说的那个节能效果,能不能拿数据给我看看
先约个时间,给我们的工程师讲一讲 | te
""",
    0: """
现在谈这个还早,过一阵子再来吧
你们不用天天跑了,到时候统一招标
我们会按流程公开招标,大家公平竞争
几家供应商对我们来说都一样
这个项目不是我负责,你们去找项目组吧
还没立项呢,等立项了再说
我们会综合评估,现在不好说倾向谁
到时候按打分来,谁分高用谁
这事领导还没定方向,我也说不上话 | ex
我们对每家都一视同仁 | sa
等明年规划出来了你们再联系
我这边没什么意见,按规定走就行 | sa
报名材料按要求交上来,到时候统一通知
目前还在收集信息阶段,谁家都没定
我不偏向任何一家,你们各凭本事
""",
    -1: """
我们现在用的挺好的,没必要换
今年没有这方面的预算 | fi
你们来晚了,我们上个月已经签了
资料放这吧,需要的时候我们联系你
我们今年没有采购计划
说实话各家都差不多,看不出区别
现在的系统够用了,不想折腾
这个我们暂时不需要
明年再说吧,今年不考虑
我们跟原来的供应商合作多年了,不打算换
这块我们已经定了别家
换系统成本太高,还是先凑合用 | fi
你们的东西对我们用处不大
我们老板说今年不上新项目 | ex
先这样吧,有需要再找你
""",
    -2: """
你们这个方案太理想化了,落不了地
说实话你们的价格太离谱了 | pu
你们的产品稳定性不行,我们不敢用 | te
你们这点东西在我们这儿不够看
你们的服务太差了,上次的问题到现在都没解决
我对你们的技术不太认可 | te
你们来给我们讲这些,有点班门弄斧了
你们公司规模太小,我不放心
这个界面太复杂了,工人根本学不会 | us
你们的方案跟我们的需求完全不对路
你们的报价水分太大 | pu
我觉得你们不专业,很多问题答不上来
你们的案例都是小项目,没说服力
你们这系统太老了,跟不上我们的要求 | te
投入这么多,回报太慢,我看不划算 | fi
""",
    -3: """
你们的资料我不方便给你,别问了 | bi
这个事你们别插手,我们内部会处理 | bi
只要现在那家不出问题,我不会考虑换你们
评审会上我会明确反对你们的方案
你们就别想见我们老板了 | bi ex
我不会让你们的方案进入评审
你们的报价我已经给别家看过了 | lc
想进我们这个项目,先过我这关,我这关你们过不了
内部的事情不能跟你们讲,你们等通知吧 | bi
""",
    -4: """
你们公司我们这辈子都不会合作
只要我还在,你们就别想进来
跟你们有什么好谈的,请回吧
上次你们把我们坑惨了,这个账我记着呢
谁用你们的产品,我就跟谁翻脸
我宁可项目不做,也不会用你们的
你们再来,我让保安请你们出去
跟你们合作?除非我离开这家公司
""",
}

ZH_DO = {
    4: """
把另外两家的标书原封不动退了回去,只留了我们的
当着其他供应商的面说这次就选我们
在会上拍桌子说就用我们,谁也别争
直接让采购停了对别家的询价,只跟我们谈 | pu
跟老板立了军令状,非我们不用 | ex
把竞争对手拉进了不合作名单,只和我们来往
为了保住我们的方案,跟财务吵了一架 | fi si
""",
    3: """
牵线让我们见到了他们董事长,还当面替我们美言 | si ex
把内部评审的时间和人选都提前告诉了我们 | sii
私下把竞品的报价单拍照发给了我们 | sii
在例会上夸我们服务到位,建议大家选我们 | si
每次有大的调整都会先打电话问问我们的意见 | cu
帮我们改了三遍技术方案,说这样更容易过评审 | si te
悄悄提醒我们财务总监对价格很敏感 | sii fi
在董事会上力推我们的方案 | si ex
把组织架构图和各部门负责人的态度都讲给我们听了 | sii
要求下面的工程师按我们的标准写技术规范 | si te
让我们先出个方案,他拿去内部吹风 | si
定需求之前专门找我们坐下来商量 | cu
""",
    2: """
在评审会上投了赞成票
听完介绍一直点头,说方案不错
对我们的演示很满意,当场说愿意往下推
比较了三家后,明显更倾向我们
跟同事说我们服务最到位
愿意在验收报告上签字确认 | te
支持我们的方案,但集团一施压就不太敢说话了 | up
帮我们说过话,被财务质疑以后就低调了 | rb fi si
""",
    1: """
主动问了好几次我们的交付周期 | pu
要了我们的产品手册和案例集
加了微信,问能不能下周来做演示
听完介绍后问了很多细节问题
说想带团队来我们公司参观
把我们的资料转给了技术部,让他们也看看 | te
要我们出一份初步的报价 | pu
约了第二次交流,这次带上了使用部门的人 | us
""",
    0: """
对我们和对手都一样客气,看不出倾向 | pa
说什么都是按流程走,不表态 | sa
听完介绍只说等招标公告
对每家供应商都热情招待,但不透露任何信息 | pa
把我们的资料收下,说评标时一起看
没有明确态度,说要等领导安排 | ex
""",
    -1: """
收下名片就说还有会,让我们把资料留下
听了五分钟就说暂时不需要
一直看手机,最后说回头再联系 | pf
嗯嗯啊啊应付了几句就送客了 | pf
答应下周安排测试,一个月过去了也没动静 | svd
说会帮我们引荐技术部,结果一直没下文 | svd te
微信消息一直已读不回 | pf
说今年的钱都花完了,明年再看 | fi
""",
    -2: """
在会上把我们的方案批得一无是处
当着同事的面说我们的产品不行
一直质疑我们的交付能力
看完方案直摇头,说太粗糙了
对我们的售后服务意见很大,在群里吐槽 | us
新官上任,一来就说老供应商都要换掉,我们也在里面 | es
""",
    -3: """
把我们的报价原样转给了竞争对手 | lc pu
一直拦着不让我们见使用部门 | bi us
在评审会上带头反对我们
把我们的设计图纸拿给了竞争对手 | lc te
故意不给我们招标文件的补充说明 | bi
当面说支持我们,转头就跟老板说我们不行 | pspo ex
在内部发邮件说我们的方案有重大风险
拖着不给我们安排测试,还不说原因 | bi
""",
    -4: """
逢人就说跟我们水火不容
把我们公司拉进了黑名单,谁提都不行
放话说有他在,我们一个单子都拿不到
见我们的人就黑脸,连门都不让进
""",
}

ZH_NULL_SAY = """
下周二上午十点在三楼会议室见
资料收到了,我转给同事
明天我出差,回来再约
合同模板我让法务发给你 | ot
麻烦把发票寄到财务部 | fi
车间周六停产检修,别那天来 | us
技术交流改到周四下午 | te
采购流程需要先做供应商登记 | pu
你们的发票抬头写错了,重开一下 | fi
我们老板下周在外地开会 | ex
报价单请用公司模板格式 | pu
参观的人员名单周五前报给我
"""

ZH_NULL_DO = """
通知我们会议时间改到下午两点
发来了厂区的地址和停车说明
问我们能不能提供营业执照复印件 | pu
让我们把技术参数表补一份 | te
在电话里确认了下周的行程安排
"""

# ---------------------------------------------------------------- bodies, English, by level
EN_SAY = {
    4: """
we're the only vendor they will sign with
the other bidders can stop calling, they're going with us
he'd never consider anyone else for this
she has already told the competition it's over
they'll wait for us even if it delays the project
no one else gets a meeting while he's in charge
it's our proposal or nothing
""",
    3: """
the evaluation committee meets on the 14th and finance has the final vote | sii fi
he'll back us in front of the board | si ex
the competitor came in about 8% below us | sii
she wants to go over the spec with us before it goes out | cu
he has been talking us up to the plant managers | si us
the real decision maker is the COO, not procurement | sii ex pu
she'll run the draft RFP by us first | cu
he told the CTO we're the strongest option | si te
""",
    2: """
they like our approach and lean our way
our demo was the best of the three
he's supportive but worried about price pressure from above | up
our proposal fits what they need
she's comfortable with our team and happy to move forward
the engineers rate our platform highly | te
he'd vote for us, though he won't go to war over it
our support has been solid and they'd renew
""",
    1: """
they'd like a demo next week
he wants to see a couple of case studies first
she's curious how we handle integration | te
they might run a small pilot
send over pricing and he'll take a look | pu
he wants to learn more before forming a view
it's worth a second meeting with their engineers | te
she asked whether we could visit their site
""",
    0: """
it's too early, check back in the autumn
everything goes through the tender, all vendors treated the same
they have no preference at this stage
it's not really her project
they'll compare all offers when the RFP closes
he has no view either way
the committee will decide, he just collects the papers
""",
    -1: """
they're happy with their current supplier
the money isn't there this fiscal year | fi
we came too late, they signed last month
leave the brochure and they'll call if anything comes up
he sees no point in changing what works
all the vendors look the same to him
nothing is planned this year
they're not interested at the moment
""",
    -2: """
our solution is overpriced for what it does | pu
our platform feels dated | te
he doesn't trust our delivery record
our team looked inexperienced
the interface is too clumsy for his operators | us
she's not impressed with our references
our numbers don't add up | fi
""",
    -3: """
we won't be getting the evaluation criteria | bi
he will speak against us at the board review
unless the incumbent fails, he won't look at us
the rest is internal and we should stop asking | bi
""",
    -4: """
they'll never work with us again
he'll fight us with everything he has
she'd rather cancel the project than pick us
as long as he's there we're finished
""",
}

EN_DO = {
    4: """
sent the rival bids back unopened and asked for our contract
told his board he'd resign before switching vendors | ex
cut off talks with every other supplier
""",
    3: """
forwarded us the internal scoring sheet | sii
set up a meeting for us with the CEO and pitched us himself | si ex
calls us before every big decision | cu
tipped us off that the budget was just approved | sii fi
argued for us in the budget review | si fi
""",
    2: """
voted for us in the first round
nodded through the demo and said it looked good
backed our proposal, though she went quiet when the CFO pushed back | rb fi
prefers us but is getting pressure from procurement to cut price | up pu
""",
    1: """
asked for a trial licence
requested a follow-up call with our engineers | te
took our case studies and asked good questions
invited us to present to the operations team | us
""",
    0: """
was polite to every vendor and gave nothing away | pa
listened, took notes, and said the tender decides
treats us exactly like the others | pa
""",
    -1: """
kept checking his phone and ended the call early | pf
promised a trial date twice and never followed up | svd
took the brochure and showed us out
""",
    -2: """
picked apart our proposal in front of his team
questioned every claim in our deck
complained about our last delivery to the whole department | us
""",
    -3: """
forwarded our proposal to the competitor | lc
keeps us away from the end users | bi us
led the charge against us in the review
praised us in the meeting and then told the CFO to drop us | pspo fi
""",
    -4: """
has it in for us since the last project failed
told everyone we will never set foot in the plant again
""",
}

EN_NULL = """
the meeting moved to Thursday at 3pm
please send the invoice to accounts payable | fi
the site visit is confirmed for 10 October
legal will send the NDA template tomorrow | ot
the plant is closed for maintenance next week | us
procurement needs our vendor registration form | pu
he is travelling until the 20th
"""

# ---------------------------------------------------------------- who speaks or acts
ZH_WHO = {
    None: "他|她|客户|对方|李经理|孙处|周工|小刘|陈主任|张总|钱总|马姐|对接人|项目经理|客户那边|吴科长",
    "executive": "老板|董事长|总经理|他们老总|副总裁|厂长|一把手|集团副总",
    "purchasing": "采购|采购部孙经理|采购总监|采购的小王|采购主管|采购部",
    "technical": "技术部|技术总监|IT经理|技术部的陈工|架构师|技术负责人",
    "user": "车间主任|使用部门|产线班长|仓库主管|车间|一线操作工",
    "finance": "财务|财务总监|CFO|财务部李姐|财务经理",
    "other": "法务|质量部|人事|法务部|安环部",
}
EN_WHO = {
    None: "he|she|the client|our contact|Mr. Li|Ms. Chen|the project lead|Tom|the customer|our sponsor",
    "executive": "the CEO|the GM|the chairman|the COO|their VP|the board",
    "purchasing": "procurement|the buyer|the procurement head|purchasing",
    "technical": "the CTO|IT|their lead engineer|the architect|the engineering manager",
    "user": "the plant supervisor|the operators|the warehouse lead|the shop floor team",
    "finance": "the CFO|finance|the financial controller|the finance director",
    "other": "legal|compliance|HR",
}

ZH_SAY_FRAMES = (
    "{w}说:{b}",
    "{w}说{b}",
    "{w}表示,{b}",
    "{w}讲,{b}",
    "听{w}说,{b}",
    "据内线说,{w}的意思是{b}",
    "客户反馈:{w}说{b}",
    "{w}原话:“{b}”",
    "{w}在电话里说,{b}",
    "微信:{w}回复“{b}”",
    "拜访{w},{w}说{b}",
    "{w}跟我们说,{b}",
    "{w}提到{b}",
    "今天见了{w},{w}的态度是:{b}",
    "“{b}”——{w}",
    "拜访{w},他说{b}",
    "拜访{w},她说:{b}",
    "去见了{w},对方表示{b}",
    "{w}的意思是,{b}",
    "{w}那边回话:{b}",
    "跟{w}聊了一下,{b}",
)
ZH_DO_FRAMES = (
    "{w}{b}",
    "据内线说,{w}{b}",
    "听说{w}{b}",
    "客户反馈:{w}{b}",
    "拜访记录:{w}{b}",
    "拜访后发现{w}{b}",
    "最近{w}{b}",
    "这周{w}{b}",
    "上次见面后,{w}{b}",
    "同事说{w}{b}",
)
EN_SAY_FRAMES = (
    "{W} said {b}.",
    "According to {w}, {b}.",
    "{W} told us {b}.",
    "{W} mentioned on the call that {b}.",
    "Per {w}: {b}.",
    "Visit note: met {w}. {B}.",
    "{W} made it clear that {b}.",
    "Heard from {w} that {b}.",
    "wechat from {w}: {b}",
    "Visited {w}; {b}.",
    "Met {w} today: {b}.",
    "Call with {w}: {b}.",
)
EN_DO_FRAMES = ("{W} {b}.", "Visit note: {w} {b}.", "Apparently {w} {b}.", "Update: {w} {b}.")

# ---------------------------------------------------------------- extra sentences (no attitude)
ZH_CONCERN = {
    "executive": "老板更关心这事对公司未来几年的方向有没有帮助|总经理想知道同行里谁已经在用|董事长要听听外部专家的意见|老总在意投入产出,要一份对比分析",
    "purchasing": "采购最关心价格还有没有下降空间|采购问交期能不能压到两周|采购要看我们的资质和成功案例|采购希望能多品类打包供货|急单能不能从现货里出,采购很在意",
    "technical": "技术部关心跟现有系统能不能兼容|技术那边很在意稳定性和数据安全|技术总监要看权威认证和检测报告|工程师问了很多接口和架构的问题",
    "user": "车间担心工人要改操作习惯|使用部门希望不要增加人手|一线关心培训难不难,上手快不快|车间想知道能不能降低损耗",
    "finance": "财务问付款方式和账期|财务关心投资回收期|财务要求开专票,分三期付款|财务在算总拥有成本",
    "other": "法务要逐条看合同的违约责任|质量部要求符合体系审核|法务提了知识产权条款",
}
EN_CONCERN = {
    "executive": "The CEO cares about where this takes the company in three years|The GM wants to know which peers already use it",
    "purchasing": "Procurement keeps pushing on price and lead time|The buyer wants reference customers and certifications",
    "technical": "IT is worried about integration with their ERP|The CTO asked about uptime and security certifications",
    "user": "The operators don't want their routine disrupted|The plant supervisor asked how long training takes",
    "finance": "Finance asked about payment terms and payback period|The CFO wants the total cost of ownership",
    "other": "Legal wants to review the liability clauses|Compliance asked about data retention",
}
ZH_NEED = {
    "safety": "他做事求稳,最怕担责任|她一向随大流,不愿意出头|他跟供应商保持距离,怕人说闲话|这人很谨慎,什么都要按流程|他快到退休了,不想冒任何风险",
    "belonging": "他什么都看老板的脸色|她很想让领导看到她的成绩|他总想把各部门的关系都摆平|老板说好他才说好",
    "esteem": "他刚上任,急着证明自己|她很强调下面的人要听她的|他故意不用前任留下的供应商|他最在乎别人尊不尊重他",
    "self_actualization": "他想把这个项目做成行业标杆|她想借这个项目在行业里打出名气|他的目标是帮公司冲进行业前三|他想干一件能写进履历的大事",
}
EN_NEED = {
    "safety": "He is risk-averse and won't stick his neck out|She plays everything by the book|He keeps vendors at arm's length",
    "belonging": "She mirrors whatever her boss thinks|He wants the CEO to notice his work|She works hard to keep every department happy",
    "esteem": "He is new and wants to prove himself|She insists her team defers to her|He dropped the old supplier to show who's in charge",
    "self_actualization": "She wants this to be the flagship project in the industry|He wants to make a name for himself with this|He dreams of a breakthrough that puts them on the map",
}
ZH_DATES = ("3月5日", "周三", "11/12", "昨天下午", "2026-04-18", "上午", "今天", "Q3", "10:30")
EN_DATES = ("Mon 3/9", "Oct 12", "yesterday", "this morning", "Q2", "2026-05-06")


def _pick(rng: random.Random, options: str | tuple[str, ...]) -> str:
    seq = options.split("|") if isinstance(options, str) else options
    return rng.choice(seq)


def _who(rng: random.Random, table: dict, dept: str | None) -> str:
    return _pick(rng, table[dept])


def _compose_zh(rng: random.Random, body: Body) -> dict:
    dept = rng.choice([None, None, None, *(d for d in _DEPT.values())])
    who = _who(rng, ZH_WHO, dept)
    frames = ZH_SAY_FRAMES if body.kind == "say" else ZH_DO_FRAMES
    text = rng.choice(frames).format(w=who, b=body.text)
    depts = set(body.departments) | ({dept} if dept else set())
    need = body.need
    extra = rng.random()
    if extra < 0.2:
        d = rng.choice(list(ZH_CONCERN))
        text = f"{text}。{_pick(rng, ZH_CONCERN[d])}"
        depts.add(d)
    elif extra < 0.35 and need is None:
        need = rng.choice(list(ZH_NEED))
        clause = _pick(rng, ZH_NEED[need])
        text = rng.choice((f"{text}。{clause}", f"{clause}。{text}"))
        depts |= _named(clause)
    if rng.random() < 0.2:
        text = rng.choice((f"{rng.choice(ZH_DATES)} {text}", f"{rng.choice(ZH_DATES)}拜访,{text}"))
    if rng.random() < 0.1:
        text = text.replace(",", " ").replace("。", " ")
    return _row(text, "zh", body.level, need, depts, body.signals)


def _compose_en(rng: random.Random, body: Body) -> dict:
    dept = rng.choice([None, None, None, *(d for d in _DEPT.values())])
    who = _who(rng, EN_WHO, dept)
    frames = EN_SAY_FRAMES if body.kind == "say" else EN_DO_FRAMES
    b = body.text
    text = rng.choice(frames).format(w=who, W=who[:1].upper() + who[1:], b=b, B=b[:1].upper() + b[1:])
    depts = set(body.departments) | ({dept} if dept else set())
    need = body.need
    extra = rng.random()
    if extra < 0.2:
        d = rng.choice(list(EN_CONCERN))
        text = f"{text} {_pick(rng, EN_CONCERN[d])}."
        depts.add(d)
    elif extra < 0.35 and need is None:
        need = rng.choice(list(EN_NEED))
        clause = _pick(rng, EN_NEED[need])
        text = f"{text} {clause}."
        depts |= _named(clause)
    if rng.random() < 0.15:
        text = f"{rng.choice(EN_DATES)}: {text}"
    return _row(text, "en", body.level, need, depts, body.signals)


def _compose_mixed(rng: random.Random, body: Body) -> dict:
    """A Chinese frame around an English body, as bilingual sellers write."""
    who = _who(rng, ZH_WHO, None)
    text = f"{who}说 {body.text}" if body.kind == "say" else f"{who} {body.text}"
    return _row(text, "mixed", body.level, body.need, set(body.departments), body.signals)


def _named(clause: str) -> set[str]:
    """A need clause that names the top (老板, the CEO) names the executive department."""
    return {"executive"} if any(w in clause for w in ("老板", "老总", "董事长", "CEO")) else set()


def _row(text, lang, level, need, depts, signals) -> dict:
    return {
        "text": text,
        "lang": lang,
        "level": level,
        "need": need,
        "departments": sorted(depts),
        "signals": sorted(signals),
    }


def all_bodies() -> list[Body]:
    """Every body, Chinese and English, sayings and deeds, with attitude and without."""
    bodies: list[Body] = []
    for lang, say, do in (
        ("zh", ZH_SAY, ZH_DO),
        ("en", EN_SAY, EN_DO),
        ("zh", b3.ZH_SAY3, b3.ZH_DO3),
        ("en", b3.EN_SAY3, b3.EN_DO3),
        ("zh", b3.ZH_SAY4, {}),
        ("en", b3.EN_SAY4, {}),
        ("zh", b3.ZH_SAY5, {}),
        ("en", b3.EN_SAY5, {}),
        ("zh", b3.ZH_SAY6, b3.ZH_DO6),
        ("en", b3.EN_SAY6, b3.EN_DO6),
    ):
        for level, block in say.items():
            bodies += _bodies(lang, "say", level, block)
        for level, block in do.items():
            bodies += _bodies(lang, "do", level, block)
    bodies += _bodies("zh", "say", None, ZH_NULL_SAY)
    bodies += _bodies("zh", "do", None, ZH_NULL_DO)
    bodies += _bodies("en", "say", None, EN_NULL)
    return bodies


def compose() -> list[dict]:
    """The generated corpus: level bodies in frames, then need bodies; exact duplicates dropped."""
    seen: dict[str, dict] = {}
    for row in compose_levels() + compose_needs():
        seen.setdefault(row["text"], row)
    return list(seen.values())


def compose_levels(copies_zh: int = 4, copies_en: int = 3, seed: int = _SEED) -> list[dict]:
    """Put every body in several frames; drop exact duplicates."""
    rng = random.Random(seed)
    rows: dict[str, dict] = {}
    for body in all_bodies():
        for _ in range(copies_zh if body.lang == "zh" else copies_en):
            row = _compose_zh(rng, body) if body.lang == "zh" else _compose_en(rng, body)
            rows.setdefault(row["text"], row)
        if body.lang == "en" and rng.random() < 0.3:
            row = _compose_mixed(rng, body)
            rows.setdefault(row["text"], row)
    return list(rows.values())


def need_bodies() -> list[Body]:
    """Third round: behaviour that shows a personal need, no attitude of its own."""
    out: list[Body] = []
    for lang, table in (("zh", b3.ZH_NEED), ("en", b3.EN_NEED), ("zh", b3.ZH_NEED6), ("en", b3.EN_NEED6)):
        for need, block in table.items():
            out += [
                Body(text=b.text, kind="do", lang=lang, level=None, need=need)
                for b in _bodies(lang, "do", None, block)
            ]
    return out


def _need_text(rng: random.Random, body: Body) -> tuple[str, set[str]]:
    """A need body, its subject sometimes replaced by a named person."""
    text, depts = body.text, set()
    if body.lang == "zh":
        if text[:1] in "他她" and rng.random() < 0.5:
            dept = rng.choice([None, None, *(d for d in _DEPT.values())])
            text = _who(rng, ZH_WHO, dept) + text[1:]
            depts |= {dept} if dept else set()
        return text, depts | _named(text)
    head, _, rest = text.partition(" ")
    if head in ("he", "she") and rng.random() < 0.5:
        dept = rng.choice([None, None, *(d for d in _DEPT.values())])
        head = _who(rng, EN_WHO, dept)
        depts |= {dept} if dept else set()
    text = f"{head[:1].upper()}{head[1:]} {rest}"
    return (text if text.endswith(".") else text + "."), depts | _named(text)


def compose_needs(copies: int = 3, seed: int = _SEED + 3) -> list[dict]:
    """Need bodies alone, or next to a level body or a logistics line (the level is that line's)."""
    rng = random.Random(seed)
    partners = {lang: [b for b in all_bodies() if b.lang == lang and b.need is None] for lang in ("zh", "en")}
    rows: list[dict] = []
    for body in need_bodies():
        for _ in range(copies):
            text, depts = _need_text(rng, body)
            level, signals = None, ()
            if rng.random() < 0.7:
                mate = rng.choice(partners[body.lang])
                other = _compose_zh(rng, mate) if body.lang == "zh" else _compose_en(rng, mate)
                if other["need"] is None:
                    sep = "。" if body.lang == "zh" else " "
                    text = rng.choice((f"{text}{sep}{other['text']}", f"{other['text']}{sep}{text}"))
                    level, signals = other["level"], other["signals"]
                    depts |= set(other["departments"])
            rows.append(_row(text, body.lang, level, body.need, depts, signals))
    return rows


def write(path: Path = GENERATED) -> int:
    """Write the generated corpus; returns the number of lines."""
    rows = compose()
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return len(rows)


if __name__ == "__main__":
    print(f"{write()} lines written to {GENERATED}")
