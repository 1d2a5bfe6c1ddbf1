"""The official register of municipalities (TERYT), shipped with Razem as data.

Built from the ministry's published reporting units (tools/build_teryt.py). A TERYT code of a
municipality has 7 digits: voivodeship (2), county (2), municipality (2), kind (1).
"""

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "teryt.csv"


@dataclass(frozen=True)
class TerytEntry:
    teryt: str
    voivodeship: str
    county: str
    name: str
    kind: str

    @property
    def voivodeship_code(self) -> str:
        return self.teryt[:2]

    @property
    def county_code(self) -> str:
        return self.teryt[:4]


@cache
def registry() -> dict[str, TerytEntry]:
    with DATA_FILE.open(encoding="utf-8") as handle:
        return {
            row["teryt"]: TerytEntry(
                row["teryt"], row["voivodeship"], row["county"], row["municipality"], row["kind"]
            )
            for row in csv.DictReader(handle)
        }


def lookup(code: str) -> TerytEntry | None:
    return registry().get(code)
