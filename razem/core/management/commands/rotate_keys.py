"""`razem rotate-keys`: re-encrypt every encrypted field with the newest key.

Put the new key first in RAZEM_FIELD_KEYS (keep the old ones after it), run this command, then
remove the old keys. Rows already encrypted with the newest key are left alone, so the command
can be stopped and run again.
"""

from django.apps import apps
from django.core.management.base import BaseCommand, CommandParser
from django.db import models, transaction
from django.db.models.functions import Cast

from razem.audit.events import EventType
from razem.audit.log import record
from razem.core.crypto import EncryptedTextField, is_current

CHUNK_SIZE = 500


def encrypted_fields(model: type[models.Model]) -> list[str]:
    return [
        field.name for field in model._meta.concrete_fields if isinstance(field, EncryptedTextField)
    ]


def _raw_name(field: str) -> str:
    return f"_raw_{field}"


def rotate_model(model: type[models.Model], fields: list[str], chunk_size: int) -> tuple[int, int]:
    """Re-encrypt one model's rows in chunks, each in its own transaction with the rows locked.
    Returns (rows examined, rows re-encrypted)."""
    manager = model._base_manager
    raw = {_raw_name(f): Cast(f, output_field=models.TextField()) for f in fields}
    examined = rotated = 0
    last_pk = None
    while True:
        with transaction.atomic():
            queryset = manager.order_by("pk")
            if last_pk is not None:
                queryset = queryset.filter(pk__gt=last_pk)
            rows = list(
                queryset.select_for_update()
                .annotate(**raw)
                .values("pk", *fields, *raw)[:chunk_size]
            )
            if not rows:
                break
            for row in rows:
                stale = [
                    f for f in fields if row[_raw_name(f)] and not is_current(row[_raw_name(f)])
                ]
                if stale:
                    # update() encrypts the plaintext again, with the newest key.
                    manager.filter(pk=row["pk"]).update(**{f: row[f] for f in stale})
                    rotated += 1
            examined += len(rows)
            last_pk = rows[-1]["pk"]
    return examined, rotated


class Command(BaseCommand):
    help = "Re-encrypt every encrypted field of every model with the newest RAZEM_FIELD_KEYS key."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--chunk-size", type=int, default=CHUNK_SIZE)

    def handle(self, *args: object, **options: object) -> None:
        chunk_size = int(options["chunk_size"])  # type: ignore[call-overload]
        counts: dict[str, dict[str, int]] = {}
        for model in apps.get_models():
            fields = encrypted_fields(model)
            if not fields:
                continue
            examined, rotated = rotate_model(model, fields, chunk_size)
            counts[model._meta.label_lower] = {"rows": examined, "re_encrypted": rotated}
            self.stdout.write(
                f"{model._meta.label}: {rotated} of {examined} rows re-encrypted "
                f"({', '.join(fields)})"
            )
        with transaction.atomic():
            record(event_type=EventType.KEYS_ROTATED, extra={"models": counts})
        total = sum(c["re_encrypted"] for c in counts.values())
        self.stdout.write(self.style.SUCCESS(f"Done: {total} rows re-encrypted."))
