"""Linking: each kind of evidence, how they combine, and what must not link."""

from datetime import date
from functools import partial

from intelligence.matching.extraction import Kind, extract
from intelligence.matching.linking import (
    SUGGEST_THRESHOLD,
    AppealIndex,
    AppealProfile,
    ReportFacts,
    noisy_or,
    suggest_links,
)

KELLOW = AppealProfile.build(
    reference="W-7KQ2",
    kind="wanted",
    name="Darren Kellow",
    aliases=["Daz", "Dazza"],
    areas=["Millford", "Brackenmoor"],
    vehicle="Silver Ford Focus, KM19 RTA",
)
PRICE = AppealProfile.build(reference="W-3XPD", kind="wanted", name="Darren Price", areas=["Wexley"])
ASHDOWN = AppealProfile.build(
    reference="M-4HNB", kind="missing", name="Chloe Ashdown", aliases=["Chlo"], areas=["Millford"]
)
MARLOW = AppealProfile.build(reference="M-9RTV", kind="missing", name="Jessica Marlow", aliases=["Jess"])
MOSS = AppealProfile.build(reference="W-MS22", kind="wanted", name="Kieran Moss", areas=["Carrow Heath", "Dunmere"])
DUNMORE = AppealProfile.build(reference="W-DN55", kind="wanted", name="Stacey Dunmore", areas=["Ashcombe"])
INDEX = AppealIndex([KELLOW, PRICE, ASHDOWN, MARLOW, MOSS, DUNMORE])


def scores(index: AppealIndex, text: str, *, page: str | None = None) -> dict[str, float]:
    """The confidence of every appeal the index suggests for a report."""
    return {s.reference: s.confidence for s in index.suggest(ReportFacts.from_text(text, submitted_from=page))}


links = partial(scores, INDEX)


def likely(text: str, *, page: str | None = None) -> set[str]:
    return {ref for ref, c in links(text, page=page).items() if c >= SUGGEST_THRESHOLD}


def test_profile_reads_the_plate_out_of_the_vehicle_text() -> None:
    assert KELLOW.vrms == ("KM19RTA",)


def test_same_registration_as_the_appeals_vehicle() -> None:
    (suggestion,) = INDEX.suggest(ReportFacts.from_text("the car km19rta is outside the shop again"))
    assert suggestion.reference == "W-7KQ2"
    assert suggestion.confidence >= 0.95
    assert "same registration as the appeal's vehicle (KM19RTA)" in suggestion.explain()


def test_a_plate_one_character_off_is_suggested_but_not_likely() -> None:
    confidence = links("reg KM19 RTE parked up")["W-7KQ2"]
    assert 0.3 < confidence < SUGGEST_THRESHOLD


def test_full_name_and_misspelt_name_link() -> None:
    assert likely("Saw Darren Kellow in town") == {"W-7KQ2"}
    assert likely("saw darren kelow at the shop") == {"W-7KQ2"}


def test_alias_that_is_a_nickname_links_and_says_so() -> None:
    (suggestion,) = INDEX.suggest(ReportFacts.from_text("Daz is in the Red Lion"))
    assert suggestion.reference == "W-7KQ2" and suggestion.likely
    assert "names the appeal's alias 'Daz'" in suggestion.explain()


def test_alias_that_is_an_ordinary_first_name_is_weak() -> None:
    assert "M-9RTV" not in likely("my friend Jess saw a fight")


def test_a_first_name_shared_by_two_appeals_is_weaker_still() -> None:
    scores = links("Darren was there")
    assert scores["W-7KQ2"] < 0.3 and scores["W-3XPD"] < 0.3


def test_someone_else_with_the_same_first_name_does_not_link() -> None:
    assert likely("Darren Whitlock is selling weed in Millford") == set()


def test_area_alone_is_not_enough() -> None:
    scores = links("loads of burglaries in Millford lately")
    assert scores and max(scores.values()) < SUGGEST_THRESHOLD


def test_a_town_is_not_a_surname() -> None:
    # "Dunmere" is a town some appeal lists, so it is not read as a misspelt "Dunmore".
    assert "W-DN55" not in likely("trouble in Dunmere and Ashcombe")


def test_a_lower_case_word_is_not_a_misspelt_surname() -> None:
    assert likely("she was wearing a yellow coat") == set()


def test_sent_from_the_appeals_page_about_a_person() -> None:
    assert likely("he is in the Oak Tree pub now", page="W-7KQ2") == {"W-7KQ2"}
    assert likely("the lad off the poster just went into the chippy", page="W-7KQ2") == {"W-7KQ2"}


def test_sent_from_the_page_but_about_no_one() -> None:
    assert likely("there is dealing going on outside the station", page="W-7KQ2") == set()


def test_sent_from_one_page_about_another_subject() -> None:
    assert likely("not this one but Chloe Ashdown is at the bus station", page="W-7KQ2") == {"M-4HNB"}


def test_quoted_reference() -> None:
    assert likely("re appeal m-4hnb she is at her nans") == {"M-4HNB"}


def test_two_subjects_in_one_report() -> None:
    assert likely("Darren Kellow and Chloe Ashdown were together in Millford") == {"W-7KQ2", "M-4HNB"}


def test_evidence_adds_up() -> None:
    assert links("Chlo was in Millford")["M-4HNB"] > links("Chlo was in town")["M-4HNB"]
    assert noisy_or([0.5, 0.5]) == 0.75


def test_learnt_entities_link_later_reports() -> None:
    index = AppealIndex([KELLOW, PRICE])
    first = ReportFacts.from_text("Darren Kellow has a new number 07700 900123")
    index.learn("W-7KQ2", first.entities)
    later = index.suggest(ReportFacts.from_text("Darren rang from 07700 900123"))
    assert later[0].reference == "W-7KQ2" and later[0].likely
    assert "phone number 07700 900123 is in an earlier report" in later[0].explain()


def test_closed_appeals_are_discounted_and_say_so() -> None:
    closed = AppealProfile.build(reference="W-CL05", kind="wanted", name="Gary Stubbs", status="closed")
    (suggestion,) = suggest_links(ReportFacts.from_text("Gary Stubbs is back"), [closed])
    assert suggestion.confidence < 0.93
    assert "the appeal has ended" in suggestion.explain()


def test_candidates_come_from_the_index_not_a_scan() -> None:
    profiles = [
        AppealProfile.build(reference=f"W-{i:04d}", kind="wanted", name=f"Person{i} Surname{i}") for i in range(500)
    ]
    index = AppealIndex([*profiles, KELLOW])
    assert index.candidates(ReportFacts.from_text("Darren Kellow is at KM19 RTA")) == {"W-7KQ2"}


def test_report_facts_carry_what_was_extracted() -> None:
    facts = ReportFacts.from_text("KM19 RTA", submitted_from="W-7KQ2", received=date(2025, 3, 1))
    assert facts.entities == tuple(extract("KM19 RTA"))


# --- Distinguishing features --------------------------------------------------------------------------------

BROWN_EYEBROW = AppealProfile.build(
    reference="W-KB44",
    kind="wanted",
    name="Kyle Brennan",
    areas=["Ashcombe"],
    features="A scar through his left eyebrow; a limp",
)
FEATURES = AppealIndex([BROWN_EYEBROW, KELLOW])


_about = partial(scores, FEATURES)


def test_a_described_feature_links_by_how_telling_it_is():
    assert AppealProfile.build(reference="W-X", kind="wanted", name="A B", features="Tattoos on his knuckles.").features
    said = _about("A man with a scar through his left eyebrow is sleeping in the bus shelter")
    assert said["W-KB44"] >= SUGGEST_THRESHOLD
    reason = FEATURES.suggest(ReportFacts.from_text("a man with a scar through his left eyebrow"))[0].reasons[0]
    assert reason.text == "describes the appeal's distinguishing feature 'A scar through his left eyebrow'"
    # One common word fits many people: shown, but not as a likely link.
    assert 0 < _about("a lad with a limp keeps trying car doors")["W-KB44"] < SUGGEST_THRESHOLD


def test_a_feature_of_someone_else_the_report_names_does_not_link():
    said = _about("Steve Barlow, the one with a scar through his left eyebrow, is dealing at the Red Lion pub")
    assert said.get("W-KB44", 0) < SUGGEST_THRESHOLD
    # A street or a district is not a person: the description still counts.
    said = _about("Try Canal Walk, thats where a man with a scar through his left eyebrow sleeps")
    assert said["W-KB44"] >= SUGGEST_THRESHOLD
    # Naming the subject with the feature is the subject.
    assert _about("Kyle Brennan has a scar through his left eyebrow")["W-KB44"] > 0.9


def test_half_a_feature_is_not_the_feature():
    assert "W-KB44" not in {ref for ref, c in _about("he had a scar on his chin").items() if c >= SUGGEST_THRESHOLD}


# --- Formats people write (issue 11) --------------------------------------------------------------------------

VAN = AppealProfile.build(
    reference="W-VTT2", kind="wanted", name="Darren Kellow", vehicle="Ford Transit Custom white, KX19 TVN"
)
BMW = AppealProfile.build(reference="W-R7KD", kind="wanted", name="Liam McCarthy", vehicle="BMW black, KX19 LRD")
JONES = AppealProfile.build(
    reference="W-3HNP", kind="wanted", name="Jordan Jones", features="Dreadlocks. A swallow tattoo on his neck."
)
PLATES = AppealIndex([VAN, BMW, JONES])


_plates = partial(scores, PLATES)


def test_a_hyphenated_plate_is_the_whole_plate() -> None:
    assert _plates("white van KX19-TVN parked on the corner")["W-VTT2"] >= 0.95


def test_part_of_a_plate_is_evidence_divided_between_the_plates_it_fits() -> None:
    only_van = _plates("the van's reg ended in TVN")
    assert 0.3 < only_van["W-VTT2"] < SUGGEST_THRESHOLD
    both = _plates("reg started with KX19")
    assert both["W-VTT2"] < only_van["W-VTT2"] and both["W-R7KD"] == both["W-VTT2"]


def test_a_quoted_reference_in_any_case_links_and_is_not_a_plate() -> None:
    facts = ReportFacts.from_text("re w-vtt2 hes back at the yard")
    assert [e.kind for e in facts.entities] == [Kind.REFERENCE]
    assert _plates("re w-vtt2 hes back at the yard")["W-VTT2"] >= 0.95


def test_apostrophe_less_pronouns_are_talk_about_a_person() -> None:
    assert _plates("shes round the back of the flats", page="W-3HNP")["W-3HNP"] >= SUGGEST_THRESHOLD


def test_two_people_in_one_report_both_link() -> None:
    # The second is described, not named: a description beside another appeal's subject is not that subject's.
    said = _plates("Darren Kellow was at the yard with a lad with a bird tattoo on his neck")
    assert said["W-VTT2"] >= SUGGEST_THRESHOLD and said["W-3HNP"] >= SUGGEST_THRESHOLD


# --- Reading people's words (issue 11) ------------------------------------------------------------------------

JORDAN = AppealProfile.build(
    reference="W-3HNP",
    kind="wanted",
    name="Jordan Jones",
    aliases=["Jonesy"],
    sex="male",
    age_min=22,
    height_cm=183,
    build="slim",
    features="Dreadlocks, usually tied back. Wears glasses. Often carries a black holdall.",
)
SWALLOW = AppealProfile.build(
    reference="W-SW11",
    kind="wanted",
    name="Dorian Kett",
    sex="male",
    age_min=34,
    build="stocky",
    features="A swallow tattoo on the left side of his neck.",
)
REDHEAD = AppealProfile.build(
    reference="W-RD22", kind="wanted", name="Reece Parker", aliases=["Red"], sex="male", age_min=20
)
WORDS = AppealIndex([JORDAN, SWALLOW, REDHEAD])


_words = partial(scores, WORDS)


def test_paraphrased_features_are_read_through_the_lexicon() -> None:
    assert _words("bloke with a bird inked on his neck outside the bookies")["W-SW11"] >= SUGGEST_THRESHOLD
    assert _words("lad with dreads and specs carrying a holdall")["W-3HNP"] >= SUGGEST_THRESHOLD


def test_filler_words_of_a_feature_need_not_be_written() -> None:
    # "Often carries a black holdall": "had a holdall" is the feature; all the telling words are not needed.
    assert _words("he had a holdall with him")["W-3HNP"] > 0


def test_a_contradicting_age_sex_or_build_vetoes_the_description() -> None:
    assert _words("a man about fifty, dreads and specs, very fat").get("W-3HNP", 0) < SUGGEST_THRESHOLD
    assert _words("a woman with a bird tattoo on her neck").get("W-SW11", 0) < SUGGEST_THRESHOLD
    (suggestion,) = WORDS.suggest(ReportFacts.from_text("woman, 60ish, swallow tattoo on her neck"))
    assert "but the report describes a woman" in suggestion.explain()


def test_not_him_overrides_the_page() -> None:
    said = _words("not him, but his brother is dealing from the flat", page="W-3HNP")
    assert said.get("W-3HNP", 0) < SUGGEST_THRESHOLD
    assert _words("its not jonesy but his cousin at the yard").get("W-3HNP", 0) < SUGGEST_THRESHOLD


def test_a_name_denied_at_the_start_of_a_sentence_is_not_the_report_subject() -> None:
    # "not jonesy but someone else", "not jonesy, the other one": the named alias and the page both give way.
    for text in ("not jonesy but someone else robbed a driver on my road", "not jonesy, the other one with the van"):
        assert _words(text, page="W-3HNP").get("W-3HNP", 0) < SUGGEST_THRESHOLD, text
    # "not sure, but" denies no one.
    assert _words("Not sure, but jonesy was at the yard with dreads and specs")["W-3HNP"] >= SUGGEST_THRESHOLD


def test_a_look_alike_the_reporter_dismisses_does_not_link_to_the_page() -> None:
    # Each describes the page's subject word for word, then says it is someone else.
    dismissals = (
        "lad with dreads and specs at the bookies, but he's not your man, he's much older",
        "lad with dreads and specs at the bookies, he's called Steve, I've known him years",
        "dont think its him but a lad with dreads and specs is at the bookies every day",
        "I dont think the lad with dreads and specs at the bookies is Jordan, he's a student",
        "lad with dreads and specs, looks nothing like your photo though",
        "lad with dreads and specs works at the bookies but he's been there for years",
    )
    for text in dismissals:
        assert _words(text, page="W-3HNP").get("W-3HNP", 0) < SUGGEST_THRESHOLD, text
    (suggestion,) = WORDS.suggest(ReportFacts.from_text(dismissals[1], submitted_from="W-3HNP"))
    assert "is not them" in suggestion.explain()  # still shown, weak, with why
    # The subject's own name given is no dismissal; neither is a sighting that only mentions years.
    assert _words("lad with dreads and specs, his name is Jordan", page="W-3HNP")["W-3HNP"] >= SUGGEST_THRESHOLD
    assert (
        _words("lad with dreads and specs at the bookies, I dont think he has left", page="W-3HNP")["W-3HNP"]
        >= SUGGEST_THRESHOLD
    )


def test_a_name_right_after_a_denial_is_not_the_subject() -> None:
    for text in ("the lad with dreads outside the coop isnt jordan, hes older", "a student I know, not Jordan Jones"):
        assert _words(text, page="W-3HNP").get("W-3HNP", 0) < SUGGEST_THRESHOLD, text
    # A denied name in a list, at the start of a sentence: both appeals named give way.
    said = links("Not Darren Kellow or Darren Price, the other Darren, was in Millford")
    assert said.get("W-7KQ2", 0) < SUGGEST_THRESHOLD and said.get("W-3XPD", 0) < SUGGEST_THRESHOLD


def test_a_first_name_with_the_area_and_the_sex_that_fit_links() -> None:
    marr = AppealProfile.build(reference="M-SM44", kind="missing", name="Sophie Marr", sex="female", areas=["Holtby"])
    index = AppealIndex([marr])
    assert (
        scores(index, "Sophie is at her cousin's in Holtby, the house behind the library")["M-SM44"]
        >= SUGGEST_THRESHOLD
    )
    assert scores(index, "Sophie was there").get("M-SM44", 0) < SUGGEST_THRESHOLD
    assert scores(index, "Sophie, he's about 10, is at her cousin's in Holtby").get("M-SM44", 0) < SUGGEST_THRESHOLD


def test_a_surname_inside_another_persons_name_does_not_hide_the_first_name() -> None:
    # "Chloe" is Chloe Ashdown's first name; "Ashdown" here is part of someone else's name.
    said = links("Gary Ashdown is the dad of the missing girl Chloe. Chloe goes to his flat in Millford")
    assert said.get("M-4HNB", 0) >= SUGGEST_THRESHOLD


def test_a_comparison_or_a_retraction_says_it_is_someone_else() -> None:
    taller = "a lad with dreads and specs at the bus station but he's a lot shorter than Jordan"
    assert _words(taller, page="W-3HNP").get("W-3HNP", 0) < SUGGEST_THRESHOLD
    retracted = "he wasnt at the bookies, I got the day wrong, ignore my last message about the lad with dreads"
    assert _words(retracted, page="W-3HNP").get("W-3HNP", 0) < SUGGEST_THRESHOLD
    # Another appeal's subject named in full: his first name is not evidence for the other Darren.
    assert "W-7KQ2" not in links("Darren Price is in Wexley tonight")


def test_a_likeness_the_report_denies_is_not_the_subject() -> None:
    likeness = "A man who looks like Jordan Jones runs the phone shop, he's called Imran and he's the owner's son"
    assert _words(likeness, page="W-3HNP").get("W-3HNP", 0) < SUGGEST_THRESHOLD
    # A likeness alone is still a possible sighting.
    assert _words("a man who looks like Jordan Jones is at the bus station now")["W-3HNP"] >= SUGGEST_THRESHOLD


def test_a_teenagers_age_is_held_closer() -> None:
    # Jordan is 22: "hes only 15" is someone else, where "about 30" for a 22-year-old may be a bad guess.
    assert _words("lad with dreads and specs, hes only 15", page="W-3HNP").get("W-3HNP", 0) < SUGGEST_THRESHOLD
    assert _words("lad with dreads and specs, about 27", page="W-3HNP")["W-3HNP"] >= SUGGEST_THRESHOLD


def test_a_features_words_must_stand_together() -> None:
    mum = AppealProfile.build(
        reference="W-MM33", kind="wanted", name="Kyle Barton", sex="male", features="Tattoo reading MUM on his neck."
    )
    index = AppealIndex([mum])
    assert scores(index, "a lad with a MUM tattoo on his neck at the bus stop")["W-MM33"] >= SUGGEST_THRESHOLD
    far_apart = (
        "the lad with the bird tattoo on his neck is staying round at his mates house, or his mums, near the bus stop"
    )
    assert scores(index, far_apart).get("W-MM33", 0) < SUGGEST_THRESHOLD


def test_a_nickname_with_the_surname_and_a_possessive_without_its_apostrophe_link() -> None:
    assert likely("dazza kellow parked outside her house again") == {"W-7KQ2"}
    assert "names the appeal's subject by nickname" in INDEX.suggest(ReportFacts.from_text("Dazza Kellow"))[0].explain()
    from intelligence.matching.extraction import match_names

    assert [m.matched for m in match_names("dazs been texting her again", ["Daz"])] == ["dazs"]
    # The nickname with the surname is outweighed by a description the subject cannot fit.
    assert _words("jonesy jones the landlord, a woman about 60").get("W-3HNP", 0) < SUGGEST_THRESHOLD


def test_a_whole_name_misspelt_as_it_sounds_links() -> None:
    # Short words must otherwise be written exactly; a whole name that sounds the same and is spelt close does.
    assert likely("Darrin Kelow was at the station") == {"W-7KQ2"}
    assert likely("kieron mos in dunmere") == {"W-MS22"}
    assert likely("Stacy Dunmor in Ashcombe") == {"W-DN55"}
    # One word alone is not read by its sound: "Mos" is not Moss, "Chlo" is not Chloe.
    assert "W-MS22" not in likely("Mos is a word people use")


def test_an_old_man_or_a_young_guy_is_an_age_that_can_veto() -> None:
    # Dorian Kett is 34: an "old man" cannot be him; "a young guy" can be Jordan (22) but not a pensioner.
    assert _words("an old man with a bird tattoo on his neck").get("W-SW11", 0) < SUGGEST_THRESHOLD
    assert _words("a young guy with a bird tattoo on his neck")["W-SW11"] >= SUGGEST_THRESHOLD
    # "his old man" is the subject's father, not an age of the person described.
    assert _words("his old man has a bird tattoo on his neck too").get("W-SW11", 0) >= SUGGEST_THRESHOLD


def test_someone_new_on_the_page_is_not_the_pages_subject() -> None:
    said = _words("my purse was pickpocketed at the market, a tall man brushed past me", page="W-3HNP")
    assert said["W-3HNP"] < SUGGEST_THRESHOLD
    assert _words("hes at the market right now", page="W-3HNP")["W-3HNP"] >= SUGGEST_THRESHOLD


def test_an_alias_that_is_a_word_is_not_read_as_the_alias() -> None:
    assert _words("a man selling drugs out of a red car").get("W-RD22", 0) < SUGGEST_THRESHOLD


def test_another_persons_full_name_is_not_the_subjects_surname_or_alias() -> None:
    assert _words("my neighbour Carl Jones keeps parking across my drive").get("W-3HNP", 0) < SUGGEST_THRESHOLD
    assert _words("Luke Parker keeps messaging me").get("W-RD22", 0) < SUGGEST_THRESHOLD


# --- Names and what corroborates them (issue 11) ---------------------------------------------------------------

GIRL = AppealProfile.build(
    reference="M-4K9P",
    kind="missing",
    name="Jamie-Lee Crossley",
    aliases=["Jamie"],
    sex="female",
    age_min=15,
    areas=["Cradlebury"],
    description="Jamie-Lee, 15, has been missing from her home. Her phone, 07700 900318, has been switched off.",
)
ARSONIST = AppealProfile.build(
    reference="W-K5VB",
    kind="wanted",
    name="Jamie Fletcher",
    sex="male",
    age_min=24,
    description="Jamie Fletcher is wanted after a fire was started deliberately at the recycling depot.",
    offence="Arson",
)
SHANE = AppealProfile.build(
    reference="W-L4QZ", kind="wanted", name="Shane Doyle", vehicle="Vauxhall Corsa grey, AV66 TVN"
)
NAMES_INDEX = AppealIndex([GIRL, ARSONIST, SHANE, VAN])


_named = partial(scores, NAMES_INDEX)


def test_a_shared_first_name_with_corroboration_links_the_one_it_fits() -> None:
    said = _named("the missing girl jamie was in the mcdonalds last night, she had braces")
    assert said["M-4K9P"] >= SUGGEST_THRESHOLD
    assert said.get("W-K5VB", 0) < SUGGEST_THRESHOLD
    assert _named("jamie the one who set the fire is at the skatepark, hes 24")["W-K5VB"] >= SUGGEST_THRESHOLD


def test_the_appeals_own_phone_number_links() -> None:
    assert _named("my daughter got a whatsapp from 07700-900318 last night")["M-4K9P"] >= 0.9


def test_part_of_a_plate_on_the_appeals_make_of_car_links_that_one() -> None:
    said = _named("grey corsa, reg ended in TVN, came up my drive at 1am")
    assert said["W-L4QZ"] >= SUGGEST_THRESHOLD
    assert said.get("W-VTT2", 0) < SUGGEST_THRESHOLD


def test_the_appeals_make_of_car_with_another_registration_is_another_car() -> None:
    def vehicle_weight(text: str) -> float:
        (found,) = NAMES_INDEX.suggest(ReportFacts.from_text(text, submitted_from="W-L4QZ"))
        return sum(r.weight for r in found.reasons if r.code == "vehicle")

    assert vehicle_weight("his grey corsa is on my drive at 1am") > 0
    assert vehicle_weight("his grey corsa KY66 ABC is on my drive at 1am") == 0  # the same make, another car
    said = _named("grey corsa outside the shop, so I dont think its shanes", page="W-L4QZ")
    assert said.get("W-L4QZ", 0) < SUGGEST_THRESHOLD


LLOYD = AppealProfile.build(
    reference="W-T3UY", kind="wanted", name="Gary Lloyd", aliases=["Lloydy"], areas=["Saltmere Quay"]
)
DUNN = AppealProfile.build(reference="W-C4MX", kind="wanted", name="Kayleigh Dunn", aliases=["Dunny"])
LANE = AppealProfile.build(reference="M-4RTV", kind="missing", name="Sophie Lane", aliases=["Soph"])
SLIPS = AppealIndex([LLOYD, DUNN, LANE, SHANE])


_slips = partial(scores, SLIPS)


def test_a_nickname_misspelt_in_lower_case_is_still_the_nickname() -> None:
    assert _slips("lloydie still has a lock up at saltmere quay")["W-T3UY"] >= SUGGEST_THRESHOLD
    # ...but not a texting word that happens to look like one, and never a word of another first letter.
    assert "W-C4MX" not in _slips("dunno where she went")


def test_a_surname_that_is_a_street_word_is_not_the_surname() -> None:
    assert _slips("cars broken into on Acre Lane last night").get("M-4RTV", 0) < SUGGEST_THRESHOLD


def test_from_the_page_naming_someone_else_in_full_is_about_them() -> None:
    said = _slips("John Doyle on Acre Lane has a car on his drive that I think is stolen", page="W-L4QZ")
    assert said["W-L4QZ"] < SUGGEST_THRESHOLD
