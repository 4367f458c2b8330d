"""Linking: which appeal(s) a report is about, with a confidence and the reasons an analyst can check.

Pure and typed, on plain dataclasses: an `AppealIndex` (index.py) is built once from every appeal profile
(profiles.py), with dictionaries from registration mark, name word and area to appeal references, so a report is
scored only against the few appeals it could be about, never against all of them. Each piece of evidence
(evidence.py) is a `Reason` with a weight (weights.py: roughly, how often, on its own, it points at the right
appeal); the confidence (suggest.py) is the noisy-OR of the weights, 1 - Π(1 - w), so independent pieces of
evidence add up and none alone reaches 1. The weights and the threshold are measured on the fixture set by
`manage.py intel_evaluate`; the word lists are data (lexicon/linking_words.json). An analyst confirms or rejects
every suggestion; nothing here links anything by itself. See docs/adr/0010-enrichment-linking.md.
"""

from .index import AppealIndex, suggest_links
from .profiles import AppealProfile, ReportFacts
from .reasons import LinkSuggestion, Reason, noisy_or
from .weights import MIN_CONFIDENCE, SUGGEST_THRESHOLD

__all__ = [
    "MIN_CONFIDENCE",
    "SUGGEST_THRESHOLD",
    "AppealIndex",
    "AppealProfile",
    "LinkSuggestion",
    "Reason",
    "ReportFacts",
    "noisy_or",
    "suggest_links",
]
