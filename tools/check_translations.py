"""Fail when a message catalogue has untranslated or fuzzy entries (Polish must be complete)."""

import re
import sys
from pathlib import Path

QUOTED = re.compile(r'"(.*)"')


def entries(text: str) -> list[dict[str, object]]:
    """Blocks separated by blank lines: flags, msgid text and every msgstr text."""
    result = []
    for block in text.split("\n\n"):
        flags, msgid, msgstrs, current = "", "", [], None
        for line in block.splitlines():
            if line.startswith("#,"):
                flags += line
            elif line.startswith("#"):
                continue
            elif line.startswith("msgid "):
                current, msgid = "msgid", _quoted(line)
            elif line.startswith("msgid_plural "):
                current = "plural"
            elif line.startswith("msgstr"):
                current = "msgstr"
                msgstrs.append(_quoted(line))
            elif line.startswith('"') and current == "msgid":
                msgid += _quoted(line)
            elif line.startswith('"') and current == "msgstr":
                msgstrs[-1] += _quoted(line)
        if msgid:
            result.append({"flags": flags, "msgid": msgid, "msgstrs": msgstrs})
    return result


def _quoted(line: str) -> str:
    match = QUOTED.search(line)
    return match.group(1) if match else ""


def problems(path: Path) -> list[str]:
    found = []
    for entry in entries(path.read_text(encoding="utf-8")):
        if "fuzzy" in str(entry["flags"]):
            found.append(f"fuzzy: {entry['msgid']}")
        elif not entry["msgstrs"] or any(not text for text in entry["msgstrs"]):
            found.append(f"untranslated: {entry['msgid']}")
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
