"""The append-only, hash-chained audit trail (S3).

Rows are written by actions and by the views that read personal data, never by signals.
The database fills `seq`, `prev_hash` and `hash` in a trigger under a lock, so one INSERT is the
whole cost of an audit entry and concurrent writers cannot fork the chain. UPDATE and DELETE are
rejected by triggers (see migrations/0002_append_only.py).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from razem.audit.events import EventType


class AuditEvent(models.Model):
    event_time = models.DateTimeField(_("time"), db_index=True)
    # Kept as a plain id and label: the trail must outlive the user account.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("user"),
    )
    actor_label = models.CharField(_("user name"), max_length=150, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    event_type = models.PositiveSmallIntegerField(_("event"), choices=EventType.choices)
    subject_type = models.CharField(_("subject type"), max_length=40, blank=True)
    subject_id = models.CharField(_("subject id"), max_length=40, blank=True)
    municipality_id = models.BigIntegerField(_("municipality"), null=True, blank=True)
    extra_data = models.JSONField(_("details"), default=dict, blank=True)
    content_hash = models.CharField(max_length=64)
    seq = models.BigIntegerField(null=True, unique=True)
    prev_hash = models.CharField(max_length=64, blank=True, null=True)
    hash = models.CharField(max_length=64, blank=True, null=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-event_time", "-id"]
        indexes = [
            models.Index(
                fields=["subject_type", "subject_id", "event_time"], name="audit_subject_time"
            ),
            models.Index(fields=["actor", "event_time"], name="audit_actor_time"),
            models.Index(
                fields=["municipality_id", "event_type", "event_time"], name="audit_muni_type"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event_time:%Y-%m-%d %H:%M} {self.get_event_type_display()}"
