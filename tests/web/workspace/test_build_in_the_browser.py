"""Building a deal from nothing in the browser: an account, its deal, the buying group, relations.

Before, a new rep met empty pages that pointed to `dealmap import-deal FILE`: nothing could be
created in the web app, and relations could only come from an import.
"""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse

from dealmap.web.accounts.models import Account, Person, Relation
from dealmap.web.accounts.services import share_set
from dealmap.web.deals.models import Deal, Part

HTMX = {"HTTP_HX_REQUEST": "true"}
pytestmark = pytest.mark.django_db


def _login(client, user):
    client.login(username=user.username, password="dealmap-test-pw")
    return client


def test_a_new_rep_builds_a_deal_from_nothing(client, other_rep, fixed_today):
    c = _login(client, other_rep)
    assert reverse("accounts:create") in c.get(reverse("deals:list")).content.decode()
    response = c.post(reverse("accounts:create"), {"name": "苏州恒信医疗", "industry": "医疗器械"})
    account = Account.objects.get(owner=other_rep, name="苏州恒信医疗")
    assert response.status_code == 302 and response["Location"] == reverse(
        "accounts:detail", args=[account.pk]
    )

    response = c.post(
        reverse("accounts:deal_create", args=[account.pk]),
        {
            "name": "WMS 仓储系统",
            "stage": "方案评估",
            "amount": "1200000",
            "currency": "cny",
            "competitors": "富勒；科箭",
        },
    )
    deal = Deal.objects.get(account=account)
    assert response["Location"] == reverse("deals:detail", args=[deal.pk])
    assert deal.currency == "CNY" and deal.competitors == ["富勒", "科箭"] and deal.amount == 1200000

    add = reverse("workspace:person_add", args=[deal.pk])
    c.post(
        add,
        {
            "mode": "new",
            "name": "王志强",
            "layer": "decision",
            "department": "executive",
            "buying_role": "decision_maker",
            "power": "5",
        },
    )
    boss = Person.objects.get(account=account, name="王志强")
    response = c.post(
        add,
        {
            "mode": "new",
            "name": "陈磊",
            "title": "采购经理",
            "layer": "management",
            "department": "purchasing",
            "reports_to": boss.key,
            "buying_role": "evaluator",
            "is_coach": "on",
            "next": "another",
        },
    )
    assert response["Location"] == add
    chen = Person.objects.get(account=account, name="陈磊")
    assert chen.reports_to == boss and chen.key != boss.key
    assert Part.objects.get(deal=deal, person=chen).is_coach

    page = c.get(reverse("deals:detail", args=[deal.pk])).content.decode()
    assert "王志强" in page and "陈磊" in page and 'id="add-person"' in page


def test_a_person_is_not_given_a_name_someone_at_the_account_has(rep_client, demo_deal, row_counts):
    before = row_counts()
    response = rep_client.post(
        reverse("workspace:person_add", args=[demo_deal.pk]),
        {
            "mode": "new",
            "name": "周文",
            "layer": "management",
            "department": "technical",
            "buying_role": "evaluator",
        },
    )
    assert response.status_code == 422 and "已经有一位叫“周文”的人" in response.content.decode()
    assert row_counts() == before


def test_renaming_a_person_to_a_colleagues_name_is_refused_but_other_edits_still_save(rep_client, demo_deal):
    """The panel's form accepted two "陈磊" at one account, which the next workbook import could not tell apart."""
    panel = rep_client.get(reverse("workspace:person", args=[demo_deal.pk, "p4"])).content.decode()
    person = Person.objects.get(account=demo_deal.account, key="p4")
    part = Part.objects.get(deal=demo_deal, person=person)
    other = Person.objects.filter(account=demo_deal.account).exclude(pk=person.pk).first()
    data = {
        "name": other.name,
        "title": person.title,
        "layer": person.layer,
        "department": person.department,
        "buying_role": part.buying_role,
        "person_version": person.version,
        "part_version": part.version,
    }
    response = rep_client.post(reverse("workspace:person_save", args=[demo_deal.pk, "p4"]), data, **HTMX)
    assert response.status_code == 422 and "已经有一位叫" in response.content.decode()
    person.refresh_from_db()
    assert person.name != other.name and "周文" in panel
    data["name"] = person.name
    data["title"] = "新职务"
    assert (
        rep_client.post(reverse("workspace:person_save", args=[demo_deal.pk, "p4"]), data, **HTMX).status_code
        == 200
    )


def test_someone_already_at_the_account_joins_another_deal(rep_client, demo_deal):
    deal = Deal.objects.create(account=demo_deal.account, name="二期")
    person = Person.objects.filter(account=demo_deal.account).first()
    response = rep_client.post(
        reverse("workspace:person_add", args=[deal.pk]),
        {"mode": "existing", "person": person.key, "buying_role": "user"},
    )
    assert response.status_code == 302
    assert Part.objects.filter(deal=deal, person=person, buying_role="user").exists()
    page = rep_client.get(reverse("workspace:person_add", args=[deal.pk])).content.decode()
    assert f'value="{person.key}"' not in page.split("id_existing_person")[-1]  # no longer offered


def test_relations_are_added_from_either_side_refused_when_repeated_and_removed(rep_client, demo_deal):
    url = reverse("workspace:relation_add", args=[demo_deal.pk, "p4"])
    p4 = Person.objects.get(account=demo_deal.account, key="p4")
    p6 = Person.objects.get(account=demo_deal.account, key="p6")
    Relation.objects.filter(account=demo_deal.account).filter(
        source__in=[p4, p6], target__in=[p4, p6]
    ).delete()
    response = rep_client.post(url, {"way": "influenced_by", "other": "p6"}, **HTMX)
    assert response.status_code == 200
    relation = Relation.objects.get(source=p6, target=p4, kind="influences")
    assert "已添加关系" in response.content.decode() and 'hx-swap-oob="true"' in response.content.decode()
    again = rep_client.post(url, {"way": "influenced_by", "other": "p6"}, **HTMX)
    assert again.status_code == 422 and "已经记录过了" in again.content.decode()
    assert rep_client.post(url, {"way": "close", "other": "p4"}, **HTMX).status_code == 422  # not to oneself
    remove = reverse("workspace:relation_remove", args=[demo_deal.pk, "p4", relation.pk])
    assert rep_client.post(remove, **HTMX).status_code == 200
    assert not Relation.objects.filter(pk=relation.pk).exists()
    # Someone else's relation cannot be removed through this person's panel.
    far = Relation.objects.filter(account=demo_deal.account).exclude(source=p4).exclude(target=p4).first()
    assert (
        rep_client.post(reverse("workspace:relation_remove", args=[demo_deal.pk, "p4", far.pk])).status_code
        == 404
    )
    assert Relation.objects.filter(pk=far.pk).exists()


def test_taking_someone_out_of_a_deal_keeps_them_at_the_account(rep_client, demo_deal):
    person = Person.objects.get(account=demo_deal.account, key="p4")
    response = rep_client.post(reverse("workspace:part_remove", args=[demo_deal.pk, "p4"]))
    assert response.status_code == 302 and response["Location"] == reverse(
        "deals:detail", args=[demo_deal.pk]
    )
    assert not Part.objects.filter(deal=demo_deal, person=person).exists()
    assert Person.objects.filter(pk=person.pk).exists()
    assert rep_client.get(reverse("workspace:person", args=[demo_deal.pk, "p4"])).status_code == 404


def test_a_deals_facts_are_edited_and_a_stale_edit_is_refused(rep_client, demo_deal):
    url = reverse("deals:edit", args=[demo_deal.pk])
    form = rep_client.get(url).content.decode()
    assert f'value="{demo_deal.stage}"' in form and "\n".join(demo_deal.competitors) in form  # filled in
    data = {
        "name": demo_deal.name,
        "stage": "商务谈判",
        "amount": "100",
        "currency": "CNY",
        "competitors": "",
        "version": demo_deal.version,
    }
    assert rep_client.post(url, data).status_code == 302
    demo_deal.refresh_from_db()
    assert demo_deal.stage == "商务谈判" and demo_deal.competitors == []
    stale = rep_client.post(url, {**data, "stage": "签约"})
    assert stale.status_code == 409 and "其他人已保存了这个商机" in stale.content.decode()
    demo_deal.refresh_from_db()
    assert demo_deal.stage == "商务谈判"


@pytest.mark.parametrize(
    ("name", "args", "data"),
    [
        ("accounts:deal_create", lambda d: [d.account.pk], {"name": "偷偷建的商机"}),
        (
            "workspace:person_add",
            lambda d: [d.pk],
            {
                "mode": "new",
                "name": "外人",
                "layer": "decision",
                "department": "finance",
                "buying_role": "user",
            },
        ),
        ("workspace:relation_add", lambda d: [d.pk, "p4"], {"way": "close", "other": "p6"}),
        ("workspace:part_remove", lambda d: [d.pk, "p4"], {}),
        (
            "workspace:relation_remove",
            lambda d: [d.pk, "p4", Relation.objects.filter(account=d.account).first().pk],
            {},
        ),
        ("deals:edit", lambda d: [d.pk], {"name": "改名", "currency": "CNY", "version": 1}),
    ],
)
def test_writes_need_edit_rights_and_say_nothing_to_outsiders(
    client, demo_deal, other_rep, row_counts, name, args, data
):
    """Someone who may only read gets 403; someone who may not see the account gets 404, as if it
    did not exist; neither changes anything."""
    before = row_counts()
    url = reverse(name, args=args(demo_deal))
    assert _login(client, other_rep).post(url, data).status_code == 404
    assert row_counts() == before
    share_set(account=demo_deal.account, user=other_rep, can_edit=False, by=demo_deal.account.owner)
    before = row_counts()
    assert client.post(url, data).status_code == 403
    assert row_counts() == before
    demo_deal.refresh_from_db()
    assert demo_deal.name != "改名"


def test_a_new_deal_has_no_trend_before_it_started(client, other_rep, demo_deal):
    """A deal created today showed ▲9 "vs. 15 days ago" and ▲61 over 30 days: against the empty
    map's 20 on days it did not exist. A deal imported with a history keeps its trend."""
    c = _login(client, other_rep)
    account = Account.objects.create(owner=other_rep, name="新客户")
    deal = Deal.objects.create(account=account, name="新商机")
    c.post(
        reverse("workspace:person_add", args=[deal.pk]),
        {
            "mode": "new",
            "name": "王总",
            "layer": "decision",
            "department": "executive",
            "buying_role": "decision_maker",
        },
    )
    trend = c.get(reverse("workspace:trend", args=[deal.pk])).content.decode()
    assert "新商机，还没有更早的分数" in trend and "▲" not in trend
    portfolio = c.get(reverse("workspace:portfolio")).content.decode()
    row = portfolio.split("新商机")[1].split("</tr>")[0]
    assert "▲" not in row and ">新<" in row
    client.logout()
    client.login(username=demo_deal.account.owner.username, password="dealmap-test-pw")
    demo_trend = client.get(reverse("workspace:trend", args=[demo_deal.pk])).content.decode()
    assert "新商机" not in demo_trend and ("▲" in demo_trend or "▼" in demo_trend or "±0" in demo_trend)


@pytest.mark.parametrize(
    ("asked", "said"),
    [
        ("garbage", "“garbage”不是 YYYY-MM-DD 格式的日期：显示的是今天。"),
        ("2099-01-01", "2099-01-01 还没有到：显示的是今天。"),
        ("2026-02-30", "不是 YYYY-MM-DD 格式的日期"),
        ("2000-01-01", "到 2000-01-01 为止，这个商机还没有任何记录：显示的是它的第一天"),
    ],
)
def test_a_replay_day_the_page_cannot_show_is_named(rep_client, demo_deal, asked, said):
    """?as_of=garbage, a future day or 2026-02-30 silently showed today."""
    html = rep_client.get(reverse("deals:detail", args=[demo_deal.pk]), {"as_of": asked}).content.decode()
    assert 'id="replay-problem"' in html and said in html


def test_a_day_before_the_deal_shows_its_first_day_not_an_empty_map(rep_client, demo_deal):
    """?as_of=2001-01-01 showed the empty map's 20, a "new" trend and "nobody contacted"."""
    html = rep_client.get(
        reverse("deals:detail", args=[demo_deal.pk]), {"as_of": "2001-01-01"}
    ).content.decode()
    first = re.search(r"显示的是它的第一天 (\d{4}-\d{2}-\d{2})", html).group(1)
    assert f'name="as_of" value="{first}"' in html and 'value="2001-01-01"' not in html


def test_a_replay_day_the_page_can_show_says_nothing_extra(rep_client, demo_deal):
    html = rep_client.get(
        reverse("deals:detail", args=[demo_deal.pk]), {"as_of": "2026-11-01"}
    ).content.decode()
    assert 'id="replay-problem"' not in html


def test_a_close_or_conflict_tie_is_one_relation_whichever_side_records_it(rep_client, demo_deal):
    """ "A close to B" then "B close to A" stored both: the panel listed the tie twice."""
    people = list(Person.objects.filter(account=demo_deal.account).order_by("pk"))
    a, b = people[0], people[-1]
    Relation.objects.filter(source__in=[a, b], target__in=[a, b]).delete()
    for kind, word in (("close", "close"), ("conflicts", "conflicts")):
        first = rep_client.post(
            reverse("workspace:relation_add", args=[demo_deal.pk, a.key]),
            {"way": word, "other": b.key},
            **HTMX,
        )
        again = rep_client.post(
            reverse("workspace:relation_add", args=[demo_deal.pk, b.key]),
            {"way": word, "other": a.key},
            **HTMX,
        )
        assert (first.status_code, again.status_code) == (200, 422), kind
    assert Relation.objects.filter(source__in=[a, b], target__in=[a, b]).count() == 2
    # "sways" is a direction: both ways are two relations.
    rep_client.post(
        reverse("workspace:relation_add", args=[demo_deal.pk, a.key]),
        {"way": "influences", "other": b.key},
        **HTMX,
    )
    back = rep_client.post(
        reverse("workspace:relation_add", args=[demo_deal.pk, b.key]),
        {"way": "influences", "other": a.key},
        **HTMX,
    )
    assert back.status_code == 200


def test_an_account_does_not_get_two_deals_of_one_name(rep_client, demo_deal):
    """Back and submit again made two deals of one name, which a workbook could not tell apart."""
    account = demo_deal.account
    url = reverse("accounts:deal_create", args=[account.pk])
    response = rep_client.post(url, {"name": demo_deal.name, "currency": "CNY"})
    assert response.status_code == 422 and "已经有一个名为" in response.content.decode()
    assert Deal.objects.filter(account=account, name=demo_deal.name).count() == 1
    other = Deal.objects.create(account=account, name="二期")
    edit = reverse("deals:edit", args=[other.pk])
    renamed = rep_client.post(edit, {"name": demo_deal.name, "currency": "CNY", "version": other.version})
    assert renamed.status_code == 422 and Deal.objects.get(pk=other.pk).name == "二期"


@pytest.mark.parametrize(
    ("amount", "said"),
    [
        ("1e20", "必须小于 10,000,000,000,000"),
        ("0.001", "最多只能有 2 位小数"),
        ("-5", "不能为负数"),
        ("abc", "请输入数字"),
    ],
)
def test_a_bad_amount_is_refused_in_the_apps_words(rep_client, demo_deal, amount, said):
    """Django's own words came through: "确认总共不超过 15 个数字." with an ASCII full stop."""
    url = reverse("accounts:deal_create", args=[demo_deal.account.pk])
    html = rep_client.post(url, {"name": "三期", "currency": "CNY", "amount": amount}).content.decode()
    assert said in html and "确认" not in html


def test_competitors_that_differ_only_in_case_or_width_are_one(rep_client, demo_deal):
    url = reverse("accounts:deal_create", args=[demo_deal.account.pk])
    html = rep_client.post(
        url, {"name": "四期", "currency": "CNY", "competitors": "Acme；acme"}
    ).content.decode()
    assert "重复出现" in html and not Deal.objects.filter(name="四期").exists()


def test_after_someone_leaves_the_deal_its_file_still_imports(rep_client, demo_deal):
    """Interactions whose only participant left stayed in the deal with no participant: its own
    deal file then failed to import ("interactions[6].stakeholders")."""
    from dealmap.interchange.dealfile import dump_deal, load_deal
    from dealmap.web.deals.domain import deal_to_domain

    rep_client.post(reverse("workspace:part_remove", args=[demo_deal.pk, "p4"]))
    data = json.loads(json.dumps(dump_deal(deal_to_domain(Deal.objects.get(pk=demo_deal.pk))), default=str))
    assert all(i["stakeholders"] for i in data["interactions"])
    load_deal(data)  # no DealFileError


def test_a_second_click_on_add_is_told_not_served_an_error(rep_client, demo_deal):
    deal = Deal.objects.create(account=demo_deal.account, name="三期")
    person = Person.objects.filter(account=demo_deal.account).first()
    url = reverse("workspace:person_add", args=[deal.pk])
    body = {"mode": "existing", "person": person.key, "buying_role": "user"}
    assert rep_client.post(url, body).status_code == 302
    again = rep_client.post(url, body)
    assert again.status_code == 422 and Part.objects.filter(deal=deal, person=person).count() == 1


def test_the_history_names_whose_part_only_on_part_entries(rep_client, demo_deal):
    html = rep_client.get(reverse("audit:deal_history", args=[demo_deal.pk])).content.decode()
    for label in ("商机 · ", "评估 · ", "接触记录 · "):
        assert label not in html
