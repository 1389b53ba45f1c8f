"""Third-round bodies for ``compose``: personal-need behaviour and more wording per level.

Written from the meaning of each level and need (methodology §2), in new words: what a
customer says or does, in Chinese and English. Need bodies carry no attitude of their own;
``compose`` puts them next to a level body or a logistics line, so a need is learned apart
from the level. Tags after " | " as in ``compose`` (signals, departments).
"""

from __future__ import annotations

# ---------------------------------------------------------------- personal needs, behaviour
ZH_NEED = {
    "safety": """
他做什么都要有先例,没人用过的东西他不碰
她说宁可慢一点,也不能出差错
他习惯等别的单位先试,效果好了再跟进
这个人很怕担干系,签字之前要问三遍
他一直把决定往后推,说再看看再说
她总说稳字当头,别折腾
他从不单独跟供应商吃饭,怕别人说他拿了好处
他开会从来不第一个表态,都是等大家说完再附和
她说一切照章办事,对哪家都一个标准
他最关心的是万一出事会不会追到他头上
他说离退休没几年了,求个平平安安
她不愿意当出头鸟,别人怎么选她就怎么选
他跟销售总是保持距离,见面都叫上同事
他要我们写保证书,出了问题由我们兜底
她说新东西风险大,用老的至少不会挨批
他总在问有没有同行业的大厂在用
他对合同里的违约条款看得特别细,生怕自己吃亏
他说这种事急不得,宁可错过也不能选错
她习惯把责任推给集体决策,自己不拍板
他说今年不想有任何变动,保住现在的局面就好
他怕被审计查出问题,每一步都要留痕
她一再强调要公开透明,谁也不能走后门
他把采购拆成几个小单,免得一次担太大的风险
他宁愿多花点钱买个放心
他说先小范围试点,没问题了再铺开
他总担心换了系统之后自己的位置不保
她说不求有功但求无过
他从来不替任何一家供应商说话
""",
    "belonging": """
他开口之前总要先看一眼领导
领导喜欢哪家他就夸哪家
她很看重自己在老板心里的分量
他说要让领导满意才是最重要的
他做事总想着别让哪个部门不舒服
她在领导面前很积极,想让老板记住她
老板一句话,他立刻改口
他把我们的材料先给总经理过目,听了意见才表态
她说这事得几个部门都点头,她不想得罪人
他跟着副总的口风走,副总说好他就说好
他很在乎团队里大家对他的看法
她总想当个和事佬,两边都不得罪
他说只要领导高兴,用哪家都行
他希望这个项目做好了能让领导夸他两句
她什么意见都先跟领导对一遍口径
他刚调来不久,很想跟大家打成一片
他总说要顾全大局,照顾各方面的关系
老板在场时他话很多,老板不在他就不吭声
她把领导的意思当成自己的意思
他想通过这个项目跟老板走得更近
他说跟各部门关系处好比什么都强
她说别人都同意了,她也不想唱反调
他最怕的是被领导冷落
他做决定前总问问身边同事怎么看
""",
    "esteem": """
他说这个项目他来定,别人插不上手
她上任以后把原来的供应商全换了一遍
他专门推翻了老工程师的意见,要按自己的想法来
他很看重排场,见面要我们老总亲自来
她说谁不听安排就换谁
他喜欢别人叫他专家,讲技术时特别来劲
他要让大家看看,他选的路是对的
她不喜欢下属越级汇报,事事都要经过她
他故意不用前任定下来的方案,要另起炉灶
他对我们销售迟到很不高兴,觉得不被重视
她想在新岗位上做出点样子给大家看
他经常当众否定资深员工的建议
他说这事我拍板,出了问题我负责
她很在意我们有没有先向她汇报
他为了显示自己的权威,把会议改到了他的办公室
他说他不需要别人教他怎么做
她刚升职,急于树立威信
他对老供应商很冷淡,说要给公司换换血
他就是要跟上一任不一样
她坚持所有方案都得她签字才算数
他很享受别人请教他的感觉
他说就算全公司都反对,他也认定自己的判断
""",
    "self_actualization": """
他想借这个项目让公司成为行业的领头羊
她说要干就干一件能留名的事
他的目标是把工厂做成全国的智能制造示范点
她想通过这个项目冲击行业奖项
他说要在退休前做成一件有分量的事
他很关心这个项目能不能帮公司拿下更多市场份额
她希望这个系统能让公司在同行里领先好几年
他想借数字化转型打出个人品牌
他说要做就做第一,第二没意思
她想把这个项目写进自己的职业履历
他经常讲公司要做百年企业,要有大格局
他想让公司的产品打进国际市场
她说这是她职业生涯里最想做成的一个项目
他希望能在行业大会上分享这个案例
他想通过这次改革实现业务上的跨越
她特别看重项目能不能上新闻、被同行关注
他追求的是开创性的东西,跟着别人走他没兴趣
他说要让公司在资本市场上有个好故事
她希望借这个项目实现从跟随者到领跑者的转变
他想开辟一条新的业务线,做出自己的事业
""",
}

EN_NEED = {
    "safety": """
he won't sign anything that hasn't been done somewhere else first
she'd rather be slow than wrong
he waits to see what the others choose before committing
he keeps pushing the decision back another quarter
she never meets vendors without a colleague in the room
he only speaks after everyone else has given their view
she applies exactly the same rules to every bidder
he is mostly worried about being blamed if it goes wrong
he is close to retirement and wants no surprises
she asked for guarantees that we carry the risk
he wants a small pilot first, just in case
she says nobody gets punished for choosing the safe option
he goes over the penalty clauses line by line
he prefers a group decision so no one person is on the hook
she keeps everything formal and documented for the auditors
he asks which big names already use it before anything else
""",
    "belonging": """
he checks his director's face before he answers anything
she praises whichever vendor her boss likes
he wants his manager to be pleased with the outcome
she tries hard not to upset any department
he changes his tune as soon as the VP speaks
she runs every opinion past her boss first
he hopes the GM gives him credit for this
she acts as the peacemaker between engineering and operations
he goes along with whatever the team agrees on
she is new and keen to be accepted by the group
he says keeping good relations with everyone matters most
he hopes the project earns him a word of praise from the top
""",
    "esteem": """
he wants it understood that this is his call and nobody else's
she replaced every supplier her predecessor had chosen
he overruled his most experienced engineer to do it his way
he expects our managing director to come in person
she wants to show the board she was right to hire her
he likes being treated as the expert in the room
he wants every sign-off to land on his desk
she set aside the previous plan just because it wasn't hers
he was annoyed we went to his deputy before him
she is newly promoted and eager to assert herself
he publicly dismisses ideas from the senior staff
he wants to prove his judgment even if everyone disagrees
""",
    "self_actualization": """
he wants this to make the company the leader in its sector
she wants to do something people will remember her for
he aims to build the country's showcase smart factory
she hopes the project wins an industry award
he talks about taking the business into new markets abroad
she wants the system to put them years ahead of competitors
he sees this as the project that defines his career
she wants to present the case at the big industry conference
he is after a real breakthrough, not another incremental upgrade
she wants to grow a whole new line of business out of it
he dreams of being known as the one who transformed the company
""",
}

# ---------------------------------------------------------------- more wording per level
ZH_SAY3 = {
    4: """
别家的东西我们一概不要,就你们了
这单我保你们拿下,谁也别想插手
其他厂商的方案我连信封都没拆
跟你们合作是板上钉钉的事,别人免谈
除非你们不做,不然不会有第二家
我已经让助理把别的供应商都推掉了
谁要是想换掉你们,先过我这一关
""",
    3: """
我偷偷跟你说,评委里有两个人对你们有意见,你们得去做做工作 | sii
下周的碰头会我会帮你们讲话 | si
对手刚给我们老板送了方案,内容我大概跟你讲讲 | sii ex
你们有什么动作之前先跟我说一声,我帮你们参谋 | cu
预算批了多少我不方便说,不过你们报这个数肯定没问题 | sii fi
内部的阻力主要在生产那边,我去帮你们疏通 | si us
我已经在几个领导那儿替你们打过招呼了 | si ex
""",
    2: """
我个人是站你们的,不过最后还得集体定
你们的产品确实好用,我投赞成票
我挺看好你们,只要上面不反对就行 | ex
总的来说我支持,就怕到时候领导有别的想法 | up ex
你们这边我是认可的,但你们的销售得再专业一点
我支持你们,就看你们能不能扛住价格压力 | up
""",
    1: """
听起来有点意思,能不能详细讲讲
你们这个能解决我们的问题吗?说来听听
可以先安排个演示看看
有没有资料发我一份,我研究研究
你们跟别家比有什么不一样的地方?
改天请你们来给团队讲一讲
""",
    0: """
现在说这个为时过早,等我们内部理清楚再说
你们先回去吧,有招标会通知你们的 | pa
我们对所有供应商都一样,按程序来 | pa
这事跟我关系不大,我听大家的
等明年预算下来再说吧
具体用哪家,到时候评标结果说了算 | pa
""",
    -1: """
我们用现在这家用得挺顺手的,暂时不考虑换
东西先留下,有需要我们会找你们 | pf
今年的预算已经花完了,没这个安排 | fi
这事已经定下来了,你们晚了一步
哪家都一样,换来换去没意思
我们暂时没这方面的需求
""",
    -2: """
你们这个方案毛病太多,我看不行
说实话,你们的东西我不看好
你们来给我们讲这个,有点班门弄斧了
用你们的东西只会给我们添麻烦
你们的报价太离谱了,没法谈 | pu
你们的技术方案漏洞百出 | te
""",
    -3: """
只要对手不犯大错,我们不会考虑你们
你们的资料我不会给,别问了 | bi
这个项目你们就别打听了,没什么可说的 | bi
""",
    -4: """
你们要是进来了,我就不干了
这辈子都别想跟我们合作
跟你们合作?除非我不在这个位置上
谁用你们谁就是跟我作对
""",
}
ZH_DO3 = {
    4: """
把其他供应商的样品都退了回去,只留了我们的
在内部会议上表态,这个项目只跟我们合作
直接跳过了比选流程,指定用我们
""",
    3: """
私下把评标细则拍照发给了我们 | sii
主动帮我们约了分管副总见面 | si ex
在定方案之前专门打电话问我们的意见 | cu
把竞争对手的拜访记录讲给我们听 | sii
在部门会上帮我们把方案又讲了一遍 | si
""",
    2: """
在评审会上给我们打了高分,但没有公开表态
答应帮我们推,可一说到老板就有点犹豫 | up ex
对手送了两张球票,他收下了,不过还是说我们好 | tp
""",
    1: """
主动加了我们的微信,问了几个产品问题
要了一份同行业的案例材料
让下属整理一下我们和其他两家的对比
""",
    0: """
每家供应商都接待了,态度都一样客气 | pa
听完介绍点点头,没说好也没说不好
说等项目立项后再统一通知各家 | pa
""",
    -1: """
见了我们五分钟就说还有会,让我们留下资料 | pf
几次约见都推说没时间 | pf
说了要回电话,一直没回 | svd
""",
    -2: """
在会上逐条挑我们方案的毛病
跟同事说我们公司不专业,不值得合作
在内部邮件里把我们的产品贬得一文不值
""",
    -3: """
把我们提交的方案转给了另一家供应商 | lc
不让项目组的人跟我们接触 | bi
评标会改期了也没通知我们 | bi
当着我们的面说好,转头就在老板面前说我们不行 | pspo ex
拉着其他部门一起反对我们入围
""",
    -4: """
在会上拍桌子,说用我们就是跟他过不去
到处说我们的坏话,发誓要把我们赶出去
因为我们的事跟老板大吵了一架,扬言要辞职 | ex
""",
}
EN_SAY3 = {
    4: """
we are done looking, you are the only supplier we will use
the other vendors have been told to stop calling
anyone who wants to replace you will have to go through me
""",
    3: """
between us, two people on the panel are against you, go and see them | sii
I'll speak up for you at the steering meeting | si
run your next move past me first and I'll help you | cu
the budget is bigger than you think, don't underquote | sii fi
""",
    2: """
I'm on your side, though the final call is collective
your product works, I'll vote for it
I back you, as long as management doesn't object | ex
I support you, but if the pressure from above grows I may have to fold | up ex
""",
    1: """
that sounds promising, tell me more
could you show us a demo sometime?
send me something to read and I'll take a look
how are you different from the others?
""",
    0: """
it's a bit early, we haven't worked out what we need yet
all suppliers will get the same tender documents | pa
it doesn't make much difference to me who wins
we'll revisit this after the budget round
""",
    -1: """
we are fine with what we have, thanks
leave your card, we'll reach out if something comes up | pf
nothing is planned for this year
that ship has sailed, we've already chosen
""",
    -2: """
frankly your proposal is weak
your product would only make our lives harder
your pricing is unrealistic | pu
""",
    -3: """
we won't look at you unless the other vendor messes up
I'm not sharing any project details with you | bi
""",
    -4: """
not while I am running this department
if you win this, I walk out
""",
}
EN_DO3 = {
    3: """
quietly sent us the scoring sheet | sii
set up a meeting for us with the plant director | si ex
called to ask our view before changing the spec | cu
""",
    1: """
asked for a reference customer to call
requested a short trial
""",
    0: """
gave every vendor the same polite hearing | pa
""",
    -1: """
cut the meeting short and asked us to email the details | pf
""",
    -2: """
criticised our offer in front of the whole team
told colleagues we are not a serious company
""",
    -3: """
passed our bid documents to another vendor | lc
stopped inviting us to project meetings | bi
praised us to our face and then ran us down to the CEO | pspo ex
""",
    -4: """
threatened to resign if we are selected | ex
""",
}

# ---------------------------------------------------------------- third round, second batch (more voices)
ZH_SAY4 = {
    4: """
这个事你们放一百个心,合同肯定是你们的
别人来我都打发走了,就等你们
我们只跟你们深度合作,其他的不谈了
有人想换掉你们?我第一个不答应
这回我们全押在你们身上了
""",
    3: """
你们别声张,我把会上的讨论结果跟你们讲一下 | sii
老板那边我替你们铺好路了,你们直接去汇报 | si ex
对手给的条件我都看到了,我告诉你们怎么应对 | sii
下一步调整方案之前,你们先来我这儿商量 | cu
评审的时候我会帮你们把关,有问题我提前通知 | si
""",
    2: """
我这一票是给你们的,就是不知道领导会不会改主意 | up ex
你们的东西我看了,挺满意的
我站你们这边,但是价格上你们得让一让 | pu
只要你们的人靠谱一点,我就一直支持
这家的方案我觉得可以用,我会推荐的
""",
    1: """
你们这个东西我倒是想多了解一点
下次能不能带技术的人过来详细聊聊 | te
有没有客户可以让我们去参观一下
价格大概什么范围?先给个参考 | pu
我们内部也在琢磨这个事,你们可以先出个初步方案
""",
    0: """
这事还没到谈的时候,你们别着急
各家都有机会,到时候看综合评分 | pa
我们不会偏向任何一家 | pa
选谁都行,对我们影响不大
立项以后会公开招标,你们关注公告 | pa
""",
    -1: """
我们这块已经够用了,不需要新的
你们的东西跟别人的没啥两样
资料我收下了,回头有需要再说 | pf
项目早就定了,你们别再跑了
今年不会有新的投入了 | fi
""",
    -2: """
你们这套方案根本不适合我们,别浪费时间了
上次你们的人来讲了一通,全是空话
你们的质量我信不过 | te
说实话,你们的服务是我见过最差的
""",
    -3: """
你们想要的东西我一样都不会给 | bi
除非人家出了大问题,不然轮不到你们
我会在会上明确反对你们
""",
    -4: """
我跟你们没什么好谈的,以后别来了
只要我还在,你们就别想做成这单
你们进来一天,我就跟你们斗一天
""",
}
EN_SAY4 = {
    4: """
it's yours, we aren't talking to anyone else
I have sent the other bidders home
""",
    3: """
off the record, the CFO is the one you need to convince, here is what he cares about | sii fi
I told the steering group you're the ones to pick | si
check with me before you change the offer, I'll tell you how it will land | cu
""",
    2: """
I like what you've shown us and I'll support it
I'm with you, provided my boss doesn't push back | up ex
your team has been good to work with, I'm in favour
""",
    1: """
I'd be curious to see how this works in practice
could you bring your engineers next time? | te
what would a pilot look like?
""",
    0: """
we are nowhere near choosing yet
every vendor will be judged on the same criteria | pa
I honestly don't mind who gets it
""",
    -1: """
we don't really need anything like this
honestly you all look the same to me
the contract went to someone else last month
""",
    -2: """
I don't think your solution is any good
your last presentation was a waste of our time
""",
    -3: """
I'll make sure you don't get the project documents | bi
you only have a chance if the other vendor fails badly
""",
    -4: """
I'll fight this with everything I have
we will never work with your company
""",
}

# ---------------------------------------------------------------- third batch: questions, conditions, negated opposites
ZH_SAY5 = {
    4: """
还用比吗?肯定是你们
换别人?想都别想,我们就认你们
不选你们选谁?别家我压根没打算见
""",
    3: """
我不方便出面,但内部的情况我会随时告诉你们 | sii
这事你们别急,我在里面帮你们盯着 | si
你们的报价怎么调,先跟我碰一下再定 | cu
""",
    2: """
我不反对你们,还挺认可的
你们也不是没优势,我觉得可以用
要是领导不拦着,我肯定投你们 | ex up
""",
    1: """
你们这个跟我们现在用的比,好在哪儿?
不是没兴趣,就是还想多看看
能不能先拿个样品回来试一试?
""",
    0: """
我也说不上偏向谁,听领导安排吧 | ex
谈不上喜欢也谈不上不喜欢,按程序走
这个项目我参与不多,你们找别人问问吧
""",
    -1: """
不是不想换,是真没这个预算 | fi
换了又能怎么样?还不是差不多
我们现在这套用得好好的,为什么要换?
""",
    -2: """
你们这样的方案也好意思拿出来?
不是我挑刺,你们的东西确实不行
你们懂我们这个行业吗?讲的都是外行话
""",
    -3: """
你们的事我不会往上报,也别指望我帮忙转 | bi
我已经跟评委打过招呼,别给你们高分
""",
    -4: """
想让我点头用你们?下辈子吧
你们赢了这单,我这个位置也就没了,我跟你们拼到底
""",
}
EN_SAY5 = {
    4: """
why would we look anywhere else? it's you
""",
    2: """
I'm not against you at all, I actually like the proposal
""",
    1: """
it's not that I'm not interested, I just want to see more first
""",
    0: """
I don't lean either way, it's up to the committee
""",
    -1: """
why would we change something that works?
""",
    -2: """
do you even understand our industry? this is amateur stuff
""",
    -3: """
I've told the panel not to score you well
""",
    -4: """
you win this over my objection and I quit
""",
}

# ---------------------------------------------------------------- fourth round: new voices
# Rhetorical and conditional refusals, polite-but-negative, sarcasm, behaviour told
# indirectly, English idioms; written from each level's meaning, not from earlier lines.
ZH_SAY6 = {
    4: """
这事还有什么好商量的?就定你们,别的都不用看了
哪天你们要是不干了,我们再想别的办法,在那之前只认你们
我跟老板拍了胸脯,说非你们不可 | ex
别人来报价我都让他们白跑一趟
""",
    3: """
我跟你透个底,竞争对手这次给的折扣是八五折 | sii
评分表的细则我拍给你,你们照着准备 | sii
采购那边我去打个招呼,你们放心 | si pu
下一步怎么报价,你们定之前先问问我 | cu
明天开会我替你们把话说在前头 | si
""",
    2: """
说心里话,我觉得你们的方案是几家里最靠谱的
我这一票肯定是给你们的,别的我说了不算
只要价格别太离谱,我这边没问题 | pu
你们的东西我用过,放心,我会说好话
""",
    1: """
哦?还有这种做法,你们接着说
这个思路倒挺新鲜,回头发个案例给我看看
听着不错,具体多少钱?要是合适可以聊聊 | pu
我们倒是有这方面的打算,你们可以先准备一下
""",
    0: """
这个嘛,我们内部还没讨论,不好说
都行,到时候看综合评分吧 | pa
各家都挺好的,我们会认真比较 | pa
我只负责收材料,怎么定不归我管
""",
    -1: """
谢谢你们专程跑一趟,不过我们真的用不上 | pf
心意领了,这事以后再说吧 | pf
挺好的,就是跟我们关系不大
好是好,可我们没这个必要
你们也挺辛苦的,可惜我们今年不打算动
""",
    -2: """
呵呵,你们这价格是按金子算的吧 | pu
就这?你们管这叫解决方案?
你们销售说得天花乱坠,东西一上手就露馅了
行吧,你们说能行就能行,反正出了事也不是你们担
这种东西白送我们都不一定要
""",
    -3: """
你们就别费劲了,标书里的条件是照着别家写的
你们的材料我先压着,等评完了再说 | bi
我已经跟老板说过,你们家不靠谱 | ex
别家的方案我们已经在走流程了,你们就当陪跑吧
""",
    -4: """
只要我在一天,你们就别想踏进这个门
你们要是能中标,我把名字倒过来写
谁敢签你们的合同,我就去纪委举报
我会让所有人都知道你们是什么货色
""",
}
ZH_DO6 = {
    4: """
他当着全体评委的面说,除了我们别家都不用考虑
他把我们的名字直接写进了年度计划,别家连名单都没进
""",
    3: """
他私下把竞争对手的报价单拍照发给了我们 | sii
他主动去财务那边替我们争取提前付款 | si fi
他每次做决定前都先打电话问我们的意见 | cu
""",
    2: """
他在会上替我们说了几句好话
他把我们的方案放在第一个讲,还说了声不错
""",
    1: """
他听完介绍,问了好几个细节问题,还要了联系方式
他把我们的资料转给了技术部,让他们也看看 | te
""",
    0: """
他全程听着,记了点笔记,没表什么态
他说各家的资料他都会转给领导,一视同仁 | pa ex
""",
    -1: """
他一边听一边看手机,十分钟后说还有个会就走了 | pf
他收了资料,客气地把我们送到门口,之后再没回过消息 | pf
他连样品盒都没打开
""",
    -2: """
他拿着我们的方案一页一页挑毛病,越说越来气
他在会上当众说我们的产品是花架子
他冷笑了一声,把我们的报价单推了回来 | pu
""",
    -3: """
他把我们的技术资料转给了竞争对手 | lc
他故意把我们的演示排在最后,只给了十分钟
他在招标参数里加了一条只有对手能满足的条件
他嘴上说支持,转头就在评审会上投了反对票 | svd pspo
""",
    -4: """
他到处跟人说我们的产品出过事故,要大家别用
他放话说谁跟我们接触就是跟他过不去
""",
}
EN_SAY6 = {
    4: """
as far as I'm concerned it's a done deal, you're our supplier
the other bids are a formality, we both know it's you
""",
    3: """
off the record, the competitor came in fifteen percent lower | sii
I'll put in a good word with the CFO before Friday | si ex fi
call me before you send the final quote, I'll tell you what flies | cu
""",
    2: """
count me in, your proposal makes a lot of sense
you've got my vote, for what it's worth
I'm a fan of what you've shown us
""",
    1: """
huh, I hadn't thought of it that way, go on
that could work for us, send me the numbers
I'm curious, what would a pilot look like?
""",
    0: """
I have no skin in this game
we'll weigh everyone on the same scale | pa
I'm just collecting quotes, the decision is above my pay grade
""",
    -1: """
thanks, but we're good for now
it's not on our radar this year
appreciate you coming by, but it's a pass | pf
nice deck, but it's not a priority for us
""",
    -2: """
oh great, another vendor promising the moon
with all due respect, this is not ready for prime time
that price is highway robbery | pu
your demo fell flat, to be honest
""",
    -3: """
between you and me, the spec was written with someone else in mind
don't hold your breath, the other vendor has this locked up
I'm not passing your deck up the chain | bi
""",
    -4: """
over my dead body will we sign with you
I'll make sure you never do business here again
if I have anything to say about it, you're finished here
""",
}
EN_DO6 = {
    3: """
he forwarded us the evaluation criteria before the tender went out | sii
she personally carried our offer down to the shop floor boss | si us
""",
    2: """
he nodded along the whole demo and said he'd back us at the meeting
""",
    1: """
she wanted a sandbox login and a customer we could put her in touch with
""",
    -1: """
he kept checking his watch and cut the meeting short | pf
she took our brochure and never replied to a single email | pf
""",
    -2: """
he shredded our deck slide after slide while his people watched
she rolled her eyes at our pricing slide | pu
""",
    -3: """
word is he slipped our quote to the competition | lc
she scheduled our demo at the end of the day and gave us ten minutes
""",
    -4: """
he has been telling everyone our product is a safety hazard
""",
}

# Fourth round: more personal-need behaviour (no attitude), in other words again.
ZH_NEED6 = {
    "safety": """
他说出了事谁负责得先写清楚
她每次都要我们拿出同类工厂的使用证明
他签字前要找法务、财务都过一遍,一个都不能少
他说宁可不做,也不能做错
""",
    "belonging": """
他说大家一起定的事,他跟着走就行
她很在意领导有没有注意到她的工作
他总想让各部门都觉得他好说话
他说跟老板站在一起准没错
""",
    "esteem": """
他要求所有汇报都先经过他,别人不能直接找老板
她说这个决定要体现她的判断,不要别人指手画脚
他很在意我们对他的称呼和接待规格
他想让大家知道这个项目是他拍板的
""",
    "self_actualization": """
他说想借这个项目把工厂做成全省的标杆
她想做一件行业里还没人做过的事
他说这是他职业生涯里最想做成的一件事
他希望用这个系统拿下明年的行业创新奖
""",
}
EN_NEED6 = {
    "safety": """
he wants every risk written down before he signs anything
she won't move until she sees a reference site just like theirs
""",
    "belonging": """
he goes along with whatever the team agrees
she cares a lot that her boss notices her work
""",
    "esteem": """
he wants it known that this was his call
nothing reaches the CEO unless it has crossed her desk | ex
""",
    "self_actualization": """
his dream is a factory that others in the sector come to copy
she sees this project as the defining achievement of her career
""",
}
