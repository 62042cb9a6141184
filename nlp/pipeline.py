"""make_nlp(config) -> spacy.blank("sv") with the lookup lemmatizer and our components.

Nothing is loaded at import: the lookup tables (spacy-lookups-data, offline) are read when
make_nlp() runs, and callers pass the result on. No model is downloaded; no trained Swedish
pipeline exists on PyPI, so there is no tagger or parser: the components work from token
text, lemmas and patterns.

The pipeline, in order (the config may reorder or drop components; `nlp.analyze_pipes()`
checks that each one's `requires` is met):

    merge_numbers   "8 662" -> one token with token._.numeral
    sentencizer     sentence boundaries at . ! ? and at line breaks
    lemmatizer      lookup lemmas ("kartläggningar" -> "kartläggning")
    quantities      doc.spans["quantities"] with span._.quantity
    periods         span._.period, span._.period_source
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Union

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.pipeline.sentencizer import Sentencizer

from nlp.components import merge_numbers, periods, quantities

# Pipe name -> factory name. The factories are registered when their modules are imported
# (above); registering is a decorator, not work.
FACTORIES: dict[str, str] = {
    "merge_numbers": merge_numbers.COMPONENT,
    "sentencizer": "sentencizer",
    "lemmatizer": "lemmatizer",
    "quantities": quantities.COMPONENT,
    "periods": periods.COMPONENT,
}
DEFAULT_PIPELINE: tuple[str, ...] = ("merge_numbers", "sentencizer", "lemmatizer", "quantities", "periods")

# Abbreviations ending in a full stop that must not end a sentence ("ca. 40 procent").
ABBREVIATIONS: tuple[str, ...] = (
    "ca.", "prop.", "kap.", "resp.", "jfr.", "dnr.", "nr.", "s.k.", "bl.a.", "t.ex.", "m.fl.",
    "fr.o.m.", "t.o.m.", "d.v.s.", "inkl.", "exkl.",
)


@dataclass(frozen=True)
class NlpSettings:
    """What make_nlp builds. `resolve()` accepts None, a dict or an instance."""

    pipeline: tuple[str, ...] = DEFAULT_PIPELINE
    lemmatizer: bool = True  # False skips the 3 s of loading lookup tables (tests of numbers only)
    abbreviations: tuple[str, ...] = ABBREVIATIONS
    sentence_on_newline: bool = True
    extra: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        unknown = [p for p in self.pipeline if p not in FACTORIES]
        if unknown:
            raise ValueError(f"pipeline: unknown component {unknown[0]!r}; known: {', '.join(FACTORIES)}")
        if len(set(self.pipeline)) != len(self.pipeline):
            raise ValueError("pipeline: a component is listed twice")

    @classmethod
    def resolve(cls, config: Union[None, dict, "NlpSettings"]) -> "NlpSettings":
        if config is None:
            return cls()
        if isinstance(config, cls):
            return config
        if not isinstance(config, dict):
            raise ValueError(f"config: expected a dict or NlpSettings, got {type(config).__name__}")
        known = {f for f in cls.__dataclass_fields__ if f != "extra"}
        for key in config:
            if key not in known:
                raise ValueError(f"config: unknown setting {key!r}; known: {', '.join(sorted(known))}")
        values = dict(config)
        for key in ("pipeline", "abbreviations"):
            if key in values:
                values[key] = tuple(values[key])
        return cls(**values)


def make_nlp(config: Optional[Union[dict, NlpSettings]] = None) -> Language:
    """A Swedish pipeline that finds figures, their units, qualifiers and periods.

    config: None for the defaults, or a dict of NlpSettings fields, e.g.
    `{"pipeline": ["merge_numbers", "sentencizer", "quantities", "periods"], "lemmatizer": False}`.
    RETURNS (Language): ready to use; pass it on rather than building it twice.
    """
    settings = NlpSettings.resolve(config)
    nlp = spacy.blank("sv")
    for abbr in settings.abbreviations:
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
        cap = abbr[:1].upper() + abbr[1:]
        nlp.tokenizer.add_special_case(cap, [{ORTH: cap}])
    for name in settings.pipeline:
        if name == "lemmatizer" and not settings.lemmatizer:
            continue
        if name == "lemmatizer":
            nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        elif name == "sentencizer":
            # "Bäst: Västerbottens län (83,7) · Sämst: Gotlands län (58,3) · Riket: 73,4": a middle dot or a
            # bullet inside a line separates items as a full stop separates sentences
            punct = list(Sentencizer.default_punct_chars) + ["·", "•"]
            if settings.sentence_on_newline:
                punct.append("\n")
            nlp.add_pipe("sentencizer", config={"punct_chars": punct})
        else:
            nlp.add_pipe(FACTORIES[name], name=name)
    for ensure in (merge_numbers.ensure_extensions, quantities.ensure_extensions, periods.ensure_extensions):
        ensure()
    nlp.initialize()
    return nlp


__all__ = ["ABBREVIATIONS", "DEFAULT_PIPELINE", "FACTORIES", "NlpSettings", "make_nlp"]
