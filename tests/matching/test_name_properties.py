"""Property tests: a name in any script (or in none) is prepared, read and compared without
an error; the transliteration entry points take any word of any script."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from frontline.matching.algorithm import ALGORITHM, compare_subjects, subject
from frontline.matching.chinese import hangul_keys, is_chinese_reading, pinyin_keys
from frontline.matching.cyrillic import french_and_german
from frontline.matching.features import name_similarity
from frontline.matching.hangul import family_names_spelt, is_hangul, unspelt_syllables
from frontline.matching.names import prepare_name
from frontline.matching.phonetic import readings, simplify, skeleton, spellings, voiced, vowelled
from frontline.matching.scripts import Script, dominant_script, read_name, romanise
from frontline.matching.transliteration import native_units, read_word, spelling_likelihood

# Letters of every script the matcher reads, the MRZ filler, digits (OCR'd names), marks,
# hyphens and apostrophes, and anything else Unicode has.
_LETTERS = (
    "abcdeéğłøßAZ"
    "анна петроваЁё"
    "αλέξηςΩ"
    "محمد عبدالله"
    "שׁלום דוד"
    "김민준 이서연"
    "王小明张"
    "やまだタロウ"
    "राम"
    "สมชาย"
    "<-'., 0123456789\u0301\u200d"
)
NAMES = st.text(alphabet=_LETTERS, max_size=40) | st.text(max_size=30)
WORDS = st.text(alphabet=_LETTERS.replace(" ", ""), min_size=0, max_size=12)
SCRIPTS = st.sampled_from([script.value for script in Script])
HANGUL = st.text(alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), max_size=6)


@settings(max_examples=300, deadline=None)  # the first name loads the readers' tables
@given(NAMES, st.booleans())
def test_any_name_is_prepared(name: str, truncated: bool) -> None:
    prepared = prepare_name(name, truncated=truncated)
    assert isinstance(prepared.latin, str)
    assert prepared.script in Script
    _readings, script = read_name(name)
    assert script in Script
    assert isinstance(romanise(name)[0], str)
    assert dominant_script(name) in Script


@settings(max_examples=150, deadline=None)
@given(NAMES, NAMES)
def test_any_two_names_compare_to_a_score_between_0_and_1(query: str, record: str) -> None:
    # A name's own score may go below 0 (penalties for one-word or conflicting names); the
    # match clamps it, and that is what an officer sees.
    score, _pairs, method = name_similarity(
        prepare_name(query), prepare_name(record), weights=ALGORITHM.names
    )
    assert score <= 1.0
    assert isinstance(method, str)
    match = compare_subjects(subject([query]), subject([record]))
    assert 0.0 <= match.score <= 1.0


@settings(max_examples=200, deadline=None)
@given(WORDS, SCRIPTS, WORDS)
def test_the_transliteration_entry_points_take_any_word_of_any_script(
    word: str, script: str, latin: str
) -> None:
    assert isinstance(native_units(word, script), list)
    assert all(isinstance(reading, str) for reading in read_word(word, script))
    likelihood = spelling_likelihood(word, script, latin)  # a log-probability per letter
    assert likelihood is None or likelihood <= 0.0
    assert isinstance(french_and_german(word), tuple)
    assert isinstance(hangul_keys(word), frozenset)
    assert isinstance(pinyin_keys((word, latin)), frozenset)
    assert isinstance(is_chinese_reading(word, latin), bool)
    assert isinstance(family_names_spelt(latin), frozenset)


@given(HANGUL | WORDS.filter(is_hangul), WORDS)
def test_any_hangul_word_against_any_spelling_counts_its_unspelt_syllables(
    word: str, latin: str
) -> None:
    """Only Hangul words come here: the matcher asks is_hangul first."""
    assert 0 <= unspelt_syllables(word, latin) <= len(word)


@settings(deadline=None)
@given(WORDS)
def test_the_phonetic_keys_take_any_word(word: str) -> None:
    for key in (skeleton, vowelled, simplify, voiced):
        assert isinstance(key(word), str)
    assert isinstance(spellings(word), tuple)
    assert isinstance(readings(word), tuple)
