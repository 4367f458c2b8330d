"""Duplicates: what counts as telling the same thing, fingerprints that a database can index, and grouping."""

from datetime import date, timedelta

from intelligence.matching.duplicates import (
    BANDS,
    DuplicateIndex,
    ReportFingerprint,
    duplicate_verdict,
    estimated_jaccard,
    group_reports,
    minhash,
    normalise_text,
)
from intelligence.matching.extraction import extract

DAY = date(2025, 3, 10)


def fp(report_id: int, text: str, appeals: set[str] | None = None, day: date = DAY, context: set[str] | None = None):
    return ReportFingerprint.build(
        id=report_id, text=text, entities=extract(text), appeals=appeals or set(), received=day, context=context or ()
    )


def test_band_keys_are_signed_64_bit_integers_for_a_database_column() -> None:
    f = fp(1, "Daz is in the Red Lion pub right now")
    assert len(f.bands) == BANDS
    assert all(-(2**63) <= k < 2**63 for k in f.bands)
    assert len(f.short) < 160


def test_fingerprint_is_stable() -> None:
    assert fp(1, "same words").bands == fp(2, "same words").bands


def test_minhash_estimates_similarity() -> None:
    a = minhash(normalise_text("Darren Kellow is in the Red Lion pub right now"))
    b = minhash(normalise_text("darren kellow is in the red lion pub now"))
    c = minhash(normalise_text("fly tipping by a white van on Mill Lane"))
    assert estimated_jaccard(a, b) > estimated_jaccard(a, c)


def test_near_identical_wording_is_a_duplicate() -> None:
    verdict = duplicate_verdict(fp(1, "Daz is in the Red Lion pub right now"), fp(2, "daz is in the red lion pub now"))
    assert verdict.duplicate


def test_shared_phone_about_the_same_appeal_is_a_duplicate() -> None:
    a = fp(1, "Darren has a new phone 07700 900123", {"W-1"})
    b = fp(2, "you can get Daz on 07700900123", {"W-1"})
    verdict = duplicate_verdict(a, b)
    assert verdict.duplicate
    assert "phone:+447700900123" in verdict.reasons[0]


def test_same_handle_on_different_platforms_is_shared() -> None:
    a = fp(1, "his snap: xkieranx", {"W-1"})
    b = fp(2, "on insta as @xkieranx", {"W-1"})
    assert duplicate_verdict(a, b).duplicate


def test_different_appeals_are_never_duplicates() -> None:
    a = fp(1, "He is in the Red Lion pub right now", {"W-1"})
    b = fp(2, "He is in the Red Lion pub right now", {"W-2"})
    assert not duplicate_verdict(a, b).duplicate


def test_different_postcodes_are_different_facts() -> None:
    a = fp(1, "he is staying at MF9 1GD", {"W-1"})
    b = fp(2, "he is staying at MF9 1GE", {"W-1"})
    assert not duplicate_verdict(a, b).duplicate


def test_a_month_apart_is_news_not_a_repeat() -> None:
    a = fp(1, "Daz is in the Red Lion pub right now", day=date(2025, 3, 1))
    b = fp(2, "Daz is in the Red Lion pub right now", day=date(2025, 4, 1))
    assert not duplicate_verdict(a, b).duplicate


def test_a_shared_place_alone_does_not_join_unlinked_reports() -> None:
    a = fp(1, "fight outside the Red Lion pub every saturday")
    b = fp(2, "my son is being bullied at the Red Lion pub")
    assert not duplicate_verdict(a, b).duplicate


def test_a_shared_place_joins_reports_about_the_same_appeal() -> None:
    a = fp(1, "Darren Kellow drinks in the Red Lion pub", {"W-1"})
    b = fp(2, "saw daz going into the red lion pub with two lads", {"W-1"})
    assert duplicate_verdict(a, b).duplicate


def test_the_appeals_own_plate_counts_only_close_together() -> None:
    context = {"vrm:KM19RTA"}
    a = fp(1, "KM19 RTA outside Jay's Gym", {"W-1"}, day=date(2025, 3, 1), context=context)
    b = fp(2, "km19rta going down Mill Lane", {"W-1"}, day=date(2025, 3, 2), context=context)
    c = fp(3, "km19rta going down Mill Lane", {"W-1"}, day=date(2025, 3, 6), context=context)
    assert duplicate_verdict(a, b).duplicate
    assert not duplicate_verdict(a, c).duplicate


def test_grouping_a_stream() -> None:
    reports = [
        fp(1, "Darren has a new phone 07700 900123", {"W-1"}),
        fp(2, "fight outside the Red Lion pub every saturday"),
        fp(3, "you can get Daz on 07700900123", {"W-1"}),
        fp(4, "Fight outside the Red Lion pub every Saturday!"),
        fp(5, "Chloe is at Millford station", {"M-2"}),
    ]
    groups = group_reports(reports)
    assert groups == {1: 1, 2: 2, 3: 1, 4: 2, 5: 5}


def test_a_report_linked_elsewhere_never_joins_a_group_through_an_unlinked_member() -> None:
    index = DuplicateIndex()
    index.add(fp(1, "Daz was at the Oak Tree pub all week", {"W-1"}))
    index.add(fp(2, "someone was at the Oak Tree pub all week"))
    assert index.add(fp(3, "She was at the Oak Tree pub all week", {"M-2"})) == 3


def test_candidates_are_looked_up_not_scanned() -> None:
    index = DuplicateIndex()
    for i in range(1, 500):
        index.add(fp(i, f"report number {i} about the weather in town number {i * 7}"))
    new = fp(1000, "you can get Daz on 07700900123", {"W-1"})
    assert index.candidates(new) == set()
    index.add(fp(2000, "Darren has a new phone 07700 900123", {"W-1"}))
    assert index.candidates(new) == {2000}


# --- Grouping by what was seen (issue 11) ---------------------------------------------------------------------


def _seen(id_: int, text: str, appeals: set[str], day: int) -> ReportFingerprint:
    return ReportFingerprint.build(
        id=id_, text=text, entities=extract(text), appeals=appeals, received=date(2026, 3, day)
    )


def test_two_tellings_of_one_sighting_in_different_words_group() -> None:
    a = _seen(1, "saw him last night coming out the chippy on Mill Rd, got in a white van", {"W-VTT2"}, 3)
    b = _seen(2, "fish shop mill road, monday evening. bloke with the bird tattoo was queueing", {"W-VTT2"}, 4)
    verdict = duplicate_verdict(a, b)
    assert verdict.duplicate
    assert "similar place" in verdict.reasons[0]


def test_same_appeal_but_another_place_or_week_does_not_group() -> None:
    a = _seen(1, "saw him coming out the chippy on Mill Rd", {"W-VTT2"}, 3)
    assert not duplicate_verdict(a, _seen(2, "he was at the bus station in tarnby", {"W-VTT2"}, 3)).duplicate
    assert not duplicate_verdict(a, _seen(3, "fish shop mill road, him again", {"W-VTT2"}, 12)).duplicate


def test_the_appeals_own_name_and_area_are_not_a_place_in_common() -> None:
    # Every report about Kayleigh in Cradlebury says "kayleigh" and "cradlebury": two of them have not yet said
    # the same place. Beside a place of their own ("tesco"), the area counts.
    context = {"word:kayleigh", "word:dunn", "word:cradlebury"}
    tesco = fp(1, "kayleigh dunn, tesco cradlebury saturday afternoon, gift cards", {"W-KD1"}, context=context)
    flat = fp(2, "kayleigh the fake carer came to my aunties flat in cradlebury", {"W-KD1"}, context=context)
    also_tesco = fp(3, "saw kayleigh at the tesco in cradlebury buying vouchers", {"W-KD1"}, context=context)
    assert not duplicate_verdict(tesco, flat).duplicate
    assert duplicate_verdict(tesco, also_tesco).duplicate


def test_a_partial_plate_alone_never_groups_reports_about_different_appeals() -> None:
    a = _seen(1, "the van's reg started with KX19", {"W-VTT2"}, 3)
    b = _seen(2, "black bmw, reg started with KX19", set(), 3)
    assert not duplicate_verdict(a, b).duplicate


def test_two_tellings_of_an_incident_about_no_appeal_are_the_same_only_at_the_same_place() -> None:
    fire = fp(1, "Car set on fire on the Kingfisher estate about 1am, fire brigade came")
    told_again = fp(2, "someone set a car on fire kingfisher estate last nite around 1, brigade there")
    assert duplicate_verdict(fire, told_again).duplicate
    assert "neither about an appeal" in duplicate_verdict(fire, told_again).reasons[0]
    # The same words at another named street, a phone in one only, days apart, a long letter sharing three words.
    mill = fp(3, "car set on fire on mill lane about 1am, fire brigade came")
    moor = fp(4, "someone set a car on fire on moor lane last nite around 1, brigade there")
    assert not duplicate_verdict(mill, moor).duplicate
    assert not duplicate_verdict(
        fire, fp(5, "Car set on fire on the Kingfisher estate, 07700 900461 rang me")
    ).duplicate
    assert not duplicate_verdict(fire, fp(6, told_again.text, day=DAY + timedelta(days=3))).duplicate
    letter = fp(
        7,
        "I want to tell you about a few things. There is a group of lads on the Kingfisher estate who keep trying "
        "to rob drivers, a man who sells weed by the shops, a car that has no tax parked by the school, and people "
        "dumping rubbish behind the garages every week since the summer, and nobody ever comes out about it",
    )
    assert not duplicate_verdict(fire, letter).duplicate


def test_a_long_letter_is_not_a_second_telling_of_every_sighting_it_shares_a_place_with() -> None:
    """A letter about an appeal names many places; two of them in common with a short sighting is not the same
    sighting, while two short tellings sharing as much are."""
    letter = _seen(
        1,
        "i have been thinking about this for a few days. he used to drink at the red lion on mill road and the anchor "
        "by the canal, his mum lived on the ferndale estate near the old library, and his cousin ran the garage on "
        "station road behind the bus depot. last winter he stayed at the caravan park past the golf club, then moved "
        "to a flat over the bookies on market street near the clock tower",
        {"W-VTT2"},
        3,
    )
    short = _seen(2, "hes in the red lion on mill road now", {"W-VTT2"}, 3)
    again = _seen(3, "just seen him at the red lion, mill rd", {"W-VTT2"}, 3)
    assert not duplicate_verdict(letter, short).duplicate
    assert duplicate_verdict(short, again).duplicate


def test_two_tellings_group_through_a_slip_of_spelling_but_not_through_the_subjects_name() -> None:
    """ "slipers" is "slippers" and "chruch" is "church"; but "becklas" is the subject's name misspelt, and two
    reports about him sharing it have not said the same place."""
    a = _seen(1, "old man in slipers at the bus stop by the chruch, no coat", {"M-AP1"}, 3)
    b = _seen(2, "old gent in slippers sat in the bus shelter by the church", {"M-AP1"}, 3)
    assert duplicate_verdict(a, b).duplicate
    context = {"word:tyrone", "word:beckles", "word:ashcombe"}
    phone = fp(3, "becklas has a new phone now, he rang my sister", {"W-TB1"}, context=context)
    flat = fp(4, "tyrone becklas is stopping at a flat with his girlfriend", {"W-TB1"}, context=context)
    assert not duplicate_verdict(phone, flat).duplicate


def test_a_short_sighting_shares_one_place_word_but_not_a_word_every_place_has() -> None:
    lock = _seen(1, "green skoda parked by the lock on the canal in carrowfield, nobody in it", {"M-LS1"}, 3)
    assert duplicate_verdict(lock, _seen(2, "by the lock", {"M-LS1"}, 3)).duplicate
    assert not duplicate_verdict(lock, _seen(3, "by the lock", {"W-XX9"}, 3)).duplicate
    road = _seen(4, "his van is back on wexley road, the silver one", {"M-LS1"}, 3)
    assert not duplicate_verdict(road, _seen(5, "on a road now", {"M-LS1"}, 3)).duplicate


def test_one_place_in_common_with_a_long_letter_does_not_group() -> None:
    letter = _seen(
        1,
        "I live on Alder Road opposite the park and I am at my wits end. Every evening from about six there are cars "
        "pulling up with engines running, kids on bikes going back and forth to the skate park, shouting and music "
        "until midnight. I have lived here twenty years and it used to be lovely, the council do nothing, the "
        "bins are overflowing and the bus shelter has been smashed twice this month already",
        {"W-LH1"},
        3,
    )
    assert not duplicate_verdict(letter, _seen(2, "hes at the skate park now, by the ramps", {"W-LH1"}, 3)).duplicate


def test_places_as_people_name_them_are_one_place() -> None:
    """ "the cross" is the market cross, "the bowlin" the bowling alley, "under pass" the subway, "pay and display"
    a car park: two tellings naming a place so share it."""
    pairs = [
        ("old lady in a purple coat on the bench by the market cross", "shes by the cross"),
        ("beth was at the bowlin in keddingley with an older lad", "beth is in the bowling alley next to the cinema"),
        ("lad sleeping in the subway under the bypass", "he's in the under pass again, sleeping"),
        ("his car is in the pay and display by the marina", "his red car is in the car park at the marina"),
    ]
    for i, (first, second) in enumerate(pairs):
        verdict = duplicate_verdict(_seen(2 * i, first, {"M-PL1"}, 3), _seen(2 * i + 1, second, {"M-PL1"}, 3))
        assert verdict.duplicate, (first, second)


def test_a_short_sighting_shares_a_place_not_what_the_appeal_is_about_and_only_within_a_day() -> None:
    stabbing = _seen(1, "the blonde woman from the stabbing is in the bookies", {"W-ST1"}, 3)
    assert not duplicate_verdict(
        stabbing, _seen(2, "blonde one from the stabbing at the launderette", {"W-ST1"}, 3)
    ).duplicate
    coop = _seen(3, "she is in the co-op now", {"W-ST1"}, 3)
    assert duplicate_verdict(coop, _seen(4, "nicking from the co op again", {"W-ST1"}, 4)).duplicate
    assert not duplicate_verdict(coop, _seen(5, "nicking from the co op again", {"W-ST1"}, 5)).duplicate


def test_the_appeals_car_and_what_it_is_about_are_not_a_place_in_common() -> None:
    context = {"word:jamal", "word:whitlock", "word:volkswagen", "word:golf", "word:hessford"}
    station = fp(1, "jamal sat in a black golf outside the station with a mate", {"W-JW1"}, context=context)
    retail = fp(2, "jamal in a black golf in the retail park by the drive thru", {"W-JW1"}, context=context)
    assert not duplicate_verdict(station, retail).duplicate
    named = {"word:danny", "word:jones"}
    burglary = fp(3, "danny from the burglary is at his brothers flat", {"W-DJ1"}, context=named)
    selling = fp(4, "danny at cash converters selling stuff from the burglary", {"W-DJ1"}, context=named)
    assert not duplicate_verdict(burglary, selling).duplicate


def test_the_appeals_vehicle_is_grouping_context() -> None:
    from intelligence.matching.linking import AppealIndex, AppealProfile

    profile = AppealProfile.build(
        reference="W-JW1", kind="wanted", name="Jamal Whitlock", areas=["Hessford"], vehicle="VW Golf black, HY19 KVT"
    )
    assert {"word:golf", "word:whitlock", "word:hessford"} <= AppealIndex([profile]).context_keys(["W-JW1"])
