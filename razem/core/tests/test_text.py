import pytest

from razem.core.text import search_key, search_terms


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Łukasz", "lukasz"),
        ("ŻÓŁĆ gęślą jaźń", "zolc gesla jazn"),
        ("  Anna   Maria ", "anna maria"),
        ("", ""),
        (None, ""),
    ],
)
def test_search_key_folds_polish_letters(given, expected):
    assert search_key(given) == expected


def test_search_terms_split_on_spaces():
    assert search_terms("Łukasz  Wiśniewski") == ["lukasz", "wisniewski"]
