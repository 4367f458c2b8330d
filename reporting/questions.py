"""The guided questions live in reportkit.questions, which both services import; this name stays for the police
app's own modules (its models and their migrations' history name them here)."""

from reportkit.questions import (
    QUESTION_FIELDS,
    VEHICLE_FIELDS,
    Acquaintance,
    CrimeCategory,
    GuidedQuestionsForm,
    InAreaAnswer,
)

__all__ = ["QUESTION_FIELDS", "VEHICLE_FIELDS", "Acquaintance", "CrimeCategory", "GuidedQuestionsForm", "InAreaAnswer"]
