"""Running text -> Facts: every figure in paragraphs, list items and footnotes.

Blocks go through `nlp.pipe(..., as_tuples=True)` with their TextSource (the Block, or the
few Blocks of one sentence that a page break or a footnote split) as the context, so each
figure is born knowing its block, line and section. For every quantity the components found
(nlp.components.quantities and .periods), this package decides
- the measure (measure.py): catalogue cues in the sentence, earlier sentences of the paragraph
  and the headings above (nlp.measures); a comparison in parentheses ("(8 638 kartläggningar
  2018)") takes the measure of the figure it follows (figures.py);
- the breakdown (breakdown.py): "56 respektive 53 procent" after "män än för kvinnor" pairs in
  order; else the nearest group word before the figure in its sentence, or the one its "av de som
  ..." clause names; a pair such as "kvinnor och män" is the total, not a group; "Av dem var 66
  procent kvinnor" keeps the groups of the sentence before;
- the period: the components' answer, else the paragraph's or section's (periods.py,
  document.py), else the report's reporting_year; a change spans the years it is measured
  between (changes.py);
- the kind: "summary" under a Sammanfattning heading, "footnote" for footnotes, else "body".
A range ("60–64 procent", "mellan 50 och 60 procent") is two facts, a lower bound ("over")
and an upper bound ("under").

    sources.py       Document -> TextSources, the text the pipeline reads
    document.py      extract_prose_facts: the texts in order, and what a section carries on
    figure_facts.py  doc_to_facts: one processed text -> Facts, figure by figure
    measure.py, breakdown.py, periods.py, changes.py, figures.py: the steps it takes
"""
from nlp.prose.document import extract_prose_facts
from nlp.prose.figure_facts import doc_to_facts
from nlp.prose.sources import PROSE_KINDS, TextSource, fact_kind, pipeline_text, text_sources

__all__ = ["PROSE_KINDS", "TextSource", "doc_to_facts", "extract_prose_facts", "fact_kind", "pipeline_text", "text_sources"]
