"""COV_*: who we reach and who is mapped, at the edges of their windows."""

from engine_builders import add, assess, change, findings, make_deal, meet, person

from dealmap.engine import analyze


def contacts_at(days: dict[str, int]):
    return [meet(pid, days_ago=d) for pid, d in days.items()]


def test_single_thread_fires_when_only_one_person_was_met_in_the_window():
    deal = make_deal(interactions=contacts_at({"ceo": 90, "buyer": 91, "cto": 120}))
    assert ("COV_SINGLE_THREAD", "") in findings(deal)


def test_single_thread_counts_a_contact_exactly_90_days_ago():
    deal = make_deal(interactions=contacts_at({"ceo": 90, "buyer": 90}))
    assert ("COV_SINGLE_THREAD", "") not in findings(deal)


def test_single_thread_counts_distinct_people_not_meetings():
    deal = make_deal(interactions=[meet("ceo", days_ago=1), meet("ceo", days_ago=2), meet("ceo", "ceo")])
    assert ("COV_SINGLE_THREAD", "") in findings(deal)


def test_single_thread_ignores_meetings_after_as_of():
    deal = make_deal(interactions=[meet("ceo"), meet("buyer", days_ago=-1)])
    assert ("COV_SINGLE_THREAD", "") in findings(deal)


def test_single_thread_fires_with_no_contact_at_all():
    assert ("COV_SINGLE_THREAD", "") in findings(make_deal(interactions=[]))


def test_single_department_fires_when_everyone_met_is_in_one_department():
    deal = add(make_deal(interactions=[meet("user", days_ago=90)]), person("u2"), meet("u2", days_ago=3))
    deal = add(deal, meet("cto", days_ago=91))
    report = analyze(deal)
    (finding,) = [f for f in report.findings if f.code == "COV_SINGLE_DEPARTMENT"]
    assert finding.subject == "" and finding.departments == ("user",)
    assert finding.stakeholders == ("u2", "user")


def test_single_department_does_not_fire_when_another_department_was_met_on_day_90():
    deal = make_deal(interactions=[meet("user", days_ago=1), meet("cto", days_ago=90)])
    assert "COV_SINGLE_DEPARTMENT" not in {c for c, _ in findings(deal)}


def test_single_department_needs_at_least_one_contact():
    assert "COV_SINGLE_DEPARTMENT" not in {c for c, _ in findings(make_deal(interactions=[]))}


def test_no_decision_layer_fires_when_nobody_is_in_the_decision_layer():
    deal = change(make_deal(), "ceo", layer="management")
    assert ("COV_NO_DECISION_LAYER", "") in findings(deal)


def test_no_decision_layer_is_satisfied_by_anyone_in_that_layer_whatever_the_department():
    deal = change(change(make_deal(), "ceo", layer="management"), "cfo", layer="decision")
    assert ("COV_NO_DECISION_LAYER", "") not in findings(deal)


def test_department_gap_fires_once_per_missing_department_with_its_code_as_subject():
    deal = make_deal()
    deal = change(change(deal, "cfo", department="other"), "buyer", department="executive")
    report = analyze(deal)
    gaps = [f for f in report.findings if f.code == "COV_DEPARTMENT_GAP"]
    assert [(f.subject, f.departments) for f in gaps] == [
        ("finance", ("finance",)),
        ("purchasing", ("purchasing",)),
    ]


def test_department_gap_ignores_executive_and_other():
    deal = add(make_deal(), person("x", department="other"))
    assert "COV_DEPARTMENT_GAP" not in {c for c, _ in findings(deal)}


def test_unassessed_fires_for_a_key_stakeholder_by_power():
    deal = add(make_deal(), person("vp", power=4), meet("vp"))
    assert ("COV_UNASSESSED", "vp") in findings(deal)


def test_unassessed_fires_for_an_approver_whatever_the_power():
    deal = add(make_deal(), person("ap", buying_role="approver", power=1), meet("ap"))
    assert ("COV_UNASSESSED", "ap") in findings(deal)


def test_unassessed_skips_people_below_key_power():
    deal = add(make_deal(), person("a", power=3), person("b", power=None), meet("a", "b"))
    assert {c for c, _ in findings(deal)} == set()


def test_unassessed_ignores_an_assessment_dated_after_as_of():
    deal = add(make_deal(), person("vp", power=4), meet("vp"), assess("vp", 2, days_ago=-1))
    assert ("COV_UNASSESSED", "vp") in findings(deal)


def test_unassessed_is_satisfied_by_an_assessment_on_as_of():
    deal = add(make_deal(), person("vp", power=4), meet("vp"), assess("vp", 2, days_ago=0))
    assert ("COV_UNASSESSED", "vp") not in findings(deal)


def test_single_thread_says_nobody_or_names_the_one_person_met():
    """It said "only 0 person(s) (nobody)" / "只有0位(无)"."""

    def message(deal):
        (finding,) = [f for f in analyze(deal).findings if f.code == "COV_SINGLE_THREAD"]
        return finding.message

    none = message(make_deal(interactions=[]))
    assert "还没有和客户的任何人接触过" in none.zh and "0" not in none.zh.replace("90", "")
    assert none.en.startswith("Nobody at the customer was contacted in the last 90 days")
    assert "一棵树" not in none.zh  # "never hang the deal on one person" presumes one
    one = message(make_deal(interactions=[meet("ceo")]))
    assert "只有1位（N-ceo）" in one.zh and "only one person (N-ceo)" in one.en
    (nobody_action,) = [
        f.action for f in analyze(make_deal(interactions=[])).findings if f.code == "COV_SINGLE_THREAD"
    ]
    assert "Arrange a first contact" in nobody_action.en
