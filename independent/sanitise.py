"""Helping the operator take out what could point to the reporter before anything is forwarded.

"Anonymity, not confidentiality" (DESIGN.md): the police see only a sanitised version. These rules *suggest*
it; the operator reads the original, edits the suggestion and decides. Each rule is a small named function
whose docstring states it, with its own test (independent/tests/test_sanitise.py).
"""

import re
from dataclasses import dataclass, field
from typing import Any

from reportkit.questions import QUESTION_FIELDS

REMOVED = "[removed]"
REMOVED_SENTENCE = "[removed: about the person who told us]"

# Answers that describe the reporter rather than the subject.
REPORTER_FIELDS = {
    "acquaintance": "how they know the subject",
    "in_your_area": "where they live (whether the subject is in *their* area)",
}

_RELATIONS = (
    "brother|sister|cousin|son|daughter|dad|father|mum|mother|mom|uncle|aunt|nephew|niece|grandson|granddaughter|"
    "husband|wife|ex|ex-partner|ex-boyfriend|ex-girlfriend|ex-husband|ex-wife|boyfriend|girlfriend|partner|"
    "fiancée?|neighbou?r|landlord|landlady|tenant|lodger|flatmate|housemate|roommate|colleague|boss|manager|"
    "employer|co-worker|workmate|friend|mate|best friend|step-?\\w+|in-laws?|brother-in-law|sister-in-law"
)
_RELATION = re.compile(rf"\b(?:my|our)\s+(?:{_RELATIONS})\b", re.IGNORECASE)
_SELF_SENTENCE = re.compile(
    r"\b(?:I|we)\s+(?:live|lives|am living|have lived|stay|work|worked|am working)\b"
    r"|\b(?:I am|I'm|I was|as)\s+an?\s+(?:woman|man|girl|boy|mother|father|mum|dad|lady|gentleman|pensioner|"
    r"student|nurse|teacher|driver|taxi driver|bus driver|cleaner|shopkeeper|bar ?maid|barman|bouncer)\b"
    r"|\bmy\s+(?:house|flat|home|address|street|road|window|garden|door|estate|block|shop|work|workplace|job|"
    r"office|school|college|car|van)\b"
    r"|\b(?:next door|across the (?:road|street|landing) from (?:me|us)|opposite (?:me|us|my|our))\b"
    r"|\bI(?:'m| am)\s+(?:his|her|their)\b",
    re.IGNORECASE,
)
_SENTENCES = re.compile(r"[^.!?\n]+[.!?]*\s*|\n")


@dataclass
class Sanitised:
    text: str
    findings: list[str] = field(default_factory=list)


def remove_sentences_about_the_reporter(text: str) -> Sanitised:
    """A sentence that says where the reporter lives or works, what they are (gender, job) or what they are
    to the subject is replaced whole: any part left would still point at them."""
    out: list[str] = []
    findings: list[str] = []
    for sentence in _SENTENCES.findall(text):
        match = _SELF_SENTENCE.search(sentence)
        if match:
            findings.append(sentence.strip())
            trailing = sentence[len(sentence.rstrip()) :]
            out.append(REMOVED_SENTENCE + trailing)
        else:
            out.append(sentence)
    return Sanitised(text="".join(out), findings=findings)


def remove_relations(text: str) -> Sanitised:
    """ "my brother", "our neighbour", "my ex": how the reporter knows someone is replaced by [removed]."""
    findings = [m.group(0) for m in _RELATION.finditer(text)]
    return Sanitised(text=_RELATION.sub(REMOVED, text), findings=findings)


def sanitise_text(text: str) -> Sanitised:
    """Both text rules, sentences first. Findings are what was taken out, for the operator to check."""
    first = remove_sentences_about_the_reporter(text)
    second = remove_relations(first.text)
    return Sanitised(text=second.text, findings=first.findings + second.findings)


def drop_reporter_fields(answers: dict[str, Any]) -> dict[str, Any]:
    """The answers that describe the reporter (REPORTER_FIELDS) are left out unless the operator puts them
    back because they are essential."""
    return {name: ("" if name in REPORTER_FIELDS else value) for name, value in answers.items()}


TEXT_FIELDS = ["details", "last_seen_when", "last_seen_where", "places", "companions"]


def suggest_sanitised(answers: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The operator's starting point: reporter fields dropped and every free-text answer run through
    sanitise_text. Returns the suggested answers and the list of what was taken out."""
    suggested = drop_reporter_fields({name: answers.get(name, "") or "" for name in QUESTION_FIELDS})
    findings = [f"Left out: {label}" for name, label in REPORTER_FIELDS.items() if answers.get(name)]
    for name in TEXT_FIELDS:
        result = sanitise_text(str(suggested.get(name, "")))
        suggested[name] = result.text
        findings.extend(result.findings)
    return suggested, findings
