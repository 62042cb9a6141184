"""Swedish compounds: nlp/sv/compounds.py (word-list splitter, guard data) and nlp/compounds.py,
the one splitter nlp.wordkeys and api.search.analysis share (hunspell-sv through spylls)."""
from __future__ import annotations

import logging

import pytest

from nlp import compounds
from nlp.compounds import Splitter, default_splitter, hunspell, split_compound
from nlp.sv.compounds import MIN_WORD, PARTICLES, CompoundSplitter


def _hunspell_or_skip():
    pytest.importorskip("spylls")
    hs = hunspell()
    if hs is None:
        pytest.skip("hunspell-sv's sv_SE.aff/.dic are not installed")
    return hs


# --- the word-list splitter (standard library only) -----------------------------------------------
WORDS = {"omställning", "möte", "mötena", "kvinna", "andel", "sjuk", "penning", "arbete", "förmåga", "till"}
LEMMAS = {"mötena": "möte"}


@pytest.fixture()
def word_list_splitter():
    return CompoundSplitter(WORDS.__contains__, lambda w: LEMMAS.get(w, w), lambda w: w in WORDS and w not in LEMMAS)


@pytest.mark.parametrize("word,parts", [
    ("omställningsmötena", ("omställning", "möte")),  # linking -s-, inflected head
    ("kvinnoandel", ("kvinna", "andel")),  # kvinn(a)-o-
    ("sjukpenning", ("sjuk", "penning")),
    ("arbetsförmåga", ("arbete", "förmåga")),  # arbet(e)-s-
    ("möte", ("möte",)),  # short
    ("sjukpenning2", ("sjukpenning2",)),  # not a word
])
def test_word_list_splitter(word_list_splitter, word, parts):
    assert word_list_splitter.parts(word) == parts


def test_guard_data():
    assert {"åter", "över", "genom", "under", "fram"} <= PARTICLES
    assert MIN_WORD == 7


# --- the program's splitter without hunspell: today's word-list splitter, with a warning ----------------
def test_without_hunspell_it_is_the_word_list_splitter(word_list_splitter):
    splitter = Splitter(WORDS.__contains__, lambda w: LEMMAS.get(w, w), lambda w: w in WORDS and w not in LEMMAS,
                        hunspell=lambda: None)
    for word in ("omställningsmötena", "kvinnoandel", "sjukpenning", "arbetsförmåga", "möte", "tillsammans"):
        assert splitter.split(word) == word_list_splitter.split(word)
        assert splitter.parts(word) == word_list_splitter.parts(word)
    assert not splitter.uses_hunspell


def test_missing_spylls_logs_a_warning_and_never_raises(monkeypatch, caplog):
    import sys

    monkeypatch.setitem(sys.modules, "spylls", None)  # import spylls -> ImportError
    monkeypatch.setitem(sys.modules, "spylls.hunspell", None)
    with caplog.at_level(logging.WARNING, logger="nlp.compounds"):
        assert compounds._load_hunspell() is None
    assert "spylls is not installed" in caplog.text


def test_missing_dictionary_logs_a_warning(monkeypatch, caplog):
    pytest.importorskip("spylls")
    monkeypatch.setattr(compounds, "hunspell_sv_files", lambda: None)
    with caplog.at_level(logging.WARNING, logger="nlp.compounds"):
        assert compounds._load_hunspell() is None
    assert "sv_SE.aff/.dic were not found" in caplog.text


def test_unreadable_dictionary_logs_a_warning(monkeypatch, caplog, tmp_path):
    pytest.importorskip("spylls")
    monkeypatch.setattr(compounds, "hunspell_sv_files", lambda: tmp_path / "sv_SE")
    monkeypatch.setattr(compounds.Hunspell, "from_files", classmethod(lambda cls, base: 1 / 0))
    with caplog.at_level(logging.WARNING, logger="nlp.compounds"):
        assert compounds._load_hunspell() is None
    assert "could not read the hunspell dictionary" in caplog.text


def test_short_and_non_alphabetic_words_never_reach_hunspell():
    asked = []

    class Counting:
        def compounds(self, word):
            asked.append(word)
            return ()

        def is_lemma(self, word):
            return False

        def is_known(self, word):
            return False

    splitter = Splitter(lambda w: False, hunspell=lambda: Counting())
    for word in ("sjukdag", "möten", "kön", "covid19", "a-kassan", "2022", "sjukdag"):
        splitter.split(word)
    assert asked == ["sjukdag"]  # seven letters and alphabetic, asked once (cached)


# --- with hunspell-sv ----------------------------------------------------------------------------------
@pytest.mark.parametrize("word,parts", [
    ("omställningsmötena", ("omställning", "möte")),
    ("arbetsförmågan", ("arbete", "förmåga")),
    ("försäkringskassan", ("försäkring", "kassa")),
    ("kvinnoandel", ("kvinna", "andel")),
    ("könsfördelning", ("kön", "fördelning")),
    ("Sjukfrånvaron", ("sjuk", "frånvaro")),
    # derivations stay whole (rule R7 of the gold)
    ("återgång", ("återgång",)),  # particle + noun
    ("övergången", ("övergång",)),
    ("handläggare", ("handläggare",)),  # from handlägga
    ("kartläggningar", ("kartläggning",)),  # from kartlägga
    ("sjukskrivning", ("sjukskrivning",)),  # from sjukskriva
    ("sjukdomar", ("sjukdom",)),  # -dom
    ("inledningsvis", ("inledningsvis",)),  # -vis
    ("samverkan", ("samverkan",)),
    ("uppgifterna", ("uppgift",)),
])
def test_hunspell_splits(word, parts):
    _hunspell_or_skip()
    assert split_compound(word) == parts


def test_compounds_gold():
    """benchmarks/compounds_gold.yaml: 653 corpus compounds split by hand, 79 non-compounds.
    The splitter scored 96.8 % exact with 1 false split when it was adopted."""
    _hunspell_or_skip()
    from benchmarks.bench_compounds import load_gold, stems

    gold = load_gold()
    splitter = default_splitter()
    comp = [g for g in gold if g.compound]
    non = [g for g in gold if not g.compound]
    exact = [g for g in comp if stems(splitter.parts(g.word)) in {stems(a) for a in g.accepted}]
    false_splits = [g.word for g in non if len(splitter.split(g.word)) > 1]
    assert len(exact) / len(comp) >= 0.95, f"{len(exact)}/{len(comp)} exact"
    assert len(false_splits) <= 2, false_splits


def test_fast_lookup_equals_spylls():
    """nlp.compounds' faster spylls Lookup gives the analyses spylls' own gives."""
    hs = _hunspell_or_skip()
    from spylls.hunspell import Dictionary
    from spylls.hunspell.algo.capitalization import Type as CapType

    slow = Dictionary.from_files(hs.source).lookuper
    fast = hs._lookup
    words = ["omställningsmötena", "arbetsmarknadspolitiken", "återgång", "handläggarna", "sjukpenninggrundande",
             "försäkringskassans", "kvinnoandelen", "rehabiliteringskedjan", "tillsammans", "ungdomar",
             "lönebidragsanställningar", "processtyrningsmodell"]

    def analyses(lookup, word):
        return ([tuple((p.text, p.stem) for p in f.parts) for f in lookup.compound_forms(word, captype=CapType.NO)],
                [(f.stem, f.suffix and f.suffix.add, f.prefix and f.prefix.add)
                 for f in lookup.affix_forms(word, captype=CapType.NO)])

    for word in words:
        assert analyses(fast, word) == analyses(slow, word), word


def test_lexicon_and_index_use_the_same_splitter(nlp):
    _hunspell_or_skip()
    from api.search.analysis import Analyzer, stem
    from nlp.wordkeys import Lexicon

    lexicon = Lexicon.from_nlp(nlp)
    assert isinstance(lexicon.splitter, Splitter) and lexicon.splitter.uses_hunspell
    analyzer = Analyzer()
    for word in ("omställningsmötena", "arbetsförmågan", "återgång", "handläggarna", "kvinnoandelen",
                 "aktivitetsersättningen", "sjukpenninggrundande"):
        parts = lexicon.splitter.split(word)
        assert parts == default_splitter().split(word)
        assert analyzer.split(word) == (tuple(stem(p) for p in parts) if len(parts) > 1 else ())
    keys = lexicon.keys("omställningsmötena")
    assert [sorted(p) for p in keys.parts] == [["omställning"], ["möt", "möte"]]


def test_a_bare_lexicon_splits_nothing():
    from nlp.wordkeys import Lexicon

    assert Lexicon().splitter.split("omställningsmötena") == ("omställningsmötena",)
