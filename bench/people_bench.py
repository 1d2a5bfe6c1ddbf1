"""Person list and detail: query counts and time ratios at several registry sizes (P1, P2, P6)."""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 100000])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        measure(args.child, args.repeat)
        return
    print(
        f"{'size':>8} {'page':<8} {'queries':>7} {'median ms':>10} {'baseline ms':>12} {'ratio':>6}"
    )
    for size in args.sizes:
        run_child(size, args.repeat)


def run_child(size: int, repeat: int) -> None:
    """Each size in its own process and database, so nothing is shared between them."""
    env = dict(os.environ)
    url = env.get("DATABASE_URL")
    with tempfile.TemporaryDirectory() as folder:
        env["RAZEM_DATA_DIR"] = folder
        if url:
            parsed = urlparse(url)
            env["DATABASE_URL"] = urlunparse(parsed._replace(path=f"/razem_bench_{size}"))
            _psql(url, f"DROP DATABASE IF EXISTS razem_bench_{size}")
            _psql(url, f"CREATE DATABASE razem_bench_{size}")
        try:
            subprocess.run(
                [sys.executable, __file__, "--child", str(size), "--repeat", str(repeat)],
                env=env,
                check=True,
                cwd=ROOT,
            )
        finally:
            if url:
                _psql(url, f"DROP DATABASE IF EXISTS razem_bench_{size}")


def _psql(url: str, sql: str) -> None:
    import psycopg

    admin = urlunparse(urlparse(url)._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql)


def measure(size: int, repeat: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    os.environ["RAZEM_LOG_LEVEL"] = "ERROR"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.template import Context, Template
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from razem.accounts.roles import Role
    from razem.core.testing.auth import login
    from razem.core.testing.factories import user_with_role
    from razem.demo.generate import generate_people
    from razem.people.models import Person
    from razem.territory.models import Municipality

    call_command("migrate", verbosity=0)
    home = Municipality.objects.get(teryt="2466011")
    generate_people(municipalities=[home], persons=size, seed=1, today=timezone.localdate())
    chair = user_with_role(Role.ZI_CHAIR, municipality_obj=home, username="bench.chair")
    client = Client(HTTP_HOST="127.0.0.1")
    login(client, chair)
    person_id = (
        Person.objects.filter(municipality=home)
        .order_by("id")
        .values_list("id", flat=True)[size // 2]
    )

    row_template = Template(
        "<table>{% for r in rows %}<tr><td>{{ r.1 }}</td><td>{{ r.2 }}</td>"
        "<td>{{ r.3|date:'d.m.Y' }}</td><td>{{ r.4 }}</td></tr>{% endfor %}</table>{{ total }}"
    )

    def baseline_list() -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, first_names, surname, birth_date, sex FROM people_person "
                "WHERE municipality_id = %s ORDER BY surname_key, first_names_key, id LIMIT 50",
                [home.id],
            )
            rows = cursor.fetchall()
            cursor.execute(
                "SELECT COUNT(*) FROM people_person WHERE municipality_id = %s", [home.id]
            )
            total = cursor.fetchone()[0]
        row_template.render(Context({"rows": rows, "total": total}))

    def baseline_detail() -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, first_names, surname, birth_date, sex, pesel FROM people_person "
                "WHERE id = %s",
                [person_id],
            )
            rows = cursor.fetchall()
            cursor.execute(
                "SELECT id, street, postal_code, city FROM people_address WHERE person_id = %s",
                [person_id],
            )
            rows += cursor.fetchall()
        row_template.render(Context({"rows": rows, "total": 1}))

    pages = [
        ("list", "/osoby/", baseline_list),
        ("detail", f"/osoby/{person_id}/", baseline_detail),
    ]
    for name, url, baseline in pages:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(captured)  # read now: the next request resets the connection's log
        page_ms = _median_ms(lambda url=url: client.get(url), repeat)
        base_ms = _median_ms(baseline, repeat)
        print(
            f"{size:>8} {name:<8} {queries:>7} {page_ms:>10.2f} {base_ms:>12.2f} "
            f"{page_ms / base_ms:>6.1f}"
        )


def _median_ms(func, repeat: int) -> float:  # type: ignore[no-untyped-def]
    func()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


if __name__ == "__main__":
    main()
