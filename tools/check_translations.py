"""Fail when a message catalogue has untranslated or fuzzy entries (Polish must be complete)."""

import re
import sys
from pathlib import Path

ENTRY = re.compile(
    r'(#,[^\n]*\n)?(?:msgctxt "[^\n]*"\n)?'
    r'msgid ((?:"[^\n]*"\n)+)'
    r'(?:msgid_plural (?:"[^\n]*"\n)+)?'
    r'((?:msgstr(?:\[\d\])? (?:"[^\n]*"\n)+)+)'
)


def _text(block: str) -> str:
    return "".join(re.findall(r'"(.*)"', block))


def problems(path: Path) -> list[str]:
    found = []
    for match in ENTRY.finditer(path.read_text(encoding="utf-8")):
        flags, msgid, msgstrs = match.group(1) or "", _text(match.group(2)), match.group(3)
        if not msgid:
            continue  # the header
        translations = re.findall(r'msgstr(?:\[\d\])? ((?:"[^\n]*"\n)+)', msgstrs)
        if "fuzzy" in flags:
            found.append(f"fuzzy: {msgid}")
        elif any(not _text(t) for t in translations):
            found.append(f"untranslated: {msgid}")
    return found


def main() -> int:
    bad = []
    for name in sys.argv[1:]:
        bad += problems(Path(name))
    for line in bad:
        print(line)  # noqa: T201
    if bad:
        print(f"{len(bad)} messages need a Polish translation.")  # noqa: T201
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
