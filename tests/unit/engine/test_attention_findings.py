"""TIME_* and NEUTRALS_UNDEVELOPED: where our time goes, at the edges of the windows."""

from engine_builders import add, assess, findings, make_deal, meet, person

from dealmap.engine import analyze


def with_opponent_contacts(count: int, days_ago: int = 5):
    """Five supporters met once each; an opponent met `count` times."""
    deal = add(make_deal(), person("op"), assess("op", -2))
    return add(deal, *[meet("op", days_ago=days_ago) for _ in range(count)])


def test_more_contacts_with_opponents_than_supporters_is_overinvesting():
    report = analyze(with_opponent_contacts(6))
    (finding,) = [f for f in report.findings if f.code == "TIME_OPPONENT_OVERINVESTED"]
    assert finding.subject == "" and finding.stakeholders == ("op",)
    assert "6" in finding.message.zh and "5" in finding.message.zh


def test_as_many_contacts_with_opponents_as_supporters_is_not_overinvesting():
    assert ("TIME_OPPONENT_OVERINVESTED", "") not in findings(with_opponent_contacts(5))


def test_opponent_contacts_older_than_the_window_do_not_count():
    deal = add(with_opponent_contacts(5, days_ago=90), meet("op", days_ago=91))
    assert ("TIME_OPPONENT_OVERINVESTED", "") not in findings(deal)
    deal = add(with_opponent_contacts(5, days_ago=90), meet("op", days_ago=90))
    assert ("TIME_OPPONENT_OVERINVESTED", "") in findings(deal)


def test_a_meeting_counts_once_per_participant():
    deal = add(make_deal(interactions=[meet("ceo", "user")]), person("o1"), person("o2"), person("o3"))
    deal = add(deal, assess("o1", -2), assess("o2", -3), assess("o3", -4), meet("o1", "o2", "o3"))
    assert ("TIME_OPPONENT_OVERINVESTED", "") in findings(deal)


def test_supporter_last_met_31_days_ago_is_neglected():
    deal = make_deal(
        interactions=[meet(p) for p in ("ceo", "buyer", "cto", "user")] + [meet("cfo", days_ago=31)]
    )
    report = analyze(deal)
    (finding,) = [f for f in report.findings if f.code == "TIME_SUPPORTER_NEGLECTED"]
    assert finding.subject == "cfo" and "2026-10-27" in finding.message.en


def test_supporter_met_exactly_30_days_ago_is_not_neglected():
    deal = make_deal(
        interactions=[meet(p) for p in ("ceo", "buyer", "cto", "user")] + [meet("cfo", days_ago=30)]
    )
    assert ("TIME_SUPPORTER_NEGLECTED", "cfo") not in findings(deal)


def test_supporter_never_met_is_neglected_one_finding_each():
    deal = make_deal(interactions=[meet("ceo"), meet("user")])
    found = {s for c, s in findings(deal) if c == "TIME_SUPPORTER_NEGLECTED"}
    assert found == {"buyer", "cto", "cfo"}


def test_a_meeting_after_as_of_does_not_count_as_contact():
    deal = make_deal(
        interactions=[meet(p) for p in ("ceo", "buyer", "cto", "user")] + [meet("cfo", days_ago=-3)]
    )
    assert ("TIME_SUPPORTER_NEGLECTED", "cfo") in findings(deal)


def neutral_deal(neutral_contact_days: int | None):
    """Assessed weight 35 with neutrals holding exactly 14 = 40% (a float 0.4 * 35 would miss it)."""
    people = [
        person(
            "s1", power=5, authority=5, buying_role="decision_maker", layer="decision", department="executive"
        ),
        person("s2", power=5, authority=4, department="purchasing", is_coach=True),
        person("s3", power=1, authority=1, department="technical"),
        person("n1", power=4, authority=3, department="finance"),
        person("n2", power=4, authority=3),
    ]
    levels = {"s1": 3, "s2": 2, "s3": 2, "n1": 0, "n2": 1}
    interactions = [meet("s1"), meet("s2"), meet("s3")]
    if neutral_contact_days is not None:
        interactions.append(meet("n2", days_ago=neutral_contact_days))
    return make_deal(
        people=people, assessments=[assess(p, lv) for p, lv in levels.items()], interactions=interactions
    )


def test_neutrals_holding_exactly_40_percent_uncontacted_are_undeveloped():
    report = analyze(neutral_deal(31))
    (finding,) = [f for f in report.findings if f.code == "NEUTRALS_UNDEVELOPED"]
    assert finding.subject == "" and finding.stakeholders == ("n1", "n2")
    assert "40%" in finding.message.en


def test_a_neutral_met_30_days_ago_counts_as_developing():
    assert ("NEUTRALS_UNDEVELOPED", "") not in findings(neutral_deal(30))


def test_neutrals_below_40_percent_are_not_flagged():
    deal = add(neutral_deal(None), person("s4", power=1, authority=1), assess("s4", 2), meet("s4"))
    assert ("NEUTRALS_UNDEVELOPED", "") not in findings(deal)


def test_a_supporter_never_met_is_said_to_be_never_met_not_last_met_never():
    deal = make_deal(interactions=[meet("ceo"), meet("user")])
    (finding,) = [
        f for f in analyze(deal).findings if f.code == "TIME_SUPPORTER_NEGLECTED" and f.subject == "cfo"
    ]
    assert finding.message.zh.endswith("还从来没有接触过。") and "上次接触" not in finding.message.zh
    assert (
        finding.message.en.endswith("has never been contacted.") and "last contact" not in finding.message.en
    )
