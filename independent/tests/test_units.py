"""Small rules on their own: sanitisation suggestions, the signed form token, the same-origin check."""

import pytest
from django.test import RequestFactory

from independent.sanitise import (
    REMOVED,
    REMOVED_SENTENCE,
    drop_reporter_fields,
    remove_relations,
    remove_sentences_about_the_reporter,
    sanitise_text,
    suggest_sanitised,
)
from reportkit.formtoken import FormTokenError, form_token_check, form_token_new, same_origin


@pytest.mark.parametrize(
    "sentence",
    [
        "I live next door to him.",
        "I'm a woman so he talks to me.",
        "I work at the car wash with him.",
        "He parks outside my house every night.",
        "I can see his van from my window.",
        "I am his cousin.",
    ],
)
def test_sentences_about_the_reporter_are_removed_whole(sentence):
    result = remove_sentences_about_the_reporter(f"He drives a silver Astra. {sentence} He leaves at 7am.")
    assert sentence not in result.text
    assert result.text == f"He drives a silver Astra. {REMOVED_SENTENCE} He leaves at 7am."
    assert result.findings == [sentence]


def test_relations_are_removed_but_the_rest_kept():
    result = remove_relations("My brother and our neighbour saw him with my ex at the Crown.")
    assert result.text == f"{REMOVED} and {REMOVED} saw him with {REMOVED} at the Crown."
    assert result.findings == ["My brother", "our neighbour", "my ex"]


def test_text_about_the_subject_only_is_left_alone():
    text = "He is at the Crown pub most nights. He drives KX19 TVN."
    assert sanitise_text(text).text == text and sanitise_text(text).findings == []


def test_answers_that_describe_the_reporter_are_dropped():
    assert drop_reporter_fields({"acquaintance": "personally", "in_your_area": "yes", "places": "gym"}) == {
        "acquaintance": "",
        "in_your_area": "",
        "places": "gym",
    }


def test_the_suggestion_covers_every_free_text_answer():
    suggested, findings = suggest_sanitised(
        {"details": "My sister saw him.", "places": "The gym opposite my flat.", "acquaintance": "personally"}
    )
    assert suggested["details"] == f"{REMOVED} saw him."
    assert suggested["places"] == REMOVED_SENTENCE
    assert suggested["acquaintance"] == ""
    assert "Left out: how they know the subject" in findings


def test_a_form_token_round_trips_and_carries_a_fresh_nonce(settings):
    a, b = form_token_new("report"), form_token_new("report")
    assert form_token_check(a, "report").nonce != form_token_check(b, "report").nonce
    assert len(form_token_check(a, "report").nonce) == 32


@pytest.mark.parametrize(
    ("token", "purpose"),
    [
        ("", "report"),
        ("garbage", "report"),
        (form_token_new("answer"), "report"),
        (form_token_new("report", now=0), "report"),
    ],
)
def test_bad_tokens_are_refused(token, purpose):
    with pytest.raises(FormTokenError):
        form_token_check(token, purpose)


def test_a_token_signed_with_another_key_is_refused(settings):
    token = form_token_new("report")
    settings.LOOKOUT_FORM_TOKEN_KEY = "another-key-entirely-0123456789abcdef"
    with pytest.raises(FormTokenError):
        form_token_check(token, "report")


@pytest.mark.parametrize(
    ("headers", "ok"),
    [
        ({"HTTP_SEC_FETCH_SITE": "same-origin"}, True),
        ({"HTTP_SEC_FETCH_SITE": "same-site"}, False),
        ({"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "http://testserver"}, False),
        ({"HTTP_ORIGIN": "http://testserver"}, True),
        ({"HTTP_ORIGIN": "http://testserver.evil.example"}, False),
        ({"HTTP_ORIGIN": "null"}, False),
        ({}, False),
    ],
)
def test_same_origin(headers, ok):
    assert same_origin(RequestFactory().post("/report/form/", **headers)) is ok
