"""Top the police service's published appeals up to N for bench/reading.py (run by it, in the profile's police
environment): copies of the demo's published appeals, fictional like them, each with its own reference, its
publicity assessment (marked, so --remove finds them) and a released image reusing the demo's stored file.

    python bench/reading_seed.py 1000      # at least 1,000 published appeals
    python bench/reading_seed.py --remove  # remove the copies again
"""

import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402

from appeals.models import Appeal, AppealStatus, PublicityAssessment  # noqa: E402
from appeals.public_cache import purge_public_cache  # noqa: E402
from appeals.references import new_reference  # noqa: E402

MARKER = "Copy made by bench/reading.py (fictional, for measuring)."


def remove() -> int:
    copies = Appeal.objects.filter(assessment__necessity=MARKER)
    count = copies.count()
    copies.delete()
    purge_public_cache()
    return count


@transaction.atomic
def top_up(target: int) -> int:
    templates = list(Appeal.objects.public().select_related("assessment").prefetch_related("images"))
    missing = target - len(templates)
    if missing <= 0 or not templates:
        return 0
    taken = set(Appeal.objects.values_list("reference", flat=True))
    for n in range(missing):
        template = templates[n % len(templates)]
        appeal = Appeal.objects.get(pk=template.pk)
        appeal.pk = None
        appeal.reference = new_reference(appeal.kind)
        while appeal.reference in taken:
            appeal.reference = new_reference(appeal.kind)
        taken.add(appeal.reference)
        appeal.status = AppealStatus.PUBLISHED
        appeal.save()
        assessment = PublicityAssessment.objects.get(pk=template.assessment.pk)
        released = list(assessment.released_images.all())
        assessment.pk = None
        assessment.appeal = appeal
        assessment.necessity = MARKER
        assessment.save()
        for image in released:
            image.pk = None
            image.public_id = uuid.uuid4()
            image.appeal = appeal
            image.save()
            assessment.released_images.add(image)
    purge_public_cache()
    return missing


if __name__ == "__main__":
    if sys.argv[1:] == ["--remove"]:
        print(f"removed {remove()} copied appeals")
    else:
        print(f"added {top_up(int(sys.argv[1]))} copied appeals")
