"""nlp/measures.py: the matcher compares a figure's words with the cue words they may meet, no others."""
from __future__ import annotations

import re

import nlp.measures as measures
from nlp.measures import ContextWord, _CueWords, _word_match

# Whole words, compounds, inflections, long stems that begin longer words, group words, numbers
WORDS = ("omställningsmöten möten för omställning gemensamma kartläggningarna kartläggning inskrivningsperioden "
         "förbrukningen förbrukade medel sjukpenning aktivitetsersättningen kontaktmötena handläggningstid dagar "
         "deltagare arbetsförmåga återfått utvecklat procent andel kvinnor män 1 633 2019 rehabiliteringsinsatser "
         "avslag sjukpenningavslag samverkan arbetsgivare styckkostnad Pila-projektet ersättningsdagar").split()


def test_a_word_meets_the_cue_words_the_plain_comparison_says_it_meets(matcher, corpus_dir):
    """The index of cue words (by form, first compound part and long-stem prefix) finds every cue word
    _word_match gives a strength, with that strength, and no other."""
    text = (corpus_dir / "af-fk-aterrapport-2019.txt").read_text(encoding="utf-8")
    words = list(dict.fromkeys(WORDS + re.findall(r"[\wåäöÅÄÖ]+", text)[:3000:7]))
    cue_words = list({id(w): w for e in matcher._entries for c in e.cues for w in c.words}.values())
    index = _CueWords(cue_words)
    met = 0
    for word in words:
        for keys in (matcher.lexicon.keys(word), measures._group_word(matcher.lexicon.keys(word))):
            plain = {id(cw): s for cw in cue_words for s in [_word_match(cw, keys)] if s > 0}
            assert index.meeting(keys) == plain, word
            met += bool(plain)
    assert met > len(words) // 4


def test_scoring_a_figure_compares_its_words_with_few_cue_words(matcher, monkeypatch):
    """Each word of a figure's context was compared with every cue of every measure of its unit (a third
    of a long report's extraction time); now only with the cue words it shares a key with."""
    calls = []
    real = measures._word_match

    def counted(cue, word):
        calls.append(1)
        return real(cue, word)

    monkeypatch.setattr(measures, "_word_match", counted)
    words = [ContextWord(w, d, 1.0, i) for i, (w, d) in enumerate(zip(
        "Under 2019 genomfördes 1 633 omställningsmöten för personer med sjukpenning".split(), range(9, 0, -1)))]
    best = matcher.match(words, "antal")
    assert best is not None and best.key == "omstallningsmoten_antal"
    assert len(calls) < 20 * len(words)


def test_a_month_says_when_not_what_is_counted():
    from nlp.measures import is_generic_cue

    assert is_generic_cue("i december") and is_generic_cue("antal i oktober")
    assert not is_generic_cue("i en rehabiliteringsinsats")
