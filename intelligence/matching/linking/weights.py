"""The weights of linking's evidence and its thresholds, stated here and measured on the fixture set by
`manage.py intel_evaluate`. A weight is roughly how often, on its own, the evidence points at the right appeal.
"""

from ..extraction import Kind

# A suggestion at or above this confidence is shown as a likely link; below it, only on the report's page.
SUGGEST_THRESHOLD = 0.6
# Below this a candidate is not worth showing at all.
MIN_CONFIDENCE = 0.15

W_REFERENCE = 0.97  # quotes the appeal's reference (from a poster or the page)
W_REFERENCE_NEAR = (
    0.4  # quotes a reference no appeal has, one slip from this appeal's and no other's: with support only
)
W_VRM = 0.95  # the appeal's vehicle's registration
W_VRM_NEAR = 0.5  # one character away: a misread plate, or a different car
W_VRM_PART = 0.45  # part of the appeal's plate ("starts with KX19"): divided between the appeals it fits
W_FULL_NAME = 0.93  # the whole name, exactly; a misspelling scales down with its similarity
W_NAME_COMPARED = 0.75  # ... times this after "looks like": a likeness, and outweighed when the report denies it
W_ALIAS = 0.8  # a nickname the appeal lists, that is not an ordinary first name
W_ALIAS_NAME = 0.85  # a listed nickname with the surname ("Gaz Baker"), exactly
W_COMMON_ALIAS = 0.4  # a listed alias that is also an ordinary first name ("Jess", "Mo")
W_FIRST_NAME = 0.4  # the first name alone
W_SURNAME = 0.62  # the surname alone: rarer than a first name, so above the threshold on its own
W_WORDLIKE_LOWER = 0.2  # a name that is also a word ("wood", "marsh"), written in lower case
W_AREA = 0.25  # a town or district the appeal lists: supporting evidence only
W_CONTACT = 0.9  # a phone number, e-mail or handle the appeal itself gives ("he uses 07700 900412")
W_VEHICLE = 0.3  # the make or model of the appeal's vehicle ("a grey corsa"), divided between appeals that share it
W_VEHICLE_COLOUR = 0.15  # ... and its colour too
W_VRM_PART_AND_MODEL = 0.75  # part of the appeal's plate on the appeal's make or model of vehicle
# Corroboration, counted only beside a name, a feature or the page: on its own each fits too many people.
W_KIND = 0.35  # "the missing girl" for a missing-person appeal, "wanted" for a wanted one
W_SEX_FITS = 0.15  # "girl", "she" for a female subject
W_AGE_FITS = 0.2  # an age the report gives that fits the subject's
W_CIRCUMSTANCES = 0.3  # words of what the appeal is about ("stabbing", "catalytic converter", "fire")
# The report describes a distinguishing feature the appeal records, word for word (its telling words, at least):
# by how many telling words it has, because "a limp" fits many people and "a scar through his left eyebrow" few.
W_FEATURE = {1: 0.4, 2: 0.6, 3: 0.7}
# ... its telling words within this many words of each other, plus two for each telling word.
FEATURE_WINDOW = 4
W_FEATURE_OTHER_NAMED = 0.1  # the same description, of a person the report names who is not the subject
W_PAGE_PERSON = 0.9  # sent from the appeal's page and talks about a person
W_PAGE_WHERE = 0.8  # sent from the appeal's page, a short message that says only where or when ("in the crown now")
W_PAGE_NO_PERSON = 0.35  # sent from the appeal's page but talks about no one
W_PAGE_OTHER_NAMED = 0.2  # sent from this page but names another appeal's subject, and nothing of this one
W_PAGE_DENIED = 0.05  # sent from this page but says "not him", "wrong person"
W_PAGE_NEW_PERSON = 0.4  # sent from this page, but the first person it talks about is someone new ("a man...")
W_PAGE_NAMES_SOMEONE = 0.35  # sent from this page, but names someone else in full and nothing of this subject
# Something identifying that an earlier report, confirmed by an analyst as about this appeal, also carried.
W_KNOWN_ENTITY = {Kind.PHONE: 0.6, Kind.EMAIL: 0.6, Kind.HANDLE: 0.6, Kind.VRM: 0.5, Kind.POSTCODE: 0.45}
CLOSED_FACTOR = 0.8  # an ended appeal: information still matters, but less often about it
