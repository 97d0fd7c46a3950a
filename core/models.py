import hashlib
import json

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.i18n import LocalizedNameMixin


class Governorate(LocalizedNameMixin, models.Model):  # noqa: DJ008 (the mixin gives __str__)
    """One of Egypt's 27 governorates, keyed by its national-ID code."""

    code = models.CharField(_("code"), max_length=2, primary_key=True)
    name_ar = models.CharField(_("Arabic name"), max_length=60, unique=True)
    name_en = models.CharField(_("English name"), max_length=60, unique=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("governorate")
        verbose_name_plural = _("governorates")


class StoredFile(models.Model):
    """An upload checked and cleaned by ``core.uploads.clean_upload``, kept with what was
    learned of it. Each subclass gives its own ``file`` field, with its own folder."""

    stored_name = models.CharField(max_length=80, editable=False)
    display_name = models.CharField(_("file name"), max_length=120)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.display_name

    @classmethod
    def keep(cls, clean, **fields):
        """Save the cleaned bytes of ``clean`` (a CleanFile) and the row that names them."""
        stored = cls(
            stored_name=clean.stored_name,
            display_name=clean.display_name,
            content_type=clean.content_type,
            size=clean.size,
            sha256=clean.sha256,
            **fields,
        )
        stored.file.save(clean.stored_name, clean.content, save=False)
        stored.save()
        return stored


def held_path(instance, filename) -> str:
    return f"held/{instance.stored_name}"


class HeldUpload(StoredFile):
    """A file sent with a form that was refused for something else, kept a day so the
    person need not choose it again (core.uploads.hold); ``key`` is the form's own
    unguessable submission key."""

    key = models.CharField(max_length=100, db_index=True)
    held_at = models.DateTimeField(auto_now_add=True)
    file = models.FileField(upload_to=held_path, max_length=200)

    class Meta:
        verbose_name = _("file kept from a refused form")
        verbose_name_plural = _("files kept from refused forms")


class AppendOnlyError(Exception):
    """Raised on any attempt to change or remove an audit entry."""


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("The audit log is append-only.")

    def delete(self):
        raise AppendOnlyError("The audit log is append-only.")


class AuditEntry(models.Model):
    """One append-only line of the audit log, chained to the previous one by hash.

    ``seq`` counts from 1 without gaps and ``entry_hash`` covers every field
    plus the previous hash, so an edited, removed or reordered entry breaks the
    chain that ``manage.py verify_audit_log`` walks.
    """

    seq = models.PositiveBigIntegerField(unique=True, editable=False)
    at = models.DateTimeField(_("when"), editable=False)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The name at the time, so the entry reads right even if the account changes.
    actor_label = models.CharField(_("who (as recorded)"), max_length=200, blank=True)
    action = models.CharField(_("action"), max_length=100)
    object_type = models.CharField(_("object type"), max_length=100, blank=True)
    object_id = models.CharField(_("object"), max_length=64, blank=True)
    reason = models.TextField(_("why"), blank=True)
    ip = models.GenericIPAddressField(_("from where"), null=True, blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)
    prev_hash = models.CharField(max_length=64, editable=False)
    entry_hash = models.CharField(max_length=64, editable=False)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-seq"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        # Plain indexes: db_index=True on a text column adds a LIKE index on PostgreSQL.
        indexes = [
            models.Index(fields=["object_type", "object_id"]),
            models.Index(fields=["action"], name="audit_action"),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.object_type}:{self.object_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Audit entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Audit entries cannot be deleted.")

    def compute_hash(self) -> str:
        payload = [
            self.seq,
            self.prev_hash,
            self.at.isoformat(),
            self.actor_id,
            self.actor_label,
            self.action,
            self.object_type,
            self.object_id,
            self.reason,
            self.ip,
            self.data,
        ]
        canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(canonical.encode()).hexdigest()


class AuditChainHead(models.Model):
    """The single row that holds the chain's last ``seq`` and hash.

    Writers lock it (``select_for_update``) so entries from many processes form
    one chain, and it lets verification notice a removed last entry.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    seq = models.PositiveBigIntegerField(default=0)
    entry_hash = models.CharField(max_length=64, blank=True)

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="single_chain_head")]

    def __str__(self) -> str:
        return f"audit chain head #{self.seq}"
