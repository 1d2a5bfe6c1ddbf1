"""Build razem/territory/data/teryt.csv from the ministry's yearly report of reporting units.

The report keys each unit by KESO: 2-digit unit type + 7-digit TERYT + "000". The newest row
of every municipality gives its official name, county and voivodeship.

Usage: python tools/build_teryt.py path/to/municipal-units-2014-2023.xlsx
"""

import csv
import sys
from pathlib import Path

import openpyxl

OUT = Path(__file__).resolve().parent.parent / "razem" / "territory" / "data" / "teryt.csv"
MUNICIPAL_UNIT_TYPES = {"30", "25"}  # OPS, MOPR (city with county rights)


def _clean(name: str) -> str:
    """'kujawsko - pomorskie' -> 'kujawsko-pomorskie'; 'M. Gliwice' / 'm. Gliwice' -> 'Gliwice'."""
    name = " ".join(str(name).split()).replace(" - ", "-")
    return name[3:] if name[:3] in {"M. ", "m. "} else name


def main(source: str) -> None:
    sheet = openpyxl.load_workbook(source, read_only=True)["Sprawozdanie_przemoc_2014_2023"]
    rows: dict[str, tuple] = {}
    for row in sheet.iter_rows(min_row=2, values_only=True):
        _, voiv, county, gmina, gmina_type, _unit, keso, year, *_ = row
        if not keso or not gmina:
            continue
        keso = str(keso).split(".")[0].zfill(12)
        if keso[:2] not in MUNICIPAL_UNIT_TYPES:
            continue
        teryt = keso[2:9]
        current = rows.get(teryt)
        if current is None or year > current[0]:
            rows[teryt] = (year, voiv, county, gmina, gmina_type or "")
    with OUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["teryt", "voivodeship", "county", "municipality", "kind"])
        for teryt in sorted(rows):
            _, voiv, county, gmina, kind = rows[teryt]
            writer.writerow([teryt, _clean(voiv), _clean(county), _clean(gmina), kind])
    print(f"{len(rows)} municipalities written to {OUT}")  # noqa: T201


if __name__ == "__main__":
    main(sys.argv[1])
