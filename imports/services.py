"""Importing another agency's records as draft appeals. An import only ever creates or changes drafts through
appeals.services (so the usual publicity assessment and authorisation follow); it never publishes. The same file
imported twice makes and changes nothing the second time (ImportedRecord, by source and normalised id)."""

import io
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, models, transaction

from accounts.models import Unit
from appeals import services as appeal_services
from appeals.models import Appeal, AppealStatus, ImageKind
from appeals.permissions import can_create
from appeals.rules import RuleViolation
from audit.services import audit_record
from reportkit.images import ImageRejected

from .formats import Candidate, FormatError, Skip, parse
from .images import ImageSkipped, fetch_image
from .models import ImportedRecord, ImportRun, ImportSource

CREATED, UPDATED, SKIPPED = "created", "updated", "skipped"


@dataclass
class ItemResult:
    position: int
    external_id: str
    outcome: str
    reason: str = ""
    reference: str = ""
    notes: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    source: str
    dry_run: bool
    items: list[ItemResult] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        return sum(1 for item in self.items if item.outcome == outcome)

    @property
    def summary(self) -> str:
        verb = "would be " if self.dry_run else ""
        return (
            f"{len(self.items)} records: {self.count(CREATED)} {verb}created as drafts, "
            f"{self.count(UPDATED)} {verb}updated, {self.count(SKIPPED)} skipped."
        )


def _fit(data: dict[str, Any], notes: list[str]) -> dict[str, Any]:
    """Each text cut to the length its appeal field holds (noted), so no database refuses a long value."""
    fitted = {}
    for name, value in data.items():
        model_field = Appeal._meta.get_field(name)
        limit = getattr(model_field, "max_length", None)
        if isinstance(value, str) and isinstance(model_field, models.CharField) and limit and len(value) > limit:
            notes.append(f"{model_field.verbose_name} cut to {limit} characters")
            value = value[: limit - 1].rstrip() + "…"
        fitted[name] = value
    return fitted


def appeals_import(
    *, actor: User, source: str, content: bytes, unit: Unit | None = None, dry_run: bool = False
) -> ImportReport:
    """Read the file (formats.FormatError if it cannot be read as `source`) and create or update one draft per
    record. A dry run does all of it, reports, and rolls back (it fetches no image)."""
    if not can_create(actor):
        raise PermissionDenied("Only an appeal author can import appeals.")
    if source not in ImportSource.values:
        raise FormatError(f"Unknown format {source!r}: choose fbi or interpol.")
    source = ImportSource(source)
    parsed = parse(source, content)
    unit = unit or _unit_of(actor)
    report = ImportReport(source=source, dry_run=dry_run)
    with transaction.atomic():
        run = ImportRun.objects.create(source=source, actor=actor)
        seen: dict[str, int] = {}
        for item in parsed:
            if isinstance(item, Skip):
                report.items.append(ItemResult(item.position, item.external_id, SKIPPED, item.reason))
                continue
            if item.external_id in seen:
                reason = f"the same record as item {seen[item.external_id]} (ids are compared without / or -)"
                report.items.append(ItemResult(item.position, item.external_id, SKIPPED, reason))
                continue
            seen[item.external_id] = item.position
            report.items.append(_import_one(item, actor=actor, unit=unit, run=run, dry_run=dry_run))
        run.created, run.updated, run.skipped = (report.count(o) for o in (CREATED, UPDATED, SKIPPED))
        run.save(update_fields=["created", "updated", "skipped"])
        audit_record(
            actor=actor,
            action="appeals.imported",
            target=run,
            detail={
                "source": source.value,
                "dry_run": dry_run,
                "created": run.created,
                "updated": run.updated,
                "skipped": run.skipped,
            },
        )
        if dry_run:
            transaction.set_rollback(True)
    return report


def _unit_of(actor: User) -> Unit:
    unit = Unit.objects.filter(members__user=actor).first()
    if unit is None:
        raise RuleViolation("no_unit", "Choose the unit that will own the imported drafts: your account has none.")
    return unit


def _import_one(item: Candidate, *, actor: User, unit: Unit, run: ImportRun, dry_run: bool) -> ItemResult:
    result = ItemResult(item.position, item.external_id, SKIPPED, notes=list(item.notes))
    data = _fit(item.data, result.notes)
    record = (
        ImportedRecord.objects.select_related("appeal").filter(source=run.source, external_id=item.external_id).first()
    )
    try:
        with transaction.atomic():
            if record is None:
                appeal = appeal_services.appeal_create(author=actor, kind=item.kind, data={**data, "owning_unit": unit})
                ImportedRecord.objects.create(
                    source=run.source, external_id=item.external_id, appeal=appeal, digest=item.digest, first_run=run
                )
                _audit_imported(actor, appeal, run, item)
                result.outcome, result.reference = CREATED, appeal.reference
                result.notes += _add_images(appeal, actor, item, dry_run=dry_run)
                return result
            result.reference = record.appeal.reference
            if record.digest == item.digest:
                result.reason = f"already imported as {record.appeal.reference}, unchanged since"
            elif record.appeal.status != AppealStatus.DRAFT or record.appeal.kind != item.kind:
                result.reason = f"changed at source, but {record.appeal.reference} is no longer a draft: not changed"
            else:
                appeal_services.appeal_update(appeal=record.appeal, actor=actor, data=data)
                record.digest = item.digest
                record.save(update_fields=["digest", "updated_at"])
                _audit_imported(actor, record.appeal, run, item)
                result.outcome = UPDATED
    except PermissionDenied:
        result.reason = f"changed at source, but {result.reference} is another author's draft: not changed"
    except RuleViolation as exc:
        result.reason = exc.message
    except IntegrityError:
        # Another import of the same record committed first (the unique source + id): it made the draft.
        result.outcome, result.reference = SKIPPED, ""
        result.reason = "imported at the same moment by another import: nothing more made"
    return result


def _audit_imported(actor: User, appeal: Appeal, run: ImportRun, item: Candidate) -> None:
    audit_record(
        actor=actor,
        action="appeal.imported",
        target=appeal,
        detail={"source": run.source, "external_id": item.external_id, "run": run.pk},
    )


def _add_images(appeal: Appeal, actor: User, item: Candidate, *, dry_run: bool) -> list[str]:
    """The record's images, cleaned like any upload; each one not added is a note on the item, not a failure."""
    if not item.image_urls:
        return ["image skipped: the record has none"]
    notes = []
    for number, url in enumerate(item.image_urls, start=1):
        if dry_run:
            notes.append(f"image {number} skipped: images are not fetched in a dry run")
            continue
        try:
            body = fetch_image(url)
            appeal_services.appeal_image_add(
                appeal=appeal,
                actor=actor,
                upload=io.BytesIO(body),
                size=len(body),
                kind=ImageKind.OTHER,
                alt_text="Image supplied by the agency that issued this appeal",
            )
        except (ImageSkipped, ImageRejected) as exc:
            notes.append(f"image {number} skipped: {exc}")
    return notes
