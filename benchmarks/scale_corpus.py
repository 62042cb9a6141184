"""Many reports in the corpus's styles, for the scale benchmark: each a new document with new figures.

Copy k of a corpus text report gets its own file name and every figure that is not a year moved
by a few units, so its content hash, its facts and its passages are its own (a copy with the
same text would share its passages' vectors and say nothing about embedding cost). Structure,
wording and tables stay the corpus's.
"""
from __future__ import annotations

import re
from pathlib import Path

# a number of 2+ digits with Swedish thousands gaps ("8 662"), not a year from 1900 to 2099
NUMBER = re.compile(r"(?<![\d,])(\d{1,3}(?: \d{3})+|\d{2,})(?![\d,])")
YEAR = re.compile(r"^(19|20)\d\d$")


def shifted(text: str, k: int) -> str:
    def move(m: re.Match) -> str:
        digits = m.group(1).replace(" ", "")
        if YEAR.match(digits):
            return m.group(1)
        value = int(digits) + (k % 7) + 1
        out = f"{value:,}".replace(",", " ") if " " in m.group(1) else str(value)
        return out
    return NUMBER.sub(move, text)


def write_reports(corpus: Path, folder: Path, n: int, start: int = 0) -> list[Path]:
    """Write n reports (copies start .. start+n-1) into `folder`; returns their paths."""
    sources = sorted(p for p in corpus.glob("*.txt") if p.stat().st_size > 20_000)  # the full reports, not the summary
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for k in range(start, start + n):
        source = sources[k % len(sources)]
        path = folder / f"{source.stem}-kopia-{k:05d}.txt"
        text = source.read_text(encoding="utf-8")
        path.write_text(f"Kopia {k} av {source.name}\n\n" + shifted(text, k), encoding="utf-8")
        made.append(path)
    return made


__all__ = ["write_reports", "shifted"]
