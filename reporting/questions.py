"""Moved to reportkit.questions (both services import it). Nothing in the tree imports this name any more; it
stays only until the branches written against it are merged, then goes."""

from reportkit.questions import (
    QUESTION_FIELDS,
    VEHICLE_FIELDS,
    Acquaintance,
    CrimeCategory,
    GuidedQuestionsForm,
    InAreaAnswer,
)

__all__ = ["QUESTION_FIELDS", "VEHICLE_FIELDS", "Acquaintance", "CrimeCategory", "GuidedQuestionsForm", "InAreaAnswer"]
