"""`razem audit verify`: prove the audit trail has not been altered since it was written."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from razem.audit.verify import CHUNK_SIZE, run_verification


class Command(BaseCommand):
    help = "Audit trail tools. verify: walk the hash chain and report the first broken link."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, parser_class=CommandParser)
        verify = actions.add_parser("verify", help="Check every link of the audit chain.")
        verify.add_argument(
            "--chunk-size",
            type=int,
            default=CHUNK_SIZE,
            help="Rows read per query (memory use stays constant).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "verify":
            self._verify(options["chunk_size"])

    def _verify(self, chunk_size: int) -> None:
        result = run_verification(chunk_size=chunk_size)
        if result.ok:
            self.stdout.write(
                f"OK: {result.events} events, chain intact, head {result.head_hash or '-'}"
            )
            return
        broken = result.broken
        seq = broken.seq if broken.seq is not None else "-"
        raise CommandError(
            f"BROKEN: first broken link at seq {seq} (id {broken.event_id}): {broken.problem}; "
            f"{result.events} events intact before it, last good hash {result.head_hash or '-'}",
            returncode=1,
        )
