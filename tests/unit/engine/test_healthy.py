"""The builders' baseline deal raises nothing, so every other test isolates one rule."""

from engine_builders import AS_OF, make_deal

from dealmap.engine import analyze


def test_healthy_deal_raises_no_finding():
    report = analyze(make_deal())
    assert [f.code for f in report.findings] == []
    assert report.as_of == AS_OF
