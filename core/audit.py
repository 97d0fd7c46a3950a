"""Writing and verifying the append-only audit log."""

from collections.abc import Iterator
from dataclasses import dataclass

from django.db import connection, models, transaction
from django.http import HttpRequest
from django.utils import timezone

from core.models import AuditChainHead, AuditEntry

GENESIS_HASH = "0" * 64
READ_HEAD = "SELECT seq, entry_hash FROM core_auditchainhead WHERE id = 1"
LOCK_HEAD = READ_HEAD + " FOR UPDATE"
MOVE_HEAD = "UPDATE core_auditchainhead SET seq = %s, entry_hash = %s WHERE id = 1"


def client_ip(request: HttpRequest | None) -> str | None:
    """The address the request came from (the proxy sets REMOTE_ADDR; see README)."""
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def record(
    action: str,
    *,
    actor=None,
    obj: models.Model | None = None,
    reason: str = "",
    ip: str | None = None,
    data: dict | None = None,
) -> AuditEntry:
    """Append one entry. Call it inside the transaction that makes the change.

    No savepoint of its own: if the entry cannot be written, the change must not be.
    """
    with transaction.atomic(savepoint=False):
        seq, prev_hash = _lock_chain_head()
        entry = AuditEntry(
            seq=seq + 1,
            at=timezone.now(),
            actor=actor if actor is not None and actor.pk else None,
            actor_label=actor.get_username() if actor is not None and actor.pk else "",
            action=action,
            object_type=obj._meta.label_lower if obj is not None else "",
            object_id=str(obj.pk) if obj is not None else "",
            reason=reason,
            ip=ip,
            data=data or {},
            prev_hash=prev_hash or GENESIS_HASH,
        )
        entry.entry_hash = entry.compute_hash()
        with connection.cursor() as cursor:
            cursor.execute(_insert_sql(), [_db_value(f, entry) for f in _COLUMNS])
            cursor.execute(MOVE_HEAD, [entry.seq, entry.entry_hash])
    return entry  # as written (its id is not read back: nothing needs it)


# Every change in the system writes an entry: a plain INSERT costs a third of the ORM's
# save() for the same row. The values still go through each field's own conversion.
_COLUMNS = [f for f in AuditEntry._meta.concrete_fields if not f.primary_key]


def _db_value(field, entry):
    return field.get_db_prep_save(getattr(entry, field.attname), connection)


def _insert_sql() -> str:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in _COLUMNS)
    placeholders = ", ".join(["%s"] * len(_COLUMNS))
    return f"INSERT INTO {quote(AuditEntry._meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608 (names from the model)


def _lock_chain_head() -> tuple[int, str]:
    """Lock the chain's head row until commit and read it (plain SQL: this runs for every
    change in the system, and the ORM's model machinery costs more than the query)."""
    # SQLite has no row locks: its IMMEDIATE transactions already serialize writers.
    query = LOCK_HEAD if connection.features.has_select_for_update else READ_HEAD
    with connection.cursor() as cursor:
        cursor.execute(query)
        row = cursor.fetchone()
    if row is None:  # the very first entry (or a test's flushed database)
        AuditChainHead.objects.get_or_create(id=1)
        return _lock_chain_head()
    return row


def history(obj: models.Model) -> models.QuerySet[AuditEntry]:
    """The audit entries about ``obj``, newest first."""
    return AuditEntry.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    problem: str

    def __str__(self) -> str:
        return f"entry #{self.seq}: {self.problem}"


def verify_chain(batch_size: int = 2000) -> Iterator[ChainProblem]:
    """Walk the whole log in order and yield every break in the chain."""
    expected_seq, prev_hash = 1, GENESIS_HASH
    entries = AuditEntry.objects.order_by("seq").iterator(chunk_size=batch_size)
    for entry in entries:
        if entry.seq != expected_seq:
            yield ChainProblem(
                expected_seq, f"missing (entries {expected_seq}..{entry.seq - 1} are gone)"
            )
        if entry.prev_hash != prev_hash:
            yield ChainProblem(entry.seq, "does not follow the entry before it")
        if entry.compute_hash() != entry.entry_hash:
            yield ChainProblem(entry.seq, "was edited after it was written")
        expected_seq, prev_hash = entry.seq + 1, entry.entry_hash
    head = AuditChainHead.objects.filter(id=1).first()
    last_seq = expected_seq - 1
    if head is not None and (head.seq != last_seq or (head.seq and head.entry_hash != prev_hash)):
        yield ChainProblem(head.seq, f"the log ends at #{last_seq} but #{head.seq} was written")
