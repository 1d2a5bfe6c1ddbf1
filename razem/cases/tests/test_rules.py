from datetime import date

import pytest

from razem.cases.rules import RULE_SETS, rules_for


def test_cards_follow_the_rules_in_force_on_the_day_they_were_opened():
    assert rules_for(date(2023, 9, 28)).code == "2023"
    assert rules_for(date(2023, 9, 27)).code == "2011"
    assert rules_for(date(2012, 1, 1)).code == "2011"


def test_no_rules_before_2011():
    with pytest.raises(ValueError, match="No Blue Card rules"):
        rules_for(date(2010, 1, 1))


def test_form_a_reaches_the_chair_within_5_working_days_under_2023_rules():
    rule = rules_for(date(2026, 11, 20)).deadline("form_a_to_chair")
    assert rule.due(date(2026, 11, 20)) == date(2026, 11, 27)


def test_every_rule_names_its_legal_source():
    for rule_set in RULE_SETS:
        for rule in rule_set.deadlines:
            assert rule.reference
            assert rule.days > 0
