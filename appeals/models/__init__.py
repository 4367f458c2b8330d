"""Appeals for wanted and missing people, the case for publicity, and its authorisation.

The rule "only published appeals are public" is PUBLIC (in .appeal) and nowhere else: Appeal.objects.public(),
AppealImage.objects.public() and Appeal.is_public are all derived from it (appeals.visibility).

The package is split by topic (choices, appeal, images, assessment); every name is imported from here, as
before, and migrations name `appeals.models._image_path`.
"""

from .appeal import (  # noqa: F401
    COMMON_FIELDS,
    EDITABLE_FIELDS,
    ENDED,
    MISSING_FIELDS,
    PUBLIC,
    WANTED_FIELDS,
    WAS_PUBLIC,
    WELSH_TEXT_FIELDS,
    Appeal,
    AppealQuerySet,
)
from .assessment import (  # noqa: F401
    Authorisation,
    Decision,
    MissingRiskGrade,
    PublicityAssessment,
    ReleasableField,
    ThreatRiskHarm,
)
from .choices import (  # noqa: F401
    AppealKind,
    AppealStatus,
    Build,
    OffenceCategory,
    Outcome,
    Sex,
    WantedReason,
)
from .images import (  # noqa: F401
    AppealImage,
    AppealImageQuerySet,
    ImageKind,
    _image_path,
)
