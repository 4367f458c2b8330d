"""A piece of evidence (`Reason`), a suggested link (`LinkSuggestion`), and how evidence combines (`noisy_or`)."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from .weights import SUGGEST_THRESHOLD


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    text: str
    weight: float
    # Where in the report's text a name reason was read (start, end), so that another subject's whole name can
    # claim its words; None for evidence that is not a name.
    span: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class LinkSuggestion:
    reference: str
    confidence: float
    reasons: tuple[Reason, ...] = field(default_factory=tuple)

    @property
    def likely(self) -> bool:
        return self.confidence >= SUGGEST_THRESHOLD

    def explain(self) -> str:
        return "; ".join(r.text for r in self.reasons)


def noisy_or(weights: Iterable[float]) -> float:
    """Independent pieces of evidence combined: each removes its share of the remaining doubt."""
    doubt = 1.0
    for w in weights:
        doubt *= 1.0 - w
    return 1.0 - doubt
