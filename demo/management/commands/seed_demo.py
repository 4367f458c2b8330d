"""Load fictional demo data (demo.data): units, a staff account for every role, appeals in every state, and
information from the public on the desk. Images are drawn silhouettes."""

import io
import uuid
from datetime import timedelta
from typing import Any

from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from accounts.models import StaffProfile, Unit
from accounts.roles import Role
from appeals import services
from appeals.models import Appeal, AppealKind, AppealStatus
from demo.data import (
    APPEALS,
    APPROVAL_REASON,
    DEMO_PASSWORD,
    DESK_REPORTS,
    DESK_SUMMARIES,
    LESS_INTRUSIVE,
    MISSING_NECESSITY,
    STAFF,
    UNITS,
    WANTED_NECESSITY,
    DemoAppeal,
)
from demo.silhouettes import silhouette_png
from intelligence.enrichment.pipeline import enrich_pending


class Command(BaseCommand):
    help = "Load fictional demo data (staff for every role, appeals in every state). Safe to run twice."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print the demo log-ins.")

    def handle(self, *args: Any, **options: Any) -> None:
        if Appeal.objects.exists():
            self.stdout.write("Demo data already loaded.")
        else:
            self._load()
            # The worker would do this within seconds; doing it now means the desk is ready when the demo opens.
            enrich_pending()
            self.stdout.write(self.style.SUCCESS("Loaded fictional demo data."))
        if not options["quiet_logins"]:
            self._print_logins()

    def _print_logins(self) -> None:
        self.stdout.write(f"\nDemo staff log-ins (password for all: {DEMO_PASSWORD})")
        for username, _first, _last, _rank, _unit, roles in STAFF:
            self.stdout.write(f"  {username:<20} {', '.join(r.value for r in roles)}")
        self.stdout.write("")

    def _load(self) -> None:
        units = {
            code: Unit.objects.get_or_create(code=code, defaults={"name": n, "kind": k})[0] for code, n, k in UNITS
        }
        users: dict[str, User] = {}
        for username, first, last, rank, unit, roles in STAFF:
            user, created = User.objects.get_or_create(
                username=username, defaults={"first_name": first, "last_name": last, "email": f"{username}@example.org"}
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.is_staff = Role.ADMINISTRATOR in roles
                user.is_superuser = Role.ADMINISTRATOR in roles
                user.save()
            StaffProfile.objects.update_or_create(user=user, defaults={"rank": rank, "unit": units[unit]})
            user.groups.set(Group.objects.filter(name__in=[r.value for r in roles]))
            users[username] = user
        with transaction.atomic():
            for demo in APPEALS:
                self._appeal(demo, units, users)
        self._desk(units, users)

    def _appeal(self, demo: DemoAppeal, units: dict[str, Unit], users: dict[str, User]) -> Appeal:
        """Take one appeal through the services as far as its status, the way staff would."""
        author = users[demo.author]
        data = demo.details | {"owning_unit": units[demo.details["owning_unit"]]}
        if demo.last_seen_days_ago is not None:
            data["last_seen_on"] = timezone.localdate() - timedelta(days=demo.last_seen_days_ago)
        appeal = services.appeal_create(author=author, kind=demo.kind, data=data)
        if demo.status == AppealStatus.DRAFT:
            return appeal  # no image or assessment yet
        png = silhouette_png(demo.image_seed)
        image = services.appeal_image_add(
            appeal=appeal,
            actor=author,
            upload=io.BytesIO(png),
            size=len(png),
            kind=demo.image_kind,
            alt_text=f"Image of {data['subject_name']}",
        )
        missing = demo.kind == AppealKind.MISSING
        services.assessment_save(
            appeal=appeal,
            actor=author,
            threat_risk_harm=demo.harm,
            missing_risk_grade=demo.grade or ("high" if missing else ""),
            necessity=MISSING_NECESSITY if missing else WANTED_NECESSITY,
            less_intrusive_means=LESS_INTRUSIVE,
            released_fields=demo.released,
            released_images=[image],
            review_interval_days=demo.review_days,
        )
        appeal = services.appeal_submit(appeal=appeal, actor=author)
        if demo.status == AppealStatus.AWAITING_AUTHORISATION:
            return appeal
        appeal = services.appeal_authorise(appeal=appeal, officer=users[demo.authoriser], reason=APPROVAL_REASON)
        if demo.review_fell_due:
            Appeal.objects.filter(pk=appeal.pk).update(review_due_at=timezone.now() - timedelta(days=1))
            services.appeals_review_sweep()
        if demo.status == AppealStatus.CLOSED:
            closer, outcome, note = demo.closed_by
            appeal = services.appeal_close(appeal=appeal, actor=users[closer], outcome=outcome, note=note)
        return appeal

    def _desk(self, units: dict[str, Unit], users: dict[str, User]) -> None:
        """Reports, gradings and actions so the demo desk is not empty. All invented."""
        from intelligence import services as desk
        from reporting.services import report_submit

        ana, uma = users["ana.analyst"], users["uma.officer"]
        for subject, urgent, channel, details, grade, state in DESK_REPORTS:
            appeal = Appeal.objects.public().filter(subject_name=subject).first() if subject else None
            report = report_submit(
                token=uuid.uuid4(),
                appeal=appeal,
                answers={"details": details},
                crime_category="" if appeal else "drugs",
                urgent=urgent,
                channel=channel,
                recorded_by=ana if channel in {"phone", "email"} else None,
            ).report
            if not grade:
                continue
            desk.grading_add(
                report=report,
                actor=ana,
                source_evaluation=grade[0],
                intelligence_assessment=grade[1],
                handling_code="C" if urgent else "P",
                handling_conditions="Fugitive team only." if urgent else "",
                summary=DESK_SUMMARIES.get(grade, DESK_SUMMARIES["2C"]),
            )
            action = desk.action_disseminate(
                report=report,
                actor=ana,
                unit=units["fugitive"],
                officer=uma if state in {"allocated", "resulted"} else None,
                instruction="Attend and confirm whether the subject is there.",
                priority="immediate" if urgent else "medium",
                due_at=timezone.now() + timedelta(hours=1 if urgent else 48),
            )
            if state == "resulted":
                desk.action_result(action=action, actor=uma, result="Area checked; no trace. Vehicle not seen.")
