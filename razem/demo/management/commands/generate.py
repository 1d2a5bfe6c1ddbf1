"""`razem generate`: synthetic data at scale for benchmarks (never real people)."""

import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from razem.audit import log
from razem.audit.events import EventType
from razem.demo.generate import ensure_institutions, generate_people, pick_municipalities


class Command(BaseCommand):
    help = "Create large synthetic data quickly (bulk inserts) for benchmarks."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--municipalities", type=int, default=10)
        parser.add_argument("--persons", type=int, default=10000)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, municipalities: int, persons: int, seed: int, **options) -> None:  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        places = pick_municipalities(municipalities, seed)
        ensure_institutions(places)
        created = generate_people(
            municipalities=places, persons=persons, seed=seed, today=timezone.localdate()
        )
        log.record(
            event_type=EventType.DATA_GENERATED,
            extra={"municipalities": len(places), "persons": created, "seed": seed},
        )
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"Generated {created} persons in {len(places)} municipalities in {elapsed:.1f} s."
        )
