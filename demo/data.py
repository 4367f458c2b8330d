"""The fictional demo data that seed_demo loads: units, a staff account for every role, appeals in every state and
information from the public for the desk. Every person, place, vehicle and number here is invented."""

from dataclasses import dataclass, field
from typing import Any

from accounts.models import StaffProfile, Unit
from accounts.roles import Role
from appeals.models import AppealKind, AppealStatus, ImageKind

DEMO_PASSWORD = "lookout-demo-2026"  # noqa: S105 - printed on purpose: demo accounts only

# (code, name, kind)
UNITS = [
    ("cid-east", "East CID", Unit.Kind.CID),
    ("fugitive", "Fugitive Team", Unit.Kind.FUGITIVE_TEAM),
    ("intel", "Force Intelligence Bureau", Unit.Kind.INTELLIGENCE_UNIT),
    ("npt-harbourside", "Harbourside Neighbourhood Team", Unit.Kind.LOCAL_TEAM),
    ("taskforce", "Operation Kestrel Task Force", Unit.Kind.TASK_FORCE),
    ("mispers", "Missing Persons Unit", Unit.Kind.MISSING_PERSONS),
]

# (username, first name, last name, rank, unit code, roles)
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

WANTED_NECESSITY = (
    "Enquiries at known addresses and with associates have not found him. He poses a risk of serious harm "
    "to the public; a public appeal is the least intrusive way left to locate him quickly."
)
MISSING_NECESSITY = (
    "Family, friends, hospitals and usual places have been checked. The public are likely to have seen "
    "them; the risk to their safety outweighs the intrusion of publishing their photo and details."
)
LESS_INTRUSIVE = "Local enquiries, ANPR, phone and bank checks have been tried without result."
APPROVAL_REASON = "Necessary and proportionate: approved."

WANTED_RELEASED = ["name", "aliases", "age", "sex", "height", "build", "features", "areas", "vehicle", "reason"]
MISSING_RELEASED = ["name", "age", "sex", "height", "build", "features", "areas", "last_seen", "vulnerability"]


@dataclass(frozen=True)
class DemoAppeal:
    """One appeal and how far it gets. `details` are the form's fields, with the owning unit's code;
    `last_seen_days_ago` becomes the date last seen, counted back from the day the demo is loaded."""

    author: str
    kind: str
    details: dict[str, Any]
    # How far it gets: a draft is created only (no image or assessment yet); a closed appeal is published first,
    # then closed with `closed_by`.
    status: AppealStatus
    authoriser: str = ""
    released: list[str] = field(default_factory=list)
    image_kind: str = ImageKind.PHOTO
    image_seed: int = 0
    harm: str = "high"
    grade: str = ""  # the missing-person risk grade; a missing person's defaults to high
    review_days: int = 28
    last_seen_days_ago: int | None = None
    closed_by: tuple[str, str, str] = ("", "", "")  # (username, outcome, note)
    review_fell_due: bool = False  # its review fell due yesterday: the review sweep flags it to the authorisers


APPEALS = [
    DemoAppeal(
        "ava.author",
        AppealKind.WANTED,
        {
            "subject_name": "Darren Kellow",
            "aliases": "Daz, D-K",
            "age_min": 34,
            "sex": "male",
            "height_cm": 183,
            "build": "stocky",
            "hair": "Short dark brown, shaved at the sides",
            "eyes": "Brown",
            "distinguishing_features": "Scar through left eyebrow; tattoo of a swallow on right hand.",
            "areas": "Eastbrook, Millford",
            "vehicle": "Silver Vauxhall Astra, registration KX19 TVN",
            "wanted_reason": "offence",
            "offence_category": "robbery",
            "offence_summary": "Wanted in connection with an armed robbery at a petrol station in Eastbrook.",
            "owning_unit": "cid-east",
            "description": "Known to use the bus station and the gyms around Eastbrook high street.",
            "reward_text": "Northshire Police offer up to 2,000 pounds for information that leads to his arrest.",
        },
        status=AppealStatus.PUBLISHED,
        authoriser="sue.superintendent",  # a custody image needs senior authority
        released=[*WANTED_RELEASED, "hair", "eyes", "description", "reward"],
        image_kind=ImageKind.CUSTODY,
        image_seed=1,
    ),
    DemoAppeal(
        "ava.author",
        AppealKind.WANTED,
        {
            "subject_name": "Lee Marsh",
            "age_min": 27,
            "age_max": 30,
            "sex": "male",
            "build": "slim",
            "areas": "Harbourside",
            "wanted_reason": "licence",
            "owning_unit": "fugitive",
        },
        status=AppealStatus.PUBLISHED,
        authoriser="ian.inspector",
        released=["name", "age", "sex", "build", "areas", "reason"],
        image_seed=2,
        harm="medium",
    ),
    DemoAppeal(
        "mo.author",
        AppealKind.MISSING,
        {
            "subject_name": "Jodie Pryce",
            "age_min": 15,
            "sex": "female",
            "height_cm": 160,
            "build": "slim",
            "distinguishing_features": "Shoulder-length dyed red hair; a yellow rucksack.",
            "areas": "Millford, Harbourside",
            "last_seen_place": "Millford railway station",
            "vulnerability_summary": "Jodie is 15 and we are worried for her safety. She may not have her medication.",
            "owning_unit": "mispers",
        },
        status=AppealStatus.PUBLISHED,
        authoriser="sue.superintendent",  # a missing child needs senior authority
        released=MISSING_RELEASED,
        image_seed=3,
        last_seen_days_ago=2,
    ),
    DemoAppeal(
        "mo.author",
        AppealKind.MISSING,
        {
            "subject_name": "Arthur Wenlock",
            "age_min": 82,
            "sex": "male",
            "height_cm": 170,
            "build": "medium",
            "distinguishing_features": "Walks with a stick; wearing a brown flat cap and green coat.",
            "areas": "Eastbrook",
            "last_seen_place": "Eastbrook Park",
            "vulnerability_summary": "Arthur lives with dementia and may be confused about where he is.",
            "owning_unit": "mispers",
        },
        status=AppealStatus.PUBLISHED,
        authoriser="ian.inspector",
        released=MISSING_RELEASED,
        image_seed=4,
        last_seen_days_ago=1,
    ),
    DemoAppeal(
        "ava.author",
        AppealKind.WANTED,
        {
            "subject_name": "Gary Tunstall",
            "age_min": 45,
            "sex": "male",
            "areas": "Millford",
            "wanted_reason": "court",
            "owning_unit": "cid-east",
        },
        status=AppealStatus.PUBLISHED,
        review_fell_due=True,
        authoriser="ian.inspector",
        released=["name", "age", "areas", "reason"],
        image_seed=5,
        harm="low",
        review_days=14,
    ),
    DemoAppeal(
        "ava.author",
        AppealKind.WANTED,
        {
            "subject_name": "Connor Bright",
            "age_min": 22,
            "sex": "male",
            "areas": "Harbourside",
            "wanted_reason": "bail",
            "owning_unit": "cid-east",
        },
        status=AppealStatus.AWAITING_AUTHORISATION,
        released=["name", "age", "areas", "reason"],
        image_seed=6,
    ),
    DemoAppeal(
        "ava.author",
        AppealKind.WANTED,
        {"subject_name": "Tariq Holm", "wanted_reason": "offence", "owning_unit": "cid-east"},
        AppealStatus.DRAFT,
    ),
    DemoAppeal(
        "ava.author",
        AppealKind.WANTED,
        {"subject_name": "Martin Cole", "age_min": 39, "wanted_reason": "offence", "owning_unit": "cid-east"},
        status=AppealStatus.CLOSED,
        authoriser="ian.inspector",
        released=["name", "age", "reason"],
        image_seed=7,
        closed_by=("uma.officer", "arrested", "Arrested in Millford."),
    ),
    DemoAppeal(
        "mo.author",
        AppealKind.MISSING,
        {"subject_name": "Ellie Shaw", "age_min": 34, "last_seen_place": "Harbourside", "owning_unit": "mispers"},
        status=AppealStatus.CLOSED,
        authoriser="ian.inspector",
        released=["name", "age", "last_seen"],
        image_seed=8,
        grade="medium",
        closed_by=("mo.author", "found_safe", "Found safe and well."),
    ),
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

# The analyst's sanitised summaries, by grading.
DESK_SUMMARIES = {
    "2B": "Subject reported at a launderette in the Quay Street area now.",
    "2C": "Subject possibly using a silver estate car in the east of the town.",
}
