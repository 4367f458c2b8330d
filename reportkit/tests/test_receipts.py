"""Receipt codes: long, readable, forgiving to type, and stored only as a keyed hash."""

import hmac
import re

import pytest

from reportkit.receipts import ALPHABET, CODE_LENGTH, receipt_format, receipt_hash, receipt_new, receipt_normalise


def test_codes_have_at_least_128_bits_and_read_in_groups_of_four():
    code = receipt_new()
    assert len(code) == CODE_LENGTH and set(code) <= set(ALPHABET)
    assert CODE_LENGTH * 5 >= 128  # 32 symbols = 5 bits each
    assert re.fullmatch(r"([0-9A-Z]{4}-){6}[0-9A-Z]{4}", receipt_format(code))
    assert len({receipt_new() for _ in range(200)}) == 200


def test_every_symbol_turns_up_in_every_place():
    codes = [receipt_new() for _ in range(3000)]  # a symbol missing from a place by chance: about 1 in 10^40
    assert all({code[i] for code in codes} == set(ALPHABET) for i in range(CODE_LENGTH))


def test_typing_is_forgiving_but_not_anything_goes():
    code = receipt_new()
    typed = " " + receipt_format(code).lower().replace("-", " ") + " "
    assert receipt_normalise(typed) == code
    assert receipt_normalise("o" * CODE_LENGTH) == "0" * CODE_LENGTH  # O reads as zero
    assert receipt_normalise("il" + "A" * (CODE_LENGTH - 2)) == "11" + "A" * (CODE_LENGTH - 2)
    assert receipt_normalise("A" * (CODE_LENGTH - 1)) is None
    assert receipt_normalise("U" * CODE_LENGTH) is None  # Crockford has no U
    assert receipt_normalise("") is None


def test_the_stored_hash_is_keyed_and_reveals_nothing(settings):
    code = receipt_new()
    settings.LOOKOUT_RECEIPT_KEY = "k" * 64
    first = receipt_hash(code)
    assert len(first) == 64 and code not in first
    assert hmac.compare_digest(first, receipt_hash(code))
    settings.LOOKOUT_RECEIPT_KEY = "j" * 64
    assert receipt_hash(code) != first  # without the key, a copied database cannot be checked against codes


@pytest.mark.parametrize("text", ["", "not a code", "1234-5678"])
def test_nonsense_is_not_a_code(text):
    assert receipt_normalise(text) is None
