"""Questions answered from the facts.

    ask.py            query -> Interpretation -> Answer; "not reported" when no fact matches
    interpret.py      a Swedish question -> measure, period and breakdown
    query_words.py    the question's words matched against the measure catalogue
    ask_words.py      the question words' data (stop words, unit cues, breakdown words)
    figure_search.py  figures found by the words around them when no measure matches
    series.py         one measure over the years, as rows or JSON-stat 2.0
"""
