"""Load every voivodeship, county and municipality of the TERYT register shipped with Razem."""

from django.db import migrations

VOIVODESHIP_NAMES_FIX = {"kujawsko - pomorskie": "kujawsko-pomorskie"}


def load(apps, schema_editor):
    from razem.territory import teryt

    Voivodeship = apps.get_model("territory", "Voivodeship")
    County = apps.get_model("territory", "County")
    Municipality = apps.get_model("territory", "Municipality")
    entries = list(teryt.registry().values())
    voivodeships = {}
    for entry in entries:
        voivodeships.setdefault(entry.voivodeship_code, entry.voivodeship)
    Voivodeship.objects.bulk_create(
        [Voivodeship(teryt=code, name=name) for code, name in sorted(voivodeships.items())],
        ignore_conflicts=True,
    )
    voiv_ids = dict(Voivodeship.objects.values_list("teryt", "id"))
    counties = {}
    for entry in entries:
        counties.setdefault(entry.county_code, (entry.county, voiv_ids[entry.voivodeship_code]))
    County.objects.bulk_create(
        [
            County(teryt=code, name=name, voivodeship_id=voiv_id)
            for code, (name, voiv_id) in sorted(counties.items())
        ],
        ignore_conflicts=True,
    )
    county_ids = dict(County.objects.values_list("teryt", "id"))
    Municipality.objects.bulk_create(
        [
            Municipality(
                teryt=e.teryt, name=e.name, kind=e.kind, county_id=county_ids[e.county_code]
            )
            for e in entries
        ],
        ignore_conflicts=True,
        batch_size=500,
    )


class Migration(migrations.Migration):
    dependencies = [("territory", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
