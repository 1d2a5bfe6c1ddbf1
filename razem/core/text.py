"""Text normalisation for search: Polish letters match with and without diacritics."""

import re
import unicodedata

# Letters that Unicode does not decompose into a base letter and a mark.
_EXTRA = str.maketrans({"ł": "l", "Ł": "l", "đ": "d", "ø": "o", "ß": "ss"})
_SPACES = re.compile(r"\s+")


def search_key(text: str | None) -> str:
    """Lower case, no diacritics, single spaces: 'Łukasz Żółć' -> 'lukasz zolc'."""
    if not text:
        return ""
    text = text.translate(_EXTRA)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.lower()).strip()


def search_terms(query: str) -> list[str]:
    return [term for term in search_key(query).split(" ") if term]
