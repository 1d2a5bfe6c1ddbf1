"""Rule sets of the Blue Card procedure, one module per version of the regulation.

A card follows the rules in force on the day it was opened (its form A).
"""

from datetime import date

from razem.cases.rules import regulation_2011, regulation_2023
from razem.cases.rules.base import RuleSet

RULE_SETS: tuple[RuleSet, ...] = (regulation_2023.RULES, regulation_2011.RULES)


def rules_for(opened_on: date) -> RuleSet:
    for rule_set in RULE_SETS:
        if opened_on >= rule_set.effective_from:
            return rule_set
    raise ValueError("No Blue Card rules were in force on that date.")
