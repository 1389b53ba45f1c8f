"""The reader's own cue lexicon: what customers and sellers write, per code.

Written for this project in its own words, informed by the course's descriptions of the
attitude levels (ch5.s2), personal needs (ch3), department needs (ch2) and behaviour
signals (ch5.s3). A cue only *suggests*; the learned model (model.json) weighs cues in
context. Each group below is one string of phrases separated by "|". English phrases are
matched on word boundaries, Chinese ones anywhere.

To extend: add phrases here, rebuild the model (``python -m dealmap.signals.train``) and
check the held-out figures (``python -m dealmap.signals.evaluate``).
"""

from __future__ import annotations


def _split(phrases: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in phrases.split("|") if p.strip())


LEVEL_CUES: dict[int, tuple[str, ...]] = {
    4: _split(
        "就是你们|就选你们|就用你们的|非你们莫属|只信你们|别家不用再来|不用再投|回绝了|都推掉了|退了回去|原封不动退|等你们的方案|只和我们|只跟我们谈|不合作名单|认定了|going with us|going with you|wait for us|sign with us only|the only one|cut off talks|resign before|no other vendor|"
        "只认你们|只用你们|只跟你们|只要你们|只接受你们|只跟你们合作|非你们不可|就定你们|定你们了|认定你们|认定了|"
        "认准你们|认准了|铁了心|拍胸脯|谁也抢不走|谁都抢不走|别家不用来|其他家都不考虑|其他家一律|别家一律|一律不考虑|"
        "都不考虑|不会让别家|让别家进来|全部回绝|直接退回|谁都不签|谁也不签|扛到底|一条船上|我保你们|亲自去谈|"
        "亲自去跟|必须给我们|只要我们|去摆平|摆平|必须用你们|是你们的|就用你们|唯一选择|再便宜也不要|一份都不会打开|连看都不会看|"
        "only vendor|only choice|only supplier|all in|committed to us|fully committed|no one else|nobody else|"
        "anyone else|turned the competitor away|rejected the rival|fight anyone|no matter what|us or nothing|"
        "resign before|not to bother|your deal|only you|sole supplier|exclusively"
        "|只选你们|只选我们|就选我们|只认我们|只买你们|只签你们|只考虑你们|只和你们|只找你们|就买你们|"
        "only choose you|only buy from you|only buying from you|only considering you"
        "|唯独|就认|押上|押宝|全押|只有你们|非他们不|就定他们|就认准|选定你们|选定了你们|只用我们|只要我们做|只用他们|we've chosen|chosen you|sole-source|sole source|the only ones|end of discussion|not looking at anyone else|refused to even open|only ones he|only ones she|for us only|put his name on|put her name on"
    ),
    3: _split(
        "引荐|牵线|美言|替我们|帮我们约|私下|提前告诉|提醒我们|偷偷给|底价|打分表|评分细则|过一遍|把把关|先发给我|先拿给|吹风|夸我们|力推|talking us up|pitched us|tipped us|forwarded us|run by us|go over|with us first|set up a meeting for us|scoring sheet|before every|"
        "大力支持|力挺|全力推动|全力支持|帮我们推|一直推|内部推|帮我们说话|替我们说话|替我们争取|帮我们争取|"
        "主动推荐|内部推荐|推荐了我们|推荐我们|首选|第一选择|只认可我们|帮我们写|帮我们准备|说好话|做工作|"
        "打过招呼|说服了|优先供应商|心里的首选|全力|帮我们做|去做工作|替我们说了话|内部帮我们|我来搞定|都谈过了|推动|放心交给|"
        "champion|pitched our|pushed it through|selling our|lobbying the board|lobbying for|speak up for us|"
        "push for us|promoting our|preferred vendor|strongly support|benchmark|argued for us|convinced the|"
        "backing us|first choice|go to bat|speaks up for us|spoke up for us|good word|telling her team|telling his team|pushing it hard|vouched"
        "|交底|参谋|替我们挡|替我们辩护|帮我们挡|帮我们改|改好了才|主动帮|主动替|亲自给我们|defended it|defending our|carrying it for us|stand behind them|stand behind us|presented our|without us even asking|past our|rebuilt the|went to bat"
    ),
    2: _split(
        "倾向你们|倾向我们|站你们|站在你们|支持你们|投给你们|赞成|印象最好|靠得住|最合适|更看好|比较看好|服务到位|好操作|省事|prefer|lean our way|vote for us|voted for us|rate our|happy to move forward|looked good|the best of|"
        "支持|认可|赞同|同意|挺好|很好|不错|满意|靠谱|倾向|站在我们这边|站我们这边|看好|放心|专业|愿意合作|"
        "继续合作|好用|合适|投我们一票|点头|愿意配合|踏实|可以接受|能接受|没问题|最好的|印象不错|还可以|"
        "喜欢|信任|下次还找|好操作|上手快|都说好|愿意用|值得|合理|很满意|更认可|想跟我们合作|是对的|有保障|"
        "support|supportive|supports us|in favour|in favor|likes our|like our|liked the|leaning towards us|"
        "on our side|with us|preferred option|happy to go with|acceptable|solid|impressed|fits|agreed|"
        "comfortable|strongest|backed us|move forward with us|on board|trust us|likes the|backs us|thinks highly|rates us|good fit"
        "|偏向我们|优先考虑|有诚意|印象挺好|比我想的好|favourable|favorable|in favour of|fine awarding|leaning toward us|positive about us"
    ),
    1: _split(
        "好奇|试试|试点|试用|参观|案例|约个|再聊|交流交流|详细讲讲|拿数据|琢磨|pilot|curious|case studies|promising|keen|second meeting|trial|invited us|"
        "兴趣|感兴趣|有意思|了解一下|进一步了解|了解了解|想了解|多了解|在了解|详细讲讲|详细聊|讲细一点|演示|试用|"
        "发过来|发给他|发他|发资料|参观|可以聊聊|约个时间|再约|报个价|看看案例|加了我微信|问了好几个|认真|"
        "研究一下|测试|评估一下|初步方案|新鲜|听起来不错|听听|下一轮交流|可以考虑|值得研究|可以谈|对接|样品|准备一份|初稿|"
        "interested|interest|learn more|hear more|tell me more|demo|trial|proof of concept|poc|case studies|"
        "send me|take a look|curious|follow-up|site visit|references|more details|requested|asked for a|"
        "asked if we could|sounds good|asked for our|would like|wants to see|open to|check compatibility|worth a look"
        "|一直在关注|想约|问我们能不能|问我们有没有|能不能支持|发一份过来|lit up|asked for more|lots of questions|wants to know|asked about our|asked whether we can"
    ),
    0: _split(
        "到时候|统一通知|公平竞争|各凭本事|不偏向|哪家都|谁家都|都行|不归他管|不归我管|不是我负责|等立项|还没立项|打分|评分|观望|不好说倾向|rfp|no view|either way|not her call|not his call|compare all|the tender decides|"
        "现在还早|还早|过段时间|过两个月|过一段时间|统一招标|公开招标|招标|发公告|按流程|走流程|按规矩|一视同仁|"
        "都一样|都可以|没有倾向|没有偏好|没偏好|关系不大|不归他管|不负责|中立|不表态|没有明确表态|综合考虑|"
        "综合打分|等通知|等立项|无所谓|不着急|先不着急|规划出来|看不出态度|没有意见|没什么意见|客客气气|"
        "都很客气|公平对待|每家一样|顾不上|重新评估|比较比较|模棱两可|领导定|只负责执行|不想得罪|动心|"
        "too early|early days|check back|tender|same treatment|no preference|either way|equally|neutral|"
        "doesn't mind|doesn't really affect|staying out|not his project|formed a view|take sides|same way|"
        "when the time comes|reconsidering|compare options|wavering|stay neutral|takes a position"
        "|跟着走|跟着大部队|让用什么就用什么|看大家|没意见|不置可否|谁分高|谁的分|谁便宜就|by the book|nothing for or against|no shortcut|head office decides|not my decision|whoever scores"
    ),
    -1: _split(
        "用不上|没打算|不打算|够用|预算没了|花完了|定了别家|来晚|有需要再|需要再联系|用处不大|不上新|凑合|没必要换|不想换|no point|fiscal year|too late|fine with|happy with their|showed us out|nothing is planned|"
        "没兴趣|不感兴趣|没有兴趣|不需要|没必要|没有必要|没这个必要|不想换|不考虑|不会考虑|没考虑|不会再动|"
        "已经定了|定下来了|定完了|来晚了|来得太晚|晚了一步|已经签|签给别人|签了|资料先放|先放这|放着|留下|"
        "有需要再|需要的时候|没有采购计划|没计划|没有计划|没预算|没有预算|没有这笔预算|预算已经用完|没钱|"
        "批不下来|差不多|没区别|没什么区别|没差别|同质化|用得好好的|够用|能用|将就|不想折腾|维持现状|暂停|"
        "回头再说|再说吧|明年再说|明年再来|等明年|已读不回|没下文|应付|风险太大|不敢冒|太冒险|刚换过|别再|用惯了|用原来的|继续用|老系统|不想冒险|"
        "not interested|no need|no budget|no plans|no reason to change|already signed|already decided|"
        "signed with|renewed|happy with what|happy with the current|works fine|we're good|not for us|"
        "leave the brochure|call you if|never did|get back to you|keep in touch|not looking|not this year|"
        "nothing for us|too risky|stay with|need to switch|happy with|stick with|think about it|no point"
        "|知道了|没机会|不关心|学不会|往后放|往后排|一律不批|不批|没排上|添乱|not in this year's plan|will revert|went quiet|it's a no|not a priority|no bandwidth|not now"
    ),
    -2: _split(
        "挑毛病|挑刺|毛病|质疑|太贵|水分|不对路|理想化|落不了地|花架子|粗糙|抱怨|摇头|不放心|看不上|不够看|没说服力|跟不上|一无是处|批得|dated|picked apart|questioned|doesn't buy|too junior|not impressed|"
        "不行|不支持|不认可|不看好|不推荐|不建议|不放心|不满意|不专业|不靠谱|不成熟|不稳定|太差|问题一大堆|一般|离谱|"
        "太落后|落后|太旧|太老|太小|太嫩|太难用|难用|繁琐|班门弄斧|瞧不上|看不上|印象不好|印象很差|不匹配|"
        "不划算|太高|太激进|反感|吐槽|质疑|急功近利|就这|比这好|太普通|意见很大|不够|硬伤|否定|唱反调|瞧不起|"
        "doesn't rate|not convinced|outdated|can't recommend|won't recommend|inexperienced|clumsy|amateurish|"
        "overpriced|unproven|half-baked|doesn't trust|don't trust|generic|unconvincing|weak|don't add up|"
        "too old|not ready|complained|disapprove|poor|too expensive|criticised|criticized|not impressed|rejecting|dismissive|doesn't like|not good enough|"
        "too risky for"
        "|太次|老出错|出错|很烦|两张皮|返修|没诚意|不是恭维|看不起|嫌我们|not a compliment|snapped|flagged|too narrow|won't fix|sloppy|skeptical|sceptical|unimpressed|doubts"
    ),
    -3: _split(
        "反对票|带头反对|拦着|不让我们|给别家|给了竞品|给了竞争对手|拿给了竞争对手|踢出|搞掉|别选我们|speak against|against us|keeps us away|won't forward|drop us|led the charge|won't be getting|"
        "抵制|反对|公开反对|带头反对|坚决反对|否掉|否决|一票否决|封锁|压着|压下来|卡在|卡我们|挡掉|挡着|"
        "不让我们|打听不到|不告诉|什么都不说|不透露|泄露|转给了|给了对手|发给了对手|对手手里|竞争对手手里|"
        "对手知道|对手就知道|坏话|没资格|只要对手不出|不会选我们|不会考虑我们|阻挠|作对|拦着|不出大错|拿去用|"
        "opposed|oppose|against us|vote against|blocks|blocking|gatekeeping|gatekeeper|stonewall|stonewalls|"
        "refuses to share|keeps us away|forwarded it|shared our proposal with|led the charge|lobbying against|"
        "unless the|undermine|undermines|leaked our|with the rival"
        "|针对我们|拒绝我们|撤了|联名|搅黄|最低分|压下去|扣下|没发给我们|不发给我们|挑我们的刺|使绊子|穿小鞋|发给了另一家|给了另一家|叫停|stonewalling|complaint about|barred|behind closed doors|never reaches|no-show|not to attend|against us|sabotag|kept us out|keeping us out|pushing the competitor|tipped off the competitor"
    ),
    -4: _split(
        "这辈子|水火不容|翻脸|别想|请出去|请回吧|黑名单|不让进|恨|has it in for us|fight us with everything|never set foot|never work with|"
        "势不两立|你死我活|恨之入骨|有我没你|别想进|这辈子|不会跟我们合作|不跟我们合作|也不用我们|绝不|决不|撕了|"
        "闹僵|赶出去|结仇|这个仇|积怨|白投|永远不会|放话|不可能用我们|不可能用|不可能跟我们|只要他在|"
        "over my dead body|enemy|hates us|revenge|rather cancel|never work with|thrown out|it's personal|"
        "no way|never use|never let|never as long"
        "|敌意|骗子|闹翻|除之|摔门|成见|拼到底|仇人|死对头|不共戴天|整死|赶出去|vendetta|blacklist|furious|extortion|veto any|fight us|made it personal|this is war|sworn enemy|to the end|ever again|never again"
    ),
}

#: What a negated level cue suggests instead ("不支持" → −2, "不是没兴趣" → +1).
NEGATED_LEVEL = {4: -1, 3: -1, 2: -2, 1: -1, 0: 0, -1: 1, -2: 0, -3: 0, -4: 0}

NEED_CUES: dict[str, tuple[str, ...]] = {
    "safety": _split(
        "先例|没人用过|出差错|出岔子|担干系|背锅|兜底|追责|问责|保证书|平平安安|出头鸟|不求有功|无过|稳字当头|"
        "别折腾|吃螃蟹|先试点|小范围|拖着|一拖再拖|往后推|再看看|附和|跟着大家|别人怎么选|照章|章程|留痕|审计|"
        "保住|位置不保|退休|走后门|公开透明|集体决策|保险起见|稳当|稳一点|"
        "precedent|blamed|on the hook|no surprises|safe option|guarantees|just in case|play safe|"
        "wait and see|waits to see|pushing the decision|push back the decision|documented|auditors|formal|"
        "arm's length|retirement|same rules|first adopter|go first|blame|"
        "稳妥|保险|谨慎|小心|按流程|走流程|按规矩|公事公办|一视同仁|担责任|担责|谁负责|出了问题|出问题|冒险|"
        "风险|避嫌|闲话|出头|随大流|大家怎么定|大家一起定|推迟|往后拖|观望|再观察|等等看|没把握|不发表意见|"
        "职位|求稳|不想冒险|不敢冒|等明年|"
        "risk-averse|by the book|neck out|delay|delaying|cautious|careful|too risky|career|come back on|"
        "alone with vendors|question him|question her|any risk|play it safe"
        "|千万别说|别说是他|有规定|一律不单独|不会硬推|顶多|提一嘴|怕担责|推给集体|不敢出头|不敢接|存在的必要|丢饭碗|stick his neck|stick her neck|on record|nothing official|after the audit|touching anything new|cost him his job|cost her her job|until someone senior|cover himself|cover herself"
    ),
    "belonging": _split(
        "看一眼领导|领导喜欢|老板喜欢|领导满意|老板满意|领导的评价|老板的评价|老板记住|领导记住|改口|口风|口径|"
        "领导夸|老板夸|和事佬|打成一片|顾全大局|各方面的关系|老板在场|领导的意思|老板心里|被领导冷落|"
        "跟老板走得|跟着领导|领导高兴|老板高兴|不想得罪|都不得罪|融入|同事怎么看|大家都说|"
        "his boss|her boss|the boss likes|manager to be pleased|peacemaker|be accepted|praise from|"
        "credit for|changes his tune|changes her tune|runs every|past her boss|past his boss|goes along with|"
        "the team agrees|good relations|recognise|recognize|upset any|"
        "老板怎么想|领导怎么|看领导|领导意思|老板的意思|看老板|领导的看法|老板的看法|保持一致|领导满意|"
        "总经理满意|领导看到|领导能看到|刮目相看|领导的评价|老板脸色|赏识|得罪|各个部门|平衡|和气|照顾|"
        "老板说好|领导觉得好|领导定|看老板的意思|各部门的意见|任何一方|"
        "mirrors|his boss does|her boss does|notice|keep peace|keep everyone happy|on side|appreciat|"
        "the ceo thinks|fit in|relationships|boss thinks"
        "|领导要是同意|领导同意|领导点头|领导要是|院长的意思|局长的意思|老板跟|上面要是|上面的意思|请示|点名表扬|表扬过|看重局长|看重领导|脸色|whatever leadership|leadership decides|good books|stay aligned|keeping the peace|have a say|breaks ranks|praised|all-hands|what the cio wants|wants to hear|fit in with"
    ),
    "esteem": _split(
        "他来定|她来定|我来定|插不上手|全换了|推翻|自己的想法|排场|不听安排|越级|另起炉灶|"
        "不被重视|做出点样子|当众否定|资深员工|我拍板|他拍板|她拍板|树立威信|威信|换换血|跟上一任|上一任|签字才算|"
        "请教他|请教她|自己的判断|立规矩|看得起|"
        "replaced every|experienced engineer|was right to hire|"
        "the expert|goes through him|goes through her|wasn't hers|wasn't his|"
        "assert herself|assert himself|senior staff|his judgment|her judgment|newly promoted|sign-off|"
        "说了算|立威|面子|证明自己|唱反调|老供应商|前任|新官上任|新来的|新上任|故意不用|资历|老员工|绕过|"
        "听我的|服从|尊重|不高兴|自己信得过|新气象|换掉|他点头|"
        "prove himself|prove herself|defers to him|defers to her|overrules|overruled her|overruled his|"
        "predecessor|respect|offended|who's in charge|old supplier|on purpose|authority|going around him"
        "|打他的脸|打脸|认死理|由他来|由她来|牵头的|很得意|规矩全改|比我们懂|教他做事|教她做事|有主见|越级|服从|proven wrong|proving a point|old guard|his own network|my own|in charge|his call alone|her call alone"
    ),
    "self_actualization": _split(
        "领头羊|留名|示范点|行业奖|有分量|市场份额|领先好几年|个人品牌|做就做第一|履历|百年企业|大格局|"
        "国际市场|最想做成|行业大会|跨越|上新闻|开创性|资本市场|领跑者|新的业务线|事业|龙头|头把交椅|"
        "一鸣惊人|做出一番|行业标杆|做大做强|"
        "leader in its sector|remember her for|remember him for|showcase|industry award|new markets|"
        "years ahead|defines his career|defines her career|industry conference|new line of business|"
        "make a name|put them on|pioneer|the first of its kind|ambition|ambitious|"
        "标杆|示范|行业第一|行业前三|突破|出名|名气|代表作|大事|创新|转型|成绩|干成|市场地位|领先|功成名就|最重要的一个项目|职业生涯|"
        "flagship|breakthrough|market leader|market leadership|transformed|transform|known as|on the map|"
        "legacy|innovation|award"
        "|扛旗|这面旗|竞聘|拿奖|评正高|评副院长|样板|第一个|首家|重点专科|政绩|升总监|履历|全国首|区域医疗中心|nobody in the industry|market share|staking|first in region|first in the|first multi|first to|publish|congress|case study"
    ),
}

#: Naming a department (or one of its people) as the one who speaks or cares.
DEPARTMENT_NAMES: dict[str, tuple[str, ...]] = {
    "executive": _split(
        "老板|董事长|董事会|总经理|总裁|副总|高管|高层|一把手|总经办|厂长|"
        "ceo|coo|gm|general manager|chairman|board|vp|president|the top|top management|院长|副院长|局长|副局长|行长|副行长|书记|校长|厅长|集团领导|exec team|executive|managing director|founder|owner|cmo"
    ),
    "purchasing": _split(
        "采购|procurement|purchasing|buyer|buyers|设备科|设备处|招采|采购办|sourcing|purchaser"
    ),
    "technical": _split(
        "技术部|技术总监|技术经理|技术那边|技术负责人|技术|工程师|架构师|it-dept|cto|"
        "engineer|engineers|engineering|architect|信息科|信息中心|信息部|信息处|信息化|科技部|cio|security team|devops"
    ),
    "user": _split(
        "使用部门|车间|仓库|班组|一线|工人|操作工|员工|用户部门|"
        "users|operators|supervisors|warehouse|nurses|shop floor|plant floor|临床|科室|护士长|护士|医生|老师|教务|运营部|运营中心|营运|运营总监|门店|店长|生产部|产线|head of ops|ops|operations|ward|clinicians|doctors|teachers|store managers|lab director|lab supervisor"
    ),
    "finance": _split("财务|cfo|finance|financial controller"),
    "other": _split(
        "法务|律师|行政|人力|人事|hr|品质部|质量部|安环|审计|legal|lawyer|compliance|facilities|"
        "风控|院办|总务|后勤|医保办|纪委|risk team|audit committee|general counsel"
    ),
}

#: Common Chinese surnames: "刘工" (an engineer) and "王总" (a senior manager) name a person's
#: role by surname + title, which no fixed phrase list can cover.
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫"
    "孔向汤常葛康伍乔倪柳洪文牛温庞樊兰殷单章包鲁齐邢鲍裴欧祝岳"
)
#: Surname + title → department. 工 (engineer; 总工 chief engineer, "xx gong" in pinyin) is technical;
#: 总 (a general manager or vice-president) is the decision layer. Words that merely start with the
#: title character (工作, 总部, 总监…) are excluded by the characters that may not follow it.
ROLE_TITLES: dict[str, tuple[str, str]] = {
    "technical": ("工", "作厂程人具资期艺序商会地位业单种友夫"),
    "executive": ("总", "部结体量数额价监经裁工共之计算的账包是归有要得会而言"),
}

#: What each department typically cares about (ch2; finance is the project's addition).
DEPARTMENT_CUES: dict[str, tuple[str, ...]] = {
    "executive": _split(
        "战略|大方向|方向|未来|同行|标杆企业|社会认可|投入产出|外部专家|专家|各部门的意见|"
        "strategy|strategic|direction|peers|three years|future|outside experts|industry|positions them|"
        "market leadership"
    ),
    "purchasing": _split(
        "降价|压价|价格|报价|便宜|折扣|让利|交期|交货|现货|急单|紧急订单|小批量|大批量|品类|打包|供应商数量|"
        "品牌|资质|成功案例|成立|综合成本|运输|买错|"
        "discount|% off|price|pricing|delivery|lead time|volume|reference customers|track record|in business|"
        "certifications"
    ),
    "technical": _split(
        "架构|接口|兼容|对接|稳定性|宕机|故障|备份|加密|权限|安全性|等保|认证|证书|白皮书|检测报告|参数|扩展|"
        "先进|性能|操作系统|数据库|erp|api|poc|联调|"
        "architecture|api|integration|compatibility|uptime|stability|security|encryption|sso|sign-on|iso|"
        "certification|technical|performance"
    ),
    "user": _split(
        "上手|好用|难用|习惯|用惯|培训|学不会|损耗|人工|少用|现有的设备|配套|场地|界面|操作流程|噪音|"
        "routine|how they work|labour|labor|training|interface|easy to use|ease of use|workload|clumsy"
    ),
    "finance": _split(
        "预算|付款|账期|尾款|分期|分三期|发票|专票|回报|收回|roi|成本太高|总成本|划算|没钱|"
        "budget|payment|payments|payback|invoice|fiscal|cost of ownership|tco|overpriced"
    ),
    "other": _split(
        "合同条款|违约|知识产权|保密协议|质量体系|安全规范|合规|indemnity|liability|nda|data retention"
    ),
}

#: Phrases that look like cues but are not: they hide any cue inside them.
NOT_CUES = _split("采购计划|采购需求")

SIGNAL_CUES: dict[str, tuple[str, ...]] = {
    "shares_inside_info": _split(
        "私下告诉|私下说|私下透露|偷偷|悄悄|透露|告诉我们|告诉我|内部消息|发给我|拍给我|给我们看|给我看|"
        "提醒我们|名单|评分表|纪要|底价|对手的报价|竞品|打分细则|草稿|内部关系|报价单给了我们|提前准备|让我们注意|"
        "off the record|tipped us off|heads-up|shared the|leaked us|told us who|told me that|internal|"
        "shortlist|org chart|the budget is|gave us a heads"
    ),
    "sells_internally": _split(
        "帮我们说话|替我们说话|帮我们推|内部推|内部帮|替我们争取|帮我们争取|推荐我们|推荐了我们|主动推荐|"
        "说好话|做工作|说服|打过招呼|力挺|帮我们准备|帮我们写|帮我们说|一直推|亲自去|在老板面前帮|替我们说了|都谈过了|去摆平|推动|"
        "pitched|push for us|pushing it hard|selling our|lobbying the board|lobbying for|speak up for us|"
        "promoting our|convinced the|championed|argued for us|treat us as the preferred|back us in"
    ),
    "consults_us": _split(
        "跟我们商量|先跟我们|先问问我们|听听我们的建议|我们的建议|提前跟我们|通个气|对一下|碰一下|拿给我们看|先拿给我们|找我们商量|"
        "征求|商量|"
        "runs it by us|run it by us|calls us before|go over|with us before|check with us|consults us|"
        "asks our advice|ask our advice"
    ),
    "blocks_info": _split(
        "封锁|不让我们|打听不到|问什么都|什么都不说|什么都不告诉|什么都不讲|压着|压下来|压下了|卡在|挡掉|挡着|不告诉|"
        "不透露|不方便透露|没往|不往上报|约不到|没人回|"
        "gatekeep|gatekeeping|gatekeeper|stonewall|stonewalls|won't share|refuses to share|keeps us away|"
        "no access|blocking|blocks every|won't tell"
    ),
    "leaks_to_competitor": _split(
        "泄露|转给了|给了对手|发给了对手|对手手里|竞争对手手里|对手就知道|对手知道|被对手拿去|照着改|对竞争对手倒是|对手拿去|"
        "forwarded it|leaked our|ended up with the competitor|shared our proposal with|passed our|"
        "to the competitor|to the rival|给了competitor|转给了competitor"
    ),
    "perfunctory": _split(
        "敷衍|应付|嗯嗯|好的好的|好好好|回头再说|再研究研究|没下文|已读不回|只回了|打哈哈|心不在焉|看手机|"
        "走过场|绕开|送客|回去等消息|一个表情|"
        "brushed|one-word answers|checking his phone|checking her phone|keep in touch|sure, sure|nodded along|"
        "wasn't listening|noncommittal|went through the motions|get back to you|ended the call"
    ),
    "says_vs_does": _split(
        "说了三次|说了一个月|答应|说好的|结果|口头上|实际上|没兑现|没动静|一直拖|说一套做一套|嘴上说|到现在|都没提|"
        "never did|nothing ever happens|keeps saying|promised|keeps cancelling|but never|on paper"
    ),
    "public_support_private_opposition": _split(
        "当面|背后|背地里|私下跟|表面上|转身|会后|人前|两面|told his boss privately|told her boss privately|"
        "behind our back|to our face|privately|then quietly|undermines"
    ),
    "under_pressure": _split(
        "压力|扛不住|顶不住|顶住|天天催|催得|压价|施压|考核|被动|集团那边|没办法|更看重价格|只看价格|"
        "pressure|pushing hard|pushing for|leaning on|fold|pushing her|pushing him"
    ),
    "rebutted": _split(
        "顶回|驳回|反驳|被否|批了一顿|被怼|被质疑|底气不足|领导否|被老板|当场|"
        "shot down|pushback|challenged|contradicted|grilled|overruled him|overruled her"
    ),
    "tempted": _split(
        "诱惑|诱人|返点|回扣|送了|免费|请他|请他们|旅游|考察|动心|好处|条件很|承诺给|对手给|"
        "rebate|kickback|free year|free|trip|offered|wavering|gift"
    ),
    "polite_to_all": _split(
        "对每家|每家都|对谁都|跟谁都|都很客气|客客气气|都客气|谁也不得罪|谁都不得罪|不站队|一碗水端平|"
        "都一个态度|跟每家|也很客气|对另外|都一样|公平对待每|treats all|all three vendors|"
        "every vendor|all vendors|every bidder|won't take sides|friendly with every|same nice things|"
        "polite to all|equally friendly|polite to every"
    ),
}

#: Words that negate a cue when they come just before it. Checked in a short window.
NEGATORS_ZH = ("不", "没", "未", "别", "无", "非")
#: Words that contain a negator character but do not negate what follows.
NOT_NEGATORS_ZH = (
    "不过",
    "不少",
    "不错",
    "不仅",
    "不管",
    "不断",
    "差不多",
    "不得不",
    "无论",
    "别家",
    "别人",
    "别的",
    "非常",
)
NEGATORS_EN = (
    "not",
    "no",
    "never",
    "n't",
    "isn't",
    "wasn't",
    "doesn't",
    "don't",
    "didn't",
    "won't",
    "can't",
    "aren't",
)
#: Words that soften a cue ("有点兴趣", "somewhat interested"): the cue counts less.
SOFTENERS = _split(
    "有点|有些|可能|也许|稍微|不太|还行|一点|好像|似乎|倒也|还算|a bit|somewhat|maybe|perhaps|kind of|sort of|slightly|fairly"
)
