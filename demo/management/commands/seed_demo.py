"""Load fictional demo data: units, a staff account for every role, and appeals in every state.

Every person, place, vehicle and number here is invented; images are drawn silhouettes.
"""

import io
from datetime import timedelta
from typing import Any

from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from accounts.models import StaffProfile, Unit
from accounts.roles import Role
from appeals import services
from appeals.models import Appeal, AppealImage, AppealKind, ImageKind
from demo.silhouettes import silhouette_png
from intelligence.enrichment.pipeline import enrich_pending

DEMO_PASSWORD = "lookout-demo-2026"  # noqa: S105 - printed on purpose: demo accounts only

UNITS = [
    ("cid-east", "East CID", Unit.Kind.CID),
    ("fugitive", "Fugitive Team", Unit.Kind.FUGITIVE_TEAM),
    ("intel", "Force Intelligence Bureau", Unit.Kind.INTELLIGENCE_UNIT),
    ("npt-harbourside", "Harbourside Neighbourhood Team", Unit.Kind.LOCAL_TEAM),
    ("taskforce", "Operation Kestrel Task Force", Unit.Kind.TASK_FORCE),
    ("mispers", "Missing Persons Unit", Unit.Kind.MISSING_PERSONS),
]

STAFF = [
    ("ava.author", "Ava", "Author", StaffProfile.Rank.CONSTABLE, "cid-east", [Role.AUTHOR]),
    ("mo.author", "Mo", "Mendes", StaffProfile.Rank.SERGEANT, "mispers", [Role.AUTHOR]),
    ("ian.inspector", "Ian", "Inspector", StaffProfile.Rank.INSPECTOR, "cid-east", [Role.AUTHORISER]),
    (
        "sue.superintendent",
        "Sue",
        "Superintendent",
        StaffProfile.Rank.SUPERINTENDENT,
        "cid-east",
        [Role.AUTHORISER, Role.SENIOR_AUTHORISER],
    ),
    ("ana.analyst", "Ana", "Analyst", StaffProfile.Rank.STAFF, "intel", [Role.ANALYST]),
    ("uma.officer", "Uma", "Officer", StaffProfile.Rank.CONSTABLE, "fugitive", [Role.UNIT_OFFICER]),
    ("adam.admin", "Adam", "Admin", StaffProfile.Rank.STAFF, "intel", [Role.ADMINISTRATOR]),
    ("aud.auditor", "Aud", "Auditor", StaffProfile.Rank.STAFF, "intel", [Role.AUDITOR]),
]

# Invented information from the public for the desk: (appeal subject, urgent, channel, details, grade, action).
DESK_REPORTS: list[tuple[str, bool, str, str, str, str]] = [
    (
        "Darren Kellow",
        True,
        "confidential",
        "He is in the launderette on Quay Street right now, grey hoodie.",
        "2B",
        "allocated",
    ),
    (
        "Darren Kellow",
        False,
        "confidential",
        "Saw a man like him driving a silver estate near the leisure centre.",
        "2C",
        "resulted",
    ),
    (
        "Darren Kellow",
        False,
        "phone",
        "Caller says he stays with a cousin on the Northgate estate some nights.",
        "2C",
        "for_allocation",
    ),
    ("Darren Kellow", False, "confidential", "I think he works cash-in-hand at a car wash on the ring road.", "", ""),
    ("", False, "email", "Information about cannabis being grown in a unit behind the old dairy.", "", ""),
    # Not sent from an appeal, but the plate is Darren Kellow's car: linking suggests his appeal.
    (
        "",
        False,
        "confidential",
        "Silver Astra kx19tvn parked most nights outside the Crown and Anchor in Millford.",
        "",
        "",
    ),
    # Three people telling the same thing: the desk groups them and shows "+2 similar".
    (
        "",
        False,
        "confidential",
        "Cannabis smell and people coming and going all night at 14 Wren Close, NE4 7QT.",
        "",
        "",
    ),
    (
        "",
        False,
        "confidential",
        "Strong cannabis smell, people coming and going all night at 14 Wren Close NE4 7QT",
        "",
        "",
    ),
    ("", False, "phone", "Caller reports cannabis smell and visitors all night at Wren Close, NE4 7QT.", "", ""),
]

WANTED_NECESSITY = (
    "Enquiries at known addresses and with associates have not found him. He poses a risk of serious harm "
    "to the public; a public appeal is the least intrusive way left to locate him quickly."
)
MISSING_NECESSITY = (
    "Family, friends, hospitals and usual places have been checked. The public are likely to have seen "
    "them; the risk to their safety outweighs the intrusion of publishing their photo and details."
)
LESS_INTRUSIVE = "Local enquiries, ANPR, phone and bank checks have been tried without result."


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
        self._appeals(units, users)
        self._desk(units, users)

    def _desk(self, units: dict[str, Unit], users: dict[str, User]) -> None:
        """Reports, gradings and actions so the demo desk is not empty. All invented."""
        import uuid

        from intelligence import services as desk
        from reporting.services import report_submit

        ana, uma = users["ana.analyst"], users["uma.officer"]
        summaries = {
            "2B": "Subject reported at a launderette in the Quay Street area now.",
            "2C": "Subject possibly using a silver estate car in the east of the town.",
        }
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
                summary=summaries.get(grade, summaries["2C"]),
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

    def _image(self, appeal: Appeal, author: User, seed: int, kind: str, alt: str) -> AppealImage:
        png = silhouette_png(seed)
        return services.appeal_image_add(
            appeal=appeal, actor=author, upload=io.BytesIO(png), size=len(png), kind=kind, alt_text=alt
        )

    def _draft(
        self, author: User, kind: str, data: dict[str, Any], seed: int, image_kind: str, released: list[str], **a: Any
    ) -> Appeal:
        appeal = services.appeal_create(author=author, kind=kind, data=data)
        image = self._image(appeal, author, seed, image_kind, f"Image of {data['subject_name']}")
        services.assessment_save(
            appeal=appeal,
            actor=author,
            threat_risk_harm=a.get("harm", "high"),
            missing_risk_grade=a.get("grade", "high" if kind == AppealKind.MISSING else ""),
            necessity=MISSING_NECESSITY if kind == AppealKind.MISSING else WANTED_NECESSITY,
            less_intrusive_means=LESS_INTRUSIVE,
            released_fields=released,
            released_images=[image],
            review_interval_days=a.get("review", 28),
        )
        return appeal

    @transaction.atomic
    def _appeals(self, units: dict[str, Unit], users: dict[str, User]) -> None:
        ava, mo, ian, sue = users["ava.author"], users["mo.author"], users["ian.inspector"], users["sue.superintendent"]
        wanted_fields = ["name", "aliases", "age", "sex", "height", "build", "features", "areas", "vehicle", "reason"]
        missing_fields = ["name", "age", "sex", "height", "build", "features", "areas", "last_seen", "vulnerability"]

        def publish(appeal: Appeal, officer: User) -> Appeal:
            services.appeal_submit(appeal=appeal, actor=appeal.author)
            return services.appeal_authorise(
                appeal=appeal, officer=officer, reason="Necessary and proportionate: approved."
            )

        kellow = self._draft(
            ava,
            AppealKind.WANTED,
            {
                "subject_name": "Darren Kellow",
                "aliases": "Daz, D-K",
                "age_min": 34,
                "sex": "male",
                "height_cm": 183,
                "build": "stocky",
                "distinguishing_features": "Scar through left eyebrow; tattoo of a swallow on right hand.",
                "areas": "Eastbrook, Millford",
                "vehicle": "Silver Vauxhall Astra, registration KX19 TVN",
                "wanted_reason": "offence",
                "offence_category": "robbery",
                "offence_summary": "Wanted in connection with an armed robbery at a petrol station in Eastbrook.",
                "owning_unit": units["cid-east"],
                "description": "Known to use the bus station and the gyms around Eastbrook high street.",
            },
            seed=1,
            image_kind=ImageKind.CUSTODY,
            released=[*wanted_fields, "description"],
        )
        publish(kellow, sue)  # a custody image needs senior authority

        marsh = self._draft(
            ava,
            AppealKind.WANTED,
            {
                "subject_name": "Lee Marsh",
                "age_min": 27,
                "age_max": 30,
                "sex": "male",
                "build": "slim",
                "areas": "Harbourside",
                "wanted_reason": "licence",
                "owning_unit": units["fugitive"],
            },
            seed=2,
            image_kind=ImageKind.PHOTO,
            released=["name", "age", "sex", "build", "areas", "reason"],
            harm="medium",
        )
        publish(marsh, ian)

        pryce = self._draft(
            mo,
            AppealKind.MISSING,
            {
                "subject_name": "Jodie Pryce",
                "age_min": 15,
                "sex": "female",
                "height_cm": 160,
                "build": "slim",
                "distinguishing_features": "Shoulder-length dyed red hair; a yellow rucksack.",
                "areas": "Millford, Harbourside",
                "last_seen_on": timezone.localdate() - timedelta(days=2),
                "last_seen_place": "Millford railway station",
                "vulnerability_summary": (
                    "Jodie is 15 and we are worried for her safety. She may not have her medication."
                ),
                "owning_unit": units["mispers"],
            },
            seed=3,
            image_kind=ImageKind.PHOTO,
            released=missing_fields,
        )
        publish(pryce, sue)  # a missing child needs senior authority

        wenlock = self._draft(
            mo,
            AppealKind.MISSING,
            {
                "subject_name": "Arthur Wenlock",
                "age_min": 82,
                "sex": "male",
                "height_cm": 170,
                "build": "medium",
                "distinguishing_features": "Walks with a stick; wearing a brown flat cap and green coat.",
                "areas": "Eastbrook",
                "last_seen_on": timezone.localdate() - timedelta(days=1),
                "last_seen_place": "Eastbrook Park",
                "vulnerability_summary": "Arthur lives with dementia and may be confused about where he is.",
                "owning_unit": units["mispers"],
            },
            seed=4,
            image_kind=ImageKind.PHOTO,
            released=missing_fields,
        )
        publish(wenlock, ian)

        tunstall = self._draft(
            ava,
            AppealKind.WANTED,
            {
                "subject_name": "Gary Tunstall",
                "age_min": 45,
                "sex": "male",
                "areas": "Millford",
                "wanted_reason": "court",
                "owning_unit": units["cid-east"],
            },
            seed=5,
            image_kind=ImageKind.PHOTO,
            released=["name", "age", "areas", "reason"],
            harm="low",
            review=14,
        )
        publish(tunstall, ian)
        # Its review fell due yesterday: the sweep flags it to the authorisers.
        Appeal.objects.filter(pk=tunstall.pk).update(review_due_at=timezone.now() - timedelta(days=1))
        services.appeals_review_sweep()

        bright = self._draft(
            ava,
            AppealKind.WANTED,
            {
                "subject_name": "Connor Bright",
                "age_min": 22,
                "sex": "male",
                "areas": "Harbourside",
                "wanted_reason": "bail",
                "owning_unit": units["cid-east"],
            },
            seed=6,
            image_kind=ImageKind.PHOTO,
            released=["name", "age", "areas", "reason"],
        )
        services.appeal_submit(appeal=bright, actor=ava)  # awaiting authorisation

        services.appeal_create(
            author=ava,
            kind=AppealKind.WANTED,
            data={"subject_name": "Tariq Holm", "wanted_reason": "offence", "owning_unit": units["cid-east"]},
        )  # a draft with no assessment yet

        cole = self._draft(
            ava,
            AppealKind.WANTED,
            {
                "subject_name": "Martin Cole",
                "age_min": 39,
                "wanted_reason": "offence",
                "owning_unit": units["cid-east"],
            },
            seed=7,
            image_kind=ImageKind.PHOTO,
            released=["name", "age", "reason"],
        )
        publish(cole, ian)
        services.appeal_close(appeal=cole, actor=users["uma.officer"], outcome="arrested", note="Arrested in Millford.")

        shaw = self._draft(
            mo,
            AppealKind.MISSING,
            {
                "subject_name": "Ellie Shaw",
                "age_min": 34,
                "last_seen_place": "Harbourside",
                "owning_unit": units["mispers"],
            },
            seed=8,
            image_kind=ImageKind.PHOTO,
            released=["name", "age", "last_seen"],
            grade="medium",
        )
        publish(shaw, ian)
        services.appeal_close(appeal=shaw, actor=mo, outcome="found_safe", note="Found safe and well.")
