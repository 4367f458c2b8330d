"""The evidence of a vehicle: the appeal's registration (exactly, one character off, or in part) and its make or
model, and what the report says of the car that the appeal's is not (another model, another colour)."""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..extraction import partial_vrm_fits
from .profiles import AppealProfile, Reading
from .reasons import Reason, noisy_or
from .weights import W_VEHICLE, W_VEHICLE_COLOUR, W_VRM, W_VRM_NEAR, W_VRM_PART, W_VRM_PART_AND_MODEL
from .words import COLOURS, deletions

if TYPE_CHECKING:
    from .index import AppealIndex

_GREY = {"gray": "grey"}
COLOUR_AFTER = 5  # words after the make or model in which a colour is still the vehicle's ("focus KX19 T, silver")


@dataclass(frozen=True, slots=True)
class Mismatch:
    """What the report says of the vehicle that the appeal's is not, as the reasons say it ("describes a blue
    astra"); `colour_only` when only the colour differs, which does not undo a whole plate."""

    said: str
    colour_only: bool = False


def said_of_vehicle(profile: AppealProfile, reading: Reading) -> bool:
    """Whether the report gives a plate, part of one or the appeal's make or model: only then can what it says
    of the vehicle count for or against the appeal."""
    return bool(reading.plates or reading.partial_plates or any(w in reading.words for w in profile.vehicle_words))


def vehicle_mismatch(index: "AppealIndex", profile: AppealProfile, reading: Reading) -> Mismatch | None:
    """What the report says of the vehicle that the appeal's is not: another model ("a blue astra" for a Corsa),
    or another colour right before its make or model ("grey focus" for a silver Focus). None when nothing differs
    or the appeal records no vehicle."""
    if not profile.vehicle_words:
        return None
    said = [w for w in reading.words if w in index.vehicle_word]
    other = sorted(w for w in said if w not in profile.vehicle_words)
    if other:
        return Mismatch(f"describes a {' '.join(other)}")
    toks = reading.tokens
    for i, (word, _, _) in enumerate(toks):
        if word not in profile.vehicle_words:
            continue
        # A colour just before the make or model ("grey focus"), or a few words after it ("focus KX19, silver").
        near = [w for w, _, _ in toks[max(0, i - 2) : i] if w in COLOURS] or [
            w for w, _, _ in toks[i + 1 : i + 1 + COLOUR_AFTER] if w in COLOURS
        ][:1]
        colours = {_GREY.get(w, w) for w in near}
        if colours and not colours & {_GREY.get(c, c) for c in profile.vehicle_colours} and profile.vehicle_colours:
            return Mismatch(f"describes a {near[-1]} {word} (another colour)", colour_only=True)
    return None


def _fits_another(index: "AppealIndex", profile: AppealProfile, reading: Reading, vrm: str) -> str:
    """Another appeal whose plate is one character from this one and whose vehicle the report describes."""
    for variant in deletions(vrm):
        for ref in index.vrm_near.get(variant, ()):
            other = index.profiles[ref]
            if (
                ref != profile.reference
                and vrm not in other.vrms
                and not vehicle_mismatch(index, other, reading)
                and any(w in reading.words for w in other.vehicle_words)
            ):
                return ref
    return ""


def plate_reasons(
    index: "AppealIndex", profile: AppealProfile, reading: Reading, mismatch: Mismatch | None
) -> list[Reason]:
    """The appeal's registration, exactly, one character off, or in part; weakened when the report describes
    another vehicle (`mismatch`, from vehicle_mismatch), and a plate that is exactly another appeal's is not a
    slip for this one's."""
    reasons: list[Reason] = []
    plates = reading.plates
    for vrm in profile.vrms:
        if vrm in plates:
            text = f"same registration as the appeal's vehicle ({vrm})"
            if mismatch and mismatch.colour_only:
                # A colour is misremembered or resprayed more often than a whole plate is read wrong.
                reasons.append(Reason("vrm", f"{text}, though the report {mismatch.said}", W_VRM))
            elif mismatch and (fits_other := _fits_another(index, profile, reading, vrm)):
                # "blue astra FN16 OPW": the plate of this red Corsa, one character from a blue Astra's.
                text = f"{text}, but the report {mismatch.said}, like {fits_other}'s, whose plate is one character off"
                reasons.append(Reason("vrm", text, 0.0))
            elif mismatch:
                reasons.append(Reason("vrm", f"{text}, but the report {mismatch.said}", W_VRM_NEAR))
            else:
                reasons.append(Reason("vrm", text, W_VRM))
        else:
            near = [
                p
                for p in plates
                if deletions(p) & deletions(vrm)
                and abs(len(p) - len(vrm)) <= 1
                and not any(not vehicle_mismatch(index, index.profiles[o], reading) for o in index.vrm.get(p, ()))
            ]
            if near:
                text = f"registration {near[0]} is one character from the appeal's vehicle ({vrm})"
                if mismatch:
                    reasons.append(Reason("vrm_near", f"{text}, but the report {mismatch.said}", 0.0))
                else:
                    reasons.append(Reason("vrm_near", text, W_VRM_NEAR))
    for part in reading.partial_plates:
        fits = [vrm for vrm in profile.vrms if partial_vrm_fits(part, vrm)]
        if fits:
            sharing = len(index.partial_plate_appeals(part))
            note = f", as do {sharing - 1} other appeals' plates" if sharing > 1 else ""
            text = f"part of a registration ({part}) fits the appeal's vehicle ({fits[0]}){note}"
            if mismatch:
                reasons.append(Reason("vrm_mismatch", f"{text}, but the report {mismatch.said}", 0.0))
            else:
                reasons.append(Reason("vrm_part", text, W_VRM_PART / sharing))
            break
    return reasons


def vehicle_reasons(
    index: "AppealIndex", profile: AppealProfile, reading: Reading, found: list[Reason], mismatch: Mismatch | None
) -> list[Reason]:
    """The appeal's make or model of vehicle ("a grey corsa"); with part of its plate, strong together."""
    model = [w for w in profile.vehicle_words if w in reading.words]
    if not model or any(r.code in {"vrm", "vrm_mismatch"} for r in found):
        return []
    if mismatch:
        return [Reason("vehicle", f"mentions the appeal's make of vehicle, but the report {mismatch.said}", 0.0)]
    sharing = len(set.union(*(index.vehicle_word[w] for w in model)))
    colour = [c for c in profile.vehicle_colours if c in reading.words]
    shown = " ".join([*colour, *model])
    part = [r for r in found if r.code == "vrm_part"]
    if part:
        found.remove(part[0])
        # Part of a plate on a make that two appeals' cars share ("a focus, KX19..."): either could be it.
        both = {
            ref
            for p in reading.partial_plates
            for ref in index.partial_plate_appeals(p)
            if any(w in reading.words for w in index.profiles[ref].vehicle_words)
            and not vehicle_mismatch(index, index.profiles[ref], reading)
        }
        note = f", as do {len(both) - 1} other appeals' vehicles" if len(both) > 1 else ""
        text = f"{part[0].text}, on the appeal's make of vehicle ({shown}){note}"
        return [Reason("vrm_part", text, W_VRM_PART_AND_MODEL / max(1, len(both)))]
    other = sorted(p for p in reading.plates if profile.vrms and not any(r.code == "vrm_near" for r in found))
    if other:
        # "a red Skoda Octavia, but the plate was HY15 GRX": the same make, another car.
        text = f"mentions the appeal's vehicle ({shown}), but with another registration ({other[0]})"
        return [Reason("vehicle", text, 0.0)]
    weight = noisy_or([W_VEHICLE, W_VEHICLE_COLOUR] if colour else [W_VEHICLE]) / max(1, sharing)
    return [Reason("vehicle", f"mentions the appeal's vehicle ({shown})", weight)]
