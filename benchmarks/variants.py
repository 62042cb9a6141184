"""Variant generation: corpus tables and sentences whose true facts the gold knows, re-set in
other house styles, each with its true facts remapped exactly.

Source material
- every corpus table with gold facts on its lines (read with `ingest.reader.read_path`, so the
  Table records give caption, header rows, line numbers); each gold fact is paired with the cell
  of its line whose printed number it is (by col_header where a row prints it twice). The two
  SOU tables the text conversion garbled (gold reconstructed by arithmetic) are left out.
- every one-line body/summary paragraph with gold facts; each fact is located at the place on the
  line where its `printed` text stands.

A variant is a small standalone text document in the corpus conventions: a `#` title naming the
reporting year ("... regleringsbrevet för 2019", so the report's year is known), the section
headings above the source, TAB-separated table lines with the caption "Tabell N ..." above, the
legend and source lines. Each variant changes ONE dimension against the original setting
(`baseline` is the unit re-set unchanged), so recall per dimension is attributable:

  caption_numbering  "Tabell 6" -> "Tabell B6", "Tabell 4.6", "Tab. 6", "Tabell A:6" (citations too)
  caption_position   caption below the table (before or after the source line), or tight above it
  orientation        transposed (years in rows <-> columns)
  grouped_headers    "Ja, kvinnor | Nej, kvinnor" -> a spanning row "Kvinnor" over "Ja | Nej"
                     (label once or repeated); a two-row header flattened to "Group, Sub"
  units              kronor tables re-expressed in kr, tkr, mnkr, mkr, miljoner kronor, mdkr with the
                     unit in the caption, a header, a unit row or a note line; sentences' amounts
                     in mnkr/mkr/tkr/kronor/miljarder kronor. The true value stays the same in kronor
  number_format      thousands separators (space, U+00A0, U+2009, U+202F, none), U+2212 and en-dash
                     minus, "54 %", "54,0%", "54,0 procent", "%" moved to the header ("Andel (%)"),
                     shares as fractions "0,54" under Andel
  footnote_markers   ¹, ¹², <sup>3</sup>, [^1] and * after cells, years, headers and figures
  qualifiers         cirka <-> omkring/ungefär/runt; an approximate, lower- or upper-bound word added
  number_words       small counts and percentages in words ("sju", "tre procent"), 70 procent ->
                     "sju av tio", 50 -> "hälften"; and the reverse (words -> digits)
  reworded           independent sentences reordered; the year moved to the front ("Under 2019 ...") or
                     from the front into the clause ("... har under 2019 genomfört"); "Under 2019" <-> "År
                     2019"; active <-> passive by fixed templates

Exactness: a transformation that cannot keep a fact's truth exact drops the fact from the truth
(its value is then ignored on that line when precision is scored); a figure that occurs twice on
a line is only reformatted, never reworded. Nothing here runs the extractor.
"""
from __future__ import annotations

import random
import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD_FILE = ROOT / "tests" / "gold" / "facts.yaml"

DIMENSIONS = ("baseline", "caption_numbering", "caption_position", "orientation", "grouped_headers", "units",
              "number_format", "footnote_markers", "qualifiers", "number_words", "reworded")

NBSP, THIN, NARROW, MINUS, ENDASH = "\u00a0", "\u2009", "\u202f", "\u2212", "\u2013"
SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_MARKUP = re.compile(r"<sup>\s*\d{1,3}\s*</sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|</?(?:b|strong|i|em)>|\*\*")
_NUM = re.compile(r"[+\-−–]?\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:,\d+)?|[+\-−–]?\d+(?:,\d+)?")
_YEAR = re.compile(r"(?<![\d–\-/])((?:19|20)\d{2})(?![\d–\-/]|-tal)")
FOOTNOTE_TEXT = "Uppgiften kommer från myndigheternas egen uppföljning."


# --- truth records -------------------------------------------------------------------------

@dataclass(frozen=True)
class Truth:
    """One true fact of a variant: a gold fact with the line and printed form it has there."""

    gid: int  # index of the gold fact in tests/gold/facts.yaml
    doc: str  # the corpus document it comes from
    printed: str
    value: float
    unit: str
    period: str
    breakdown: tuple  # sorted (key, value) pairs, as Fact.breakdown
    measure: str
    qualifier: str
    kind: str
    line: int = 0


@dataclass
class Variant:
    id: str  # also the document id and the file stem
    unit: str  # source unit: "af-fk-2019:t3" (table 3) or "af-fk-2019:l65" (line 65)
    source: str  # "table" or "sentence"
    dimension: str
    name: str
    lines: list[str]
    truth: list[Truth]
    ignore: list[tuple[int, float]]  # (line, value) printed on a truth line but not in the truth
    year: int

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def load_gold(path: Path = GOLD_FILE) -> list[dict]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return data if isinstance(data, list) else data.get("facts", [])


def load_manifest() -> dict[str, dict]:
    data = tomllib.loads((CORPUS / "manifest.toml").read_text(encoding="utf-8"))
    return {r["id"]: r for r in data.get("report", [])}


def truth_of(gid: int, g: dict, printed: Optional[str] = None) -> Truth:
    return Truth(gid=gid, doc=g["doc"], printed=str(g.get("printed", "")) if printed is None else printed,
                 value=float(g["value"]), unit=g.get("unit", ""), period=str(g["period"]),
                 breakdown=tuple(sorted((str(k), str(v)) for k, v in (g.get("breakdown") or {}).items())),
                 measure=g.get("measure", ""), qualifier=g.get("qualifier", "exact"), kind=g.get("kind", ""))


def reconstructed(g: dict) -> bool:
    """Gold the annotator rebuilt from a table the text conversion garbled (see bench_facts)."""
    note = str(g.get("note", ""))
    return "förskjutet av konverteringen" in note or "huvudet säger" in note


# --- numbers --------------------------------------------------------------------------------

def parse_decimal(text: str) -> Optional[Decimal]:
    t = _MARKUP.sub("", text)
    t = re.sub(r"[\s\u00a0\u2009\u202f]", "", t).replace(MINUS, "-").replace(ENDASH, "-").replace(",", ".").rstrip("%")
    try:
        return Decimal(t)
    except Exception:
        return None


def fmt_decimal(d: Decimal, sep: str = " ", min_decimals: int = 0, minus: str = "-", group_from: int = 1000) -> str:
    """Swedish number: decimal comma, `sep` between groups of three, minimal decimals (exact)."""
    sign = minus if d < 0 else ""
    s = format(abs(d), "f")
    ip, _, fp = s.partition(".")
    fp = fp.rstrip("0")
    fp = fp + "0" * max(0, min_decimals - len(fp))
    ip = ip.lstrip("0") or "0"
    if int(ip) >= group_from and sep is not None:
        groups = []
        while len(ip) > 3:
            groups.insert(0, ip[-3:])
            ip = ip[:-3]
        ip = sep.join([ip] + groups)
    return sign + ip + ("," + fp if fp else "")


def regroup(num: str, sep: str) -> str:
    """The same digits with another thousands separator (or none); decimals and sign kept."""
    m = re.fullmatch(r"([+\-−–]?)([\d \u00a0\u2009\u202f]+)(,\d+)?", num)
    if not m:
        return num
    digits = re.sub(r"\D", "", m.group(2))
    if len(digits) < 4:
        return num
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return m.group(1) + sep.join([digits] + groups) + (m.group(3) or "")


SMALL_WORDS = {2: "två", 3: "tre", 4: "fyra", 5: "fem", 6: "sex", 7: "sju", 8: "åtta", 9: "nio", 10: "tio",
               11: "elva", 12: "tolv", 13: "tretton", 14: "fjorton", 15: "femton", 16: "sexton", 17: "sjutton",
               18: "arton", 19: "nitton", 20: "tjugo"}
WORD_VALUES = {w: n for n, w in SMALL_WORDS.items()} | {"en": 1, "ett": 1}
SHARE_WORDS = {10: "en av tio", 20: "två av tio", 30: "tre av tio", 40: "fyra av tio", 50: "hälften",
               60: "sex av tio", 70: "sju av tio", 80: "åtta av tio", 90: "nio av tio", 25: "en fjärdedel",
               75: "tre av fyra"}


def share_word_value(text: str) -> Optional[int]:
    """'sju av tio' -> 70, 'Tre av fyra' -> 75, 'hälften' -> 50, 'en femtedel' -> 20."""
    t = text.lower().strip()
    if t == "hälften":
        return 50
    m = re.fullmatch(r"(\w+) av (tio|fyra|fem)", t)
    if m and m.group(1) in WORD_VALUES:
        return WORD_VALUES[m.group(1)] * {"tio": 10, "fyra": 25, "fem": 20}[m.group(2)]
    m = re.fullmatch(r"(en|ett) (fjärdedel|femtedel|tiondel)", t)
    if m:
        return {"fjärdedel": 25, "femtedel": 20, "tiondel": 10}[m.group(2)]
    return None


def cap_first(s: str) -> str:
    return s[:1].upper() + s[1:]


# --- text with located figures --------------------------------------------------------------

@dataclass(frozen=True)
class Span:
    start: int
    end: int
    facts: tuple[Truth, ...]  # empty: the same figure printed again (reformatted, not scored)
    value: float = 0.0


class Marked:
    """A line of text with the places where its true figures are printed; edits keep them."""

    def __init__(self, text: str, spans: Iterable[Span] = ()):
        self.text = text
        self.spans = sorted(spans, key=lambda s: s.start)

    def __repr__(self) -> str:
        return f"Marked({self.text!r}, {[(s.start, s.end, self.text[s.start:s.end]) for s in self.spans]})"

    def printed(self, span: Span) -> str:
        return self.text[span.start:span.end]

    def replace(self, start: int, end: int, new: str, span_value: Optional[float] = None) -> "Marked":
        """Replace text[start:end]; a span inside the region grows or shrinks, a span the region
        covers becomes the new text; a region that cuts a span raises ValueError."""
        d = len(new) - (end - start)
        out: list[Span] = []
        covered = 0
        for s in self.spans:
            if start == end:  # insertion: at a span's start it goes before, at its end after
                if s.end <= start:
                    out.append(s)
                elif s.start >= start:
                    out.append(replace(s, start=s.start + d, end=s.end + d))
                else:
                    out.append(replace(s, end=s.end + d))
                continue
            if s.end <= start:
                out.append(s)
            elif s.start >= end:
                out.append(replace(s, start=s.start + d, end=s.end + d))
            elif start <= s.start and s.end <= end:
                covered += 1
                out.append(replace(s, start=start, end=start + len(new)))
            elif s.start <= start and end <= s.end:
                out.append(replace(s, end=s.end + d))
            else:
                raise ValueError("edit cuts a figure")
        if covered > 1:
            raise ValueError("edit covers two figures")
        return Marked(self.text[:start] + new + self.text[end:], out)

    def insert(self, pos: int, new: str) -> "Marked":
        return self.replace(pos, pos, new)

    def slice(self, a: int, b: int) -> "Marked":
        out = []
        for s in self.spans:
            if s.end <= a or s.start >= b:
                if s.start == s.end == a:
                    out.append(replace(s, start=0, end=0))
                continue
            if a <= s.start and s.end <= b:
                out.append(replace(s, start=s.start - a, end=s.end - a))
            else:
                raise ValueError("slice cuts a figure")
        return Marked(self.text[a:b], out)

    def __add__(self, other: "Marked | str") -> "Marked":
        if isinstance(other, str):
            other = Marked(other)
        n = len(self.text)
        return Marked(self.text + other.text, self.spans + [replace(s, start=s.start + n, end=s.end + n) for s in other.spans])

    def with_case(self, upper: bool) -> "Marked":
        if not self.text:
            return self
        first = self.text[0].upper() if upper else self.text[0].lower()
        return Marked(first + self.text[1:], self.spans)

    def truths(self) -> list[Truth]:
        return [replace(f, printed=self.printed(s)) for s in self.spans for f in s.facts]

    def shadow_values(self) -> list[float]:
        return [s.value for s in self.spans if not s.facts]


def occurrences(text: str, printed: str) -> list[tuple[int, int]]:
    """Where `printed` stands in `text` as a whole figure (not inside a longer number)."""
    out = []
    for m in re.finditer(re.escape(printed), text):
        s, e = m.span()
        before, after = text[:s], text[e:]
        if before and before[-1].isalnum() and printed[:1].isalnum():
            continue
        if printed[:1].isdigit() and re.search(r"\d[ \u00a0\u2009\u202f]$", before) and re.match(r"\d{3}(?!\d)", printed):
            continue
        if after and after[0].isalnum() and printed[-1:].isalnum() and after[0] not in SUP:
            continue
        if printed[-1:].isdigit() and re.match(r"(?:[ \u00a0\u2009\u202f]\d{3}(?!\d)|,\d)", after):
            continue
        out.append((s, e))
    return out


def paren_ranges(text: str) -> list[tuple[int, int]]:
    out, stack = [], []
    for i, ch in enumerate(text):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            out.append((stack.pop(), i + 1))
    return out


def in_ranges(i: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= i < b for a, b in ranges)


_ABBREV = ("prop", "bl.a", "t.ex", "m.m", "kap", "nr", "ca", "s", "dvs", "resp", "jfr", "f.d", "t.o.m", "o.d")
_SENT_END = re.compile(r"[.!?](?:<sup>\d{1,3}</sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?(?=\s+[A-ZÅÄÖ\d(])")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; the whitespace between sentences belongs to none."""
    bounds, start = [], 0
    for m in _SENT_END.finditer(text):
        word = re.search(r"([\w.]+)$", text[start:m.start()])
        if word and (word.group(1).lower() in _ABBREV or len(word.group(1)) == 1):
            continue
        bounds.append((start, m.end()))
        start = m.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        bounds.append((start, len(text.rstrip())))
    return bounds


# --- documents --------------------------------------------------------------------------------

class Page:
    """Lines of a variant document with the truth placed on them."""

    def __init__(self, year: int, section: tuple[str, ...] = ()):
        self.lines: list[str] = [f"# Återrapportering enligt regleringsbrevet för {year}", ""]
        self.truth: list[Truth] = []
        self.ignore: list[tuple[int, float]] = []
        for depth, title in enumerate(section[:4]):
            self.para("#" * (depth + 2) + " " + title)

    def row(self, text: str, truth: Iterable[Truth] = (), ignore: Iterable[float] = ()) -> int:
        self.lines.append(text)
        n = len(self.lines)
        self.truth += [replace(t, line=n) for t in truth]
        self.ignore += [(n, float(v)) for v in ignore]
        return n

    def para(self, text: str, truth: Iterable[Truth] = (), ignore: Iterable[float] = ()) -> int:
        n = self.row(text, truth, ignore)
        self.lines.append("")
        return n

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")


def clean_cell(text: str) -> str:
    return _MARKUP.sub("", text).strip()


def norm_printed(text: str) -> str:
    text = re.sub(r"\s?(?:år|dagar|kr|tkr|mkr)$", "", clean_cell(text))
    return re.sub(r"[\s\u00a0\u2009\u202f%]", "", text)


# --- table units ------------------------------------------------------------------------------

_CELL = re.compile(r"^(?P<pre>(?:<[^>]+>)*)(?P<num>[+\-−–]?\d(?:[\d \u00a0\u2009\u202f]*\d)?(?:,\d+)?)(?P<pct>\s?%)?(?P<post>.*)$")


@dataclass(frozen=True)
class Cell:
    text: str  # as printed (markup kept) for a cell that holds no true fact
    facts: tuple[Truth, ...] = ()
    pre: str = ""  # fact cells: "<b>" + "643 000" + "%" + "</b>" / "¹⁸"
    num: str = ""
    pct: str = ""
    post: str = ""
    ignore: tuple[float, ...] = ()  # a number here that is not in the truth

    def render(self) -> str:
        return self.pre + self.num + self.pct + self.post if self.facts else self.text

    @property
    def label(self) -> str:
        return clean_cell(self.render())


@dataclass
class TableUnit:
    id: str
    doc: str
    year: int
    number: int
    section: tuple[str, ...]
    caption: str
    pre: list[str]  # legend lines between caption and table ("Sjukpenning=SP")
    rows: list[list[Cell]]
    n_header: int
    unit_row: Optional[tuple[int, str]]  # (index in rows it stood before, raw line) - "Belopp i tkr"
    source: str
    after: list[str]  # footnote lines cited from cells
    citing: list[str]  # paragraphs that cite the table by number


@dataclass
class TableDoc:
    """A table unit as it will be written; transformations return modified copies."""

    unit: TableUnit
    caption: str
    rows: list[list[Cell]]
    n_header: int
    pre: list[str]
    citing: list[str]
    unit_row: Optional[tuple[int, str]]
    source: str
    after: list[str]
    notes: list[str] = field(default_factory=list)  # lines right after the table ("Anm.: Belopp i mnkr")
    caption_where: str = "above"  # above | tight | below | below_source

    def copy(self, **kw) -> "TableDoc":
        d = replace(self, rows=[list(r) for r in self.rows], pre=list(self.pre), citing=list(self.citing),
                    after=list(self.after), notes=list(self.notes))
        for k, v in kw.items():
            setattr(d, k, v)
        return d

    def fact_cells(self) -> Iterator[tuple[int, int, Cell]]:
        for i, row in enumerate(self.rows):
            for j, c in enumerate(row):
                if c.facts:
                    yield i, j, c

    def col_labels(self, j: int) -> list[str]:
        """The header texts above column j, spanning cells filled in from the left."""
        out = []
        for r in range(self.n_header):
            row = self.rows[r]
            k = j
            if r < self.n_header - 1:
                while k > 0 and not row[k].label:
                    k -= 1
            if row[k].label:
                out.append(row[k].label)
        return out

    def write(self) -> Page:
        u = self.unit
        page = Page(u.year, u.section)
        for text in self.citing:
            page.para(text)
        if self.caption_where == "above":
            page.para(self.caption)
        for text in self.pre:
            page.para(text)
        if self.caption_where == "tight":
            page.row(self.caption)
        for i, row in enumerate(self.rows):
            if self.unit_row and self.unit_row[0] == i:
                page.row(self.unit_row[1])
            page.row("\t".join(c.render() for c in row), [replace(f, printed=c.num) for c in row for f in c.facts],
                     [v for c in row for v in c.ignore])
        page.blank()
        for text in self.notes:
            page.para(text)
        if self.caption_where == "below":
            page.para(self.caption)
        if self.source:
            page.para(self.source)
        if self.caption_where == "below_source":
            page.para(self.caption)
        for text in self.after:
            page.para(text)
        return page


def _caption_line(lines: list[str], table, start: int) -> Optional[int]:
    """0-based index of the caption line the reader took for `table` (closest above it)."""
    want = re.sub(r"\W+", "", clean_cell(table.caption)).lower()
    for i in range(start - 1, max(-1, start - 16), -1):
        raw = re.sub(r"\W+", "", clean_cell(lines[i])).lower()
        if raw and raw == want:
            return i
    for i in range(start - 1, max(-1, start - 16), -1):
        if re.match(r"^\s*(?:<b>)?\s*Tabell\s+\d", lines[i]):
            return i
    return None


def _citing_paragraphs(document, table, lines: list[str]) -> list[str]:
    if table.number is None:
        return []
    same_number = [t for t in document.tables if t.number == table.number]
    in_appendix = any("bilaga" in s.lower() for s in table.section)
    pattern = re.compile(rf"\btabell(?:erna)?\s+(?:\d+\s*(?:,|och)\s*)*{table.number}\b[^.]*", re.IGNORECASE)
    out = []
    for b in document.blocks:
        if b.kind != "paragraph" or b.line_start is None or b.line_start != b.line_end:
            continue
        hits = list(pattern.finditer(b.text))
        if len(same_number) > 1:
            hits = [m for m in hits if ("bilaga" in m.group(0).lower()) == in_appendix]
        if hits:
            out.append(lines[b.line_start - 1].strip())
    return out[:2]


def table_units(document, gold: list[tuple[int, dict]], lines: list[str], year: int, title: str) -> tuple[list[TableUnit], list[dict]]:
    """The gold-annotated tables of one corpus document, with every gold fact paired to its cell."""
    units: list[TableUnit] = []
    unpaired: list[dict] = []
    by_line: dict[int, list[tuple[int, dict]]] = defaultdict(list)
    for gid, g in gold:
        if g.get("kind") == "table":
            by_line[g["line"]].append((gid, g))
    for table in document.tables:
        if table.line_start is None:
            continue
        span = range(table.line_start, table.line_end + 1)
        facts = [(gid, g) for l in span for gid, g in by_line.get(l, [])]
        if not facts or any(reconstructed(g) for _, g in facts):
            continue
        cell_lines = {c.line for c in table.cells}
        n_header = 0
        for r in range(table.n_rows):
            if all(c.is_header for c in table.cells if c.row == r):
                n_header += 1
            else:
                break
        raw_rows: list[list[str]] = []
        unit_row = None
        for l in span:
            if l not in cell_lines:
                unit_row = (len(raw_rows), lines[l - 1])
                continue
            raw_rows.append(lines[l - 1].split("\t"))
        width = max(len(r) for r in raw_rows)
        raw_rows = [r + [""] * (width - len(r)) for r in raw_rows]
        while width > 1 and all(not clean_cell(r[width - 1]) for r in raw_rows):
            width -= 1
        raw_rows = [r[:width] for r in raw_rows]
        row_lines = [l for l in span if l in cell_lines]
        # header labels per column (for pairing by col_header)
        header_grid = []
        for r in range(n_header):
            row = [clean_cell(c) for c in raw_rows[r]]
            if r < n_header - 1:
                last = ""
                for j, c in enumerate(row):
                    row[j] = c or (last if j > 0 else "")
                    last = row[j]
            header_grid.append(row)
        col_header = [", ".join(h[j] for h in header_grid if h[j]) for j in range(width)]
        rows: list[list[Cell]] = []
        for i, raw in enumerate(raw_rows):
            line_no = row_lines[i]
            here = list(by_line.get(line_no, []))
            assigned: dict[int, list[tuple[int, dict]]] = defaultdict(list)
            for gid, g in here:
                want = norm_printed(str(g.get("printed", "")))
                cols = [j for j in range(width) if norm_printed(raw[j]) == want and _CELL.match(clean_cell(raw[j]) or "x")]
                if len(cols) > 1:
                    key = re.sub(r"\W+", "", str(g.get("col_header", ""))).lower()
                    cols = [j for j in cols if re.sub(r"\W+", "", col_header[j]).lower() == key] or cols
                if len(cols) != 1 or assigned.get(cols[0]):
                    unpaired.append(g)
                    continue
                assigned[cols[0]].append((gid, g))
            cells = []
            for j, text in enumerate(raw):
                m = _CELL.match(text.strip())
                if assigned.get(j) and m:
                    gid, g = assigned[j][0]
                    cells.append(Cell(text=text, facts=(truth_of(gid, g, m.group("num")),), pre=m.group("pre"),
                                      num=m.group("num"), pct=m.group("pct") or "", post=m.group("post")))
                else:
                    value = parse_decimal(text) if i >= n_header and j > 0 else None
                    cells.append(Cell(text=text, ignore=(float(value),) if value is not None else ()))
            rows.append(cells)
        if not any(c.facts for r in rows for c in r):
            continue
        cap_i = _caption_line(lines, table, table.line_start - 1)
        caption = lines[cap_i].strip() if cap_i is not None else ""
        pre = [lines[i].strip() for i in range(cap_i + 1, table.line_start - 1)
               if lines[i].strip()] if cap_i is not None else []
        source = ""
        for i in range(table.line_end, min(len(lines), table.line_end + 3)):
            if re.match(r"^\s*(?:\*\*|<b>)?\s*Källa", lines[i]):
                source = lines[i].strip()
                break
        cell_ids = {c.id for c in table.cells}
        after = [lines[fn.line - 1].strip() for fn in document.footnotes
                 if fn.line and any(r in cell_ids for r in fn.marker_refs)]
        section = tuple(s for s in table.section if s != title)
        units.append(TableUnit(id=f"{document.id}:t{table.index}", doc=document.id, year=year, number=table.number or 0,
                               section=section, caption=caption, pre=pre, rows=rows, n_header=n_header,
                               unit_row=unit_row, source=source, after=after,
                               citing=_citing_paragraphs(document, table, lines)))
    return units, unpaired


def table_doc(u: TableUnit) -> TableDoc:
    return TableDoc(unit=u, caption=u.caption, rows=[list(r) for r in u.rows], n_header=u.n_header, pre=list(u.pre),
                    citing=list(u.citing), unit_row=u.unit_row, source=u.source, after=list(u.after))


# --- table transformations --------------------------------------------------------------------

TableVariants = Iterator[tuple[str, str, TableDoc]]  # (dimension, name, doc)


def _renumber(doc: TableDoc, caption_prefix: str, cite: str) -> TableDoc:
    n = doc.unit.number
    m = re.match(r"^(\s*(?:<b>)?\s*)Tabell\s+\d+", doc.caption)
    if not m:
        raise ValueError("caption without a number")
    caption = m.group(1) + caption_prefix + doc.caption[m.end():]
    pattern = re.compile(rf"(\b[Tt]abell(?:erna)?\s+(?:\d+\s*(?:,|och)\s*)*){n}\b")
    citing = [pattern.sub(lambda mm: mm.group(1) + cite, p) for p in doc.citing]
    return doc.copy(caption=caption, citing=citing)


def t_caption_numbering(doc: TableDoc) -> TableVariants:
    n = doc.unit.number
    if not n or not re.match(r"^\s*(?:<b>)?\s*Tabell\s+\d+", doc.caption):
        return
    yield "caption_numbering", "letter_B", _renumber(doc, f"Tabell B{n}", f"B{n}")
    yield "caption_numbering", "chapter_4.n", _renumber(doc, f"Tabell 4.{n}", f"4.{n}")
    yield "caption_numbering", "abbrev_Tab.", _renumber(doc, f"Tab. {n}", f"{n}")
    yield "caption_numbering", "annex_A:n", _renumber(doc, f"Tabell A:{n}", f"A:{n}")


def t_caption_position(doc: TableDoc) -> TableVariants:
    if not doc.caption:
        return
    yield "caption_position", "below", doc.copy(caption_where="below")
    if doc.source:
        yield "caption_position", "below_after_source", doc.copy(caption_where="below_source")
    yield "caption_position", "above_no_blank", doc.copy(caption_where="tight")


def t_orientation(doc: TableDoc) -> TableVariants:
    if doc.n_header != 1 or doc.unit_row:
        return
    rows = doc.rows
    data = rows[1:]
    if any(not r[0].label for r in data) or any(all(not c.render().strip() for c in r[1:]) for r in data):
        return  # no stub, or group rows ("Ålder") that would have no column to go to
    width = len(rows[0])
    t = [[rows[i][j] for i in range(len(rows))] for j in range(width)]
    yield "orientation", "transposed", doc.copy(rows=t, n_header=1)


_GROUP_WORDS = ("kvinnor", "män", "totalt", "alla")


def _split_header(h: str) -> list[tuple[str, str]]:
    """Ways to read a compound header as (group, sub): 'Ja, kvinnor' -> [('kvinnor', 'Ja'), ('Ja', 'kvinnor')]."""
    out = []
    if ", " in h:
        a, b = h.rsplit(", ", 1)
        out.append((b, a))
        a, b = h.split(", ", 1)
        out.append((a, b))
    else:
        words = h.split()
        if len(words) == 2 and words[-1].lower() in _GROUP_WORDS:
            out.append((words[-1], words[0]))
    return out


def _group_columns(labels: list[str], which: int) -> Optional[list[tuple[str, str]]]:
    """(group, sub) per data column, or ("", label) where a column belongs to no group."""
    parts = []
    for h in labels:
        ways = _split_header(h)
        if which == 0:
            ways = [w for w in ways if w[0].lower() in _GROUP_WORDS or ", " in h]
            parts.append(ways[0] if ways else None)
        else:
            parts.append(ways[1] if len(ways) > 1 else None)
    out: list[tuple[str, str]] = [("", h) for h in labels]
    j = 0
    grouped = 0
    while j < len(parts):
        if parts[j] is None:
            j += 1
            continue
        k = j
        while k + 1 < len(parts) and parts[k + 1] is not None and parts[k + 1][0].lower() == parts[j][0].lower():
            k += 1
        if k > j:
            for x in range(j, k + 1):
                out[x] = parts[x]
            grouped += k - j + 1
        j = k + 1
    return out if grouped >= 2 else None


def t_grouped_headers(doc: TableDoc) -> TableVariants:
    if doc.n_header == 1 and not doc.unit_row:
        head = doc.rows[0]
        labels = [c.label for c in head[1:]]
        for which in (0, 1):
            groups = _group_columns(labels, which)
            if groups:
                break
        else:
            return
        for name, repeat in (("spanning_row", False), ("spanning_row_repeated", True)):
            top, sub = [Cell(text=head[0].text)], [Cell(text="")]
            prev = None
            for g, s in groups:
                if not g:
                    top.append(Cell(text=s))
                    sub.append(Cell(text=""))
                    prev = None
                    continue
                top.append(Cell(text=cap_first(g) if (repeat or g.lower() != (prev or "").lower()) else ""))
                sub.append(Cell(text=cap_first(s)))
                prev = g
            yield "grouped_headers", name, doc.copy(rows=[top, sub] + doc.rows[1:], n_header=2)
    elif doc.n_header == 2:
        flat = [Cell(text=doc.rows[0][0].text or doc.rows[1][0].text)]
        for j in range(1, len(doc.rows[0])):
            flat.append(Cell(text=", ".join(doc.col_labels(j))))
        yield "grouped_headers", "flattened", doc.copy(rows=[flat] + doc.rows[2:], n_header=1)


UNIT_SCALES = {"kr": Decimal(1), "tkr": Decimal(1000), "mnkr": Decimal(10) ** 6, "mkr": Decimal(10) ** 6,
               "miljoner kronor": Decimal(10) ** 6, "mdkr": Decimal(10) ** 9}
UNIT_PLACES = ("caption_belopp", "caption_paren", "corner_cell", "column_header", "unit_row", "note_line")
_CAPTION_UNIT = re.compile(r",?\s*(?:belopp\s+i\s+)?\(?(?:tkr|mkr|mnkr|kronor|tusentals kronor|miljoner kronor)\)?\s*$", re.I)


def t_units(doc: TableDoc) -> TableVariants:
    cells = list(doc.fact_cells())
    if not cells or any(f.unit != "kronor" for _, _, c in cells for f in c.facts):
        return
    if any(c.ignore for r in doc.rows[doc.n_header:] for c in r):
        return  # a number without truth would be rescaled without anyone checking it
    caption = _CAPTION_UNIT.sub("", doc.caption) if re.search(r"belopp i|tkr|mnkr", doc.caption, re.I) else doc.caption
    for unit, scale in UNIT_SCALES.items():
        for place in UNIT_PLACES:
            d = doc.copy(unit_row=None, caption=caption)
            for i, j, c in cells:
                value = Decimal(int(c.facts[0].value)) if c.facts[0].value.is_integer() else Decimal(str(c.facts[0].value))
                num = fmt_decimal(value / scale)
                if parse_decimal(num) * scale != value:
                    raise AssertionError("inexact rescale")
                d.rows[i][j] = replace(c, num=num)
            label = unit
            if place == "caption_belopp":
                d.caption = f"{caption}, belopp i {label}"
            elif place == "caption_paren":
                d.caption = f"{caption} ({label})"
            elif place == "corner_cell":
                d.rows[0][0] = Cell(text=f"Belopp i {label}")
            elif place == "column_header":
                last = d.n_header - 1
                for j in range(1, len(d.rows[last])):
                    if d.rows[last][j].label:
                        d.rows[last][j] = Cell(text=f"{d.rows[last][j].render().strip()}, {label}")
            elif place == "unit_row":
                d.unit_row = (d.n_header, f"Belopp i {label}\t")
            elif place == "note_line":
                d.notes = [f"Anm.: Belopp i {label}."]
            yield "units", f"{unit.replace(' ', '_')}@{place}", d


def _map_cells(doc: TableDoc, fn: Callable[[Cell, list[str]], Optional[Cell]]) -> Optional[TableDoc]:
    d = doc.copy()
    changed = False
    for i, j, c in doc.fact_cells():
        new = fn(c, doc.col_labels(j))
        if new is not None and new != c:
            d.rows[i][j] = new
            changed = True
    return d if changed else None


def _pct_value(c: Cell) -> Optional[Decimal]:
    return parse_decimal(c.num)


def t_number_format(doc: TableDoc) -> TableVariants:
    seps = (("sep_space", " "), ("sep_nbsp", NBSP), ("sep_thin", THIN), ("sep_narrow_nbsp", NARROW), ("sep_none", ""))
    for name, sep in seps:
        d = _map_cells(doc, lambda c, h, sep=sep: replace(c, num=regroup(c.num, sep)))
        if d:
            yield "number_format", name, d
    for name, minus in (("minus_u2212", MINUS), ("minus_endash", ENDASH)):
        d = _map_cells(doc, lambda c, h, minus=minus: replace(c, num=minus + c.num[1:]) if c.num[:1] in "-−–" else None)
        if d:
            yield "number_format", name, d
    pct_cell = lambda c: c.pct.strip() == "%"
    d = _map_cells(doc, lambda c, h: replace(c, pct=" %") if pct_cell(c) else None)
    if d:
        yield "number_format", "pct_space", d

    def one_decimal(num: str) -> str:
        return num if "," in num else num + ",0"
    d = _map_cells(doc, lambda c, h: replace(c, num=one_decimal(c.num)) if pct_cell(c) else None)
    if d:
        yield "number_format", "pct_decimal", d
    d = _map_cells(doc, lambda c, h: replace(c, num=one_decimal(c.num), pct=" procent") if pct_cell(c) else None)
    if d:
        yield "number_format", "pct_word", d

    # "%" moved from the cells to the column header: "Andel (%)" over bare "54"
    d = doc.copy()
    last = d.n_header - 1
    moved = False
    for j in range(1, len(d.rows[last])):
        cells = [(i, c) for i, row in enumerate(d.rows[d.n_header:], start=d.n_header) for c in [row[j]] if c.facts]
        head = d.rows[last][j]
        if cells and head.label and all(pct_cell(c) for _, c in cells):
            for i, c in cells:
                d.rows[i][j] = replace(c, pct="")
            d.rows[last][j] = Cell(text=f"{head.render().strip()} (%)")
            moved = True
    if moved:
        yield "number_format", "pct_in_header", d

    def fraction(c: Cell, headers: list[str]) -> Optional[Cell]:
        if c.facts[0].unit != "procent" or not any("andel" in h.lower() for h in headers):
            return None
        v = _pct_value(c)
        if v is None or v < 0:
            return None
        num = fmt_decimal(v / 100, min_decimals=2)
        if parse_decimal(num) * 100 != v:
            return None
        return replace(c, num=num, pct="")
    d = _map_cells(doc, fraction)
    if d:
        yield "number_format", "fraction_under_andel", d


def t_footnote_markers(doc: TableDoc) -> TableVariants:
    rows_with_facts = sorted({i for i, _, _ in doc.fact_cells()})
    first_in_row = {i: min(j for r, j, _ in doc.fact_cells() if r == i) for i in rows_with_facts}
    last_in_row = {i: max(j for r, j, _ in doc.fact_cells() if r == i) for i in rows_with_facts}
    styles = (("cell_sup", "¹", "¹ " + FOOTNOTE_TEXT, first_in_row),
              ("cell_sup_two_digits", "¹²", "¹² " + FOOTNOTE_TEXT, last_in_row),
              ("cell_html_sup", "<sup>3</sup>", "<sup>3</sup> " + FOOTNOTE_TEXT, first_in_row),
              ("cell_markdown", "[^1]", "[^1]: " + FOOTNOTE_TEXT, last_in_row),
              ("cell_asterisk", "*", "* " + FOOTNOTE_TEXT, first_in_row))
    for name, marker, note, where in styles:
        d = doc.copy()
        for i, j in where.items():
            c = d.rows[i][j]
            d.rows[i][j] = replace(c, post=c.post + marker)
        d.after = [note] + d.after
        yield "footnote_markers", name, d
    # after years that label rows or columns, and after other column headers
    d = doc.copy()
    changed = False
    for i, row in enumerate(d.rows):
        for j, c in enumerate(row):
            is_label = i < d.n_header or j == 0
            if is_label and not c.facts and re.fullmatch(r"(?:<b>)?\s*(?:19|20)\d{2}\s*(?:</b>)?", c.text.strip()):
                row[j] = Cell(text=c.text.strip() + "¹")
                changed = True
    if changed:
        d.after = ["¹ " + FOOTNOTE_TEXT] + d.after
        yield "footnote_markers", "year_label_sup", d
    d = doc.copy()
    last = d.n_header - 1
    changed = False
    for j in range(1, len(d.rows[last])):
        c = d.rows[last][j]
        if c.label and not _YEAR.fullmatch(c.label):
            d.rows[last][j] = Cell(text=c.text.strip() + "²")
            changed = True
    if changed:
        d.after = ["² " + FOOTNOTE_TEXT] + d.after
        yield "footnote_markers", "column_header_sup", d


TABLE_TRANSFORMS = (t_caption_numbering, t_caption_position, t_orientation, t_grouped_headers, t_units,
                    t_number_format, t_footnote_markers)


# --- sentence units ---------------------------------------------------------------------------

@dataclass
class SentenceUnit:
    id: str
    doc: str
    year: int
    line: int
    section: tuple[str, ...]
    marked: Marked
    dropped: list[float]  # values of gold facts that could not be located exactly


def sentence_units(document, gold: list[tuple[int, dict]], lines: list[str], year: int, title: str) -> tuple[list[SentenceUnit], list[dict]]:
    by_line: dict[int, list[tuple[int, dict]]] = defaultdict(list)
    for gid, g in gold:
        if g.get("kind") in ("body", "summary"):
            by_line[g["line"]].append((gid, g))
    blocks = [b for b in document.blocks if b.kind in ("paragraph", "list_item", "heading", "caption")]
    units, unpaired = [], []
    for k, b in enumerate(blocks):
        if b.kind not in ("paragraph", "list_item") or b.line_start is None or b.line_start != b.line_end:
            continue
        here = by_line.get(b.line_start)
        if not here:
            continue
        text = lines[b.line_start - 1].rstrip()
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        if text[:1] in "(" or text[:1].islower() or (nxt is not None and nxt.kind == "paragraph" and text[-1:] not in ".!?:;"
                                                     and (nxt.text[:1].islower() or nxt.text[:1] == "(")):
            unpaired += [g for _, g in here]
            continue  # a sentence split over two blocks: the extractor joins them, a variant could not
        by_printed: dict[str, list[tuple[int, dict]]] = defaultdict(list)
        for gid, g in here:
            by_printed[str(g.get("printed", ""))].append((gid, g))
        spans, dropped = [], []
        for printed, facts in by_printed.items():
            occ = occurrences(text, printed)
            value = float(facts[0][1]["value"])
            if not occ:
                unpaired += [g for _, g in facts]
                dropped += [float(g["value"]) for _, g in facts]
            elif len(occ) == 1:
                spans.append(Span(occ[0][0], occ[0][1], tuple(truth_of(gid, g) for gid, g in facts), value))
            elif len(facts) == 1:
                spans.append(Span(occ[0][0], occ[0][1], (truth_of(*facts[0]),), value))
                spans += [Span(s, e, (), value) for s, e in occ[1:]]
            elif len(facts) == len(occ):
                spans += [Span(s, e, (truth_of(gid, g),), float(g["value"])) for (s, e), (gid, g) in zip(occ, facts)]
            else:
                unpaired += [g for _, g in facts]
                dropped += [float(g["value"]) for _, g in facts]
        spans.sort(key=lambda s: s.start)
        if any(a.end > b_.start for a, b_ in zip(spans, spans[1:])):
            unpaired += [g for _, g in here]
            continue
        section = tuple(s for s in b.section if s != title)
        units.append(SentenceUnit(id=f"{document.id}:l{b.line_start}", doc=document.id, year=year, line=b.line_start,
                                  section=section, marked=Marked(text, spans), dropped=dropped))
    return units, unpaired


def write_sentence(u: SentenceUnit, m: Marked, notes: Iterable[str] = ()) -> Page:
    page = Page(u.year, u.section)
    page.para(m.text, m.truths(), list(u.dropped) + m.shadow_values())
    for n in notes:
        page.para(n)
    return page


# --- sentence transformations -----------------------------------------------------------------

SentenceVariants = Iterator[tuple[str, str, Marked, list[str]]]  # (dimension, name, text, footnote lines)
_NUMBER_IN = re.compile(r"[+\-−–]?\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:,\d+)?|[+\-−–]?\d+(?:,\d+)?")


def _apply(m: Marked, edit: Callable[[Marked, Span], Optional[Marked]], only_facts: bool = False) -> Optional[Marked]:
    """Apply `edit` to every span, right to left (so earlier offsets stay valid)."""
    out = m
    changed = False
    for idx in range(len(m.spans) - 1, -1, -1):
        s = out.spans[idx]
        if only_facts and not s.facts:
            continue
        try:
            new = edit(out, s)
        except ValueError:
            new = None
        if new is not None and new.text != out.text:
            out, changed = new, True
    return out if changed else None


def _number_at(m: Marked, s: Span) -> Optional[tuple[int, int]]:
    """The digits of a span (absolute offsets), or None for a figure in words."""
    found = _NUMBER_IN.search(m.printed(s))
    return (s.start + found.start(), s.start + found.end()) if found else None


def _unique(m: Marked, s: Span) -> bool:
    return bool(s.facts) and sum(1 for x in m.spans if m.printed(x) == m.printed(s)) == 1


def _paired(m: Marked, s: Span) -> bool:
    """Part of 'A respektive B', 'A och B procent', 'A–B': the unit or qualifier is shared."""
    before, after = m.text[max(0, s.start - 30):s.start], m.text[s.end:s.end + 30]
    return bool(re.search(r"respektive\s*$|\d\s*(?:och|eller|till|–|-)\s*$|\bmellan\s+$", before)
                or re.match(r"^\s*(?:respektive|och\s+\d|eller\s+\d|till\s+\d|–|-\s*\d)", after))


def _sentence_start(m: Marked, pos: int) -> bool:
    return any(a == pos for a, _ in sentence_bounds(m.text)) or pos == 0


def s_number_format(u: SentenceUnit) -> SentenceVariants:
    m = u.marked
    for name, sep in (("sep_nbsp", NBSP), ("sep_thin", THIN), ("sep_narrow_nbsp", NARROW), ("sep_none", "")):
        def edit(mm: Marked, s: Span, sep=sep) -> Optional[Marked]:
            at = _number_at(mm, s)
            if not at or not re.search(r"\d \d{3}", mm.text[at[0]:at[1]]):
                return None
            return mm.replace(at[0], at[1], regroup(mm.text[at[0]:at[1]], sep))
        new = _apply(m, edit)
        if new:
            yield "number_format", name, new, []

    def pct(fmt: str) -> Callable[[Marked, Span], Optional[Marked]]:
        def edit(mm: Marked, s: Span) -> Optional[Marked]:
            if not s.facts or s.facts[0].unit != "procent":
                return None
            at = _number_at(mm, s)
            if not at:
                return None
            tail = re.match(r" procent\b(?!enhet)", mm.text[at[1]:])
            if not tail:
                return None
            num = mm.text[at[0]:at[1]]
            if fmt == "decimal":
                if "," in num:
                    return None
                return mm.insert(at[1], ",0")
            return mm.replace(at[1], at[1] + tail.end(), " %" if fmt == "space" else "%")
        return edit
    for name, fmt in (("pct_sign_space", "space"), ("pct_sign", "tight"), ("pct_decimal", "decimal")):
        new = _apply(m, pct(fmt))
        if new:
            yield "number_format", name, new, []


_AMOUNT = re.compile(r"^(?P<pre>.*?)(?P<num>[+\-−]?\d{1,3}(?:[ \u00a0]\d{3})*(?:,\d+)?)\s(?P<unit>miljoner kronorna|miljoner kronor|miljoner|mkr|mnkr)$")


def s_units(u: SentenceUnit) -> SentenceVariants:
    m = u.marked
    targets = (("mnkr", Decimal(10) ** 6, "mnkr"), ("mkr", Decimal(10) ** 6, "mkr"), ("tkr", Decimal(1000), "tkr"),
               ("kronor", Decimal(1), "kronor"), ("miljarder_kronor", Decimal(10) ** 9, "miljarder kronor"))
    for name, scale, word in targets:
        def edit(mm: Marked, s: Span, scale=scale, word=word) -> Optional[Marked]:
            if not s.facts or s.facts[0].unit != "kronor":
                return None
            a = _AMOUNT.match(mm.printed(s))
            if not a:
                return None
            num = parse_decimal(a.group("num"))
            value = Decimal(int(s.facts[0].value)) if s.facts[0].value.is_integer() else Decimal(str(s.facts[0].value))
            if num is None or num * Decimal(10) ** 6 != value or a.group("unit") == word:
                return None
            new_num = fmt_decimal(value / scale, minus="-")
            if a.group("num")[:1] == "+":
                new_num = "+" + new_num
            if parse_decimal(new_num) * scale != value:
                return None
            return mm.replace(s.start + a.start("num"), s.end, f"{new_num} {word}")
        new = _apply(m, edit)
        if new:
            yield "units", name, new, []


def s_footnote_markers(u: SentenceUnit) -> SentenceVariants:
    m = u.marked
    note = FOOTNOTE_TEXT

    def after_figures(marker: str) -> Optional[Marked]:
        out, n = m, 0
        for idx in range(len(m.spans) - 1, -1, -1):
            s = out.spans[idx]
            if not s.facts or not out.printed(s)[-1:].isalnum():
                continue
            out, n = out.insert(s.end, marker), n + 1
        return out if n else None
    for name, marker, line in (("figure_sup", "¹", "¹ " + note), ("figure_html_sup", "<sup>4</sup>", "<sup>4</sup> " + note),
                               ("figure_markdown", "[^1]", "[^1]: " + note)):
        new = after_figures(marker)
        if new:
            yield "footnote_markers", name, new, [line]
    years = [y for y in _YEAR.finditer(m.text) if not any(s.start <= y.start() < s.end for s in m.spans)]
    if years:
        out = m
        for y in reversed(years):
            out = out.insert(y.end(), "²")
        yield "footnote_markers", "year_sup", out, ["² " + note]

    def after_procent(mm: Marked, s: Span) -> Optional[Marked]:
        at = _number_at(mm, s)
        if not at or not s.facts:
            return None
        tail = re.match(r" procent\b(?!enhet)", mm.text[at[1]:])
        return mm.insert(at[1] + tail.end(), "³") if tail else None
    new = _apply(m, after_procent)
    if new:
        yield "footnote_markers", "procent_sup", new, ["³ " + note]


_APPROX = ("cirka", "ca", "ungefär", "runt", "omkring")
_QUAL_BEFORE = re.compile(r"(?:^|(?<=\s))(cirka|ca\.?|ungefär|runt|omkring|drygt|knappt|nästan|närmare|nära|över|mer än|fler än|minst|under|mindre än|färre än|högst|upp till|kring)\s+$", re.I)
_QUAL_IN = re.compile(r"^(cirka|ca\.?|ungefär|runt|omkring)\s+", re.I)


def s_qualifiers(u: SentenceUnit) -> SentenceVariants:
    m = u.marked

    def swap(to: str) -> Callable[[Marked, Span], Optional[Marked]]:
        def edit(mm: Marked, s: Span) -> Optional[Marked]:
            if not s.facts or any(f.qualifier != "approximate" for f in s.facts):
                return None
            inside = _QUAL_IN.match(mm.printed(s))
            if inside:
                a, b = s.start + inside.start(1), s.start + inside.end(1)
            else:
                before = _QUAL_BEFORE.search(mm.text[:s.start])
                if not before or before.group(1).lower().rstrip(".") not in _APPROX:
                    return None
                a, b = before.start(1), before.end(1)
            old = mm.text[a:b]
            if old.lower().rstrip(".") == to:
                return None
            return mm.replace(a, b, cap_first(to) if old[:1].isupper() else to)
        return edit
    for to in ("omkring", "ungefär", "runt", "cirka"):
        new = _apply(m, swap(to))
        if new:
            yield "qualifiers", f"approx_to_{to}", new, []

    rng = random.Random(u.id)
    adds = (("add_approximate", ("cirka", "omkring", "ungefär", "drygt"), "approximate"),
            ("add_over", ("över", "mer än", "minst"), "over"),
            ("add_under", ("mindre än", "upp till"), "under"))
    def can_add(mm: Marked, s: Span) -> bool:
        if not _unique(mm, s) or any(f.qualifier != "exact" for f in s.facts) or not mm.printed(s)[:1].isdigit():
            return False
        if _QUAL_BEFORE.search(mm.text[:s.start]) or _paired(mm, s) or mm.text[s.start - 1:s.start] == "(":
            return False
        # "de tilldelade 375,6 miljoner": a qualifier after a determiner or participle reads oddly
        return not re.search(r"\b(?:de|den|det|dessa|denna|detta|hela|samtliga|alla|tilldelade|budgeterade|redovisade|"
                             r"avsatta)\s+$", mm.text[:s.start], re.I)
    eligible = [s for s in m.spans if can_add(m, s)]
    for name, words, qualifier in adds:
        # at most two figures of a paragraph get the word, chosen with the unit's own seed
        chosen = {x.start for x in rng.sample(eligible, min(2, len(eligible)))}

        def edit(mm: Marked, s: Span, words=words, qualifier=qualifier, chosen=chosen) -> Optional[Marked]:
            if s.start not in chosen or not can_add(mm, s):
                return None
            word = rng.choice(words)
            if _sentence_start(mm, s.start):
                word = cap_first(word)
            out = mm.insert(s.start, word + " ")
            k = next(i for i, x in enumerate(out.spans) if x.start == s.start + len(word) + 1)
            x = out.spans[k]
            out.spans[k] = replace(x, facts=tuple(replace(f, qualifier=qualifier) for f in x.facts))
            return out
        new = _apply(m, edit)
        if new:
            yield "qualifiers", name, new, []


def s_number_words(u: SentenceUnit) -> SentenceVariants:
    m = u.marked

    def to_words(mm: Marked, s: Span) -> Optional[Marked]:
        if not _unique(mm, s) or _paired(mm, s):
            return None
        f = s.facts[0]
        at = _number_at(mm, s)
        if not at or mm.text[at[0]:at[1]] != mm.printed(s)[at[0] - s.start:at[1] - s.start]:
            return None
        num = parse_decimal(mm.text[at[0]:at[1]])
        if num is None or num != int(num) or int(num) not in SMALL_WORDS or Decimal(str(f.value)) != num:
            return None
        after = mm.text[at[1]:]
        if f.unit in ("procent", "procentenheter"):
            if not re.match(r" procent", after):
                return None
        elif not re.match(r" [a-zåäö]{3,}", after) or re.match(r" (?:procent|år|dagar|veckor|timmar)\b", after):
            return None
        word = SMALL_WORDS[int(num)]
        return mm.replace(at[0], at[1], cap_first(word) if _sentence_start(mm, at[0]) else word)
    new = _apply(m, to_words)
    if new:
        yield "number_words", "digits_to_words", new, []

    def to_share(mm: Marked, s: Span) -> Optional[Marked]:
        if not _unique(mm, s) or _paired(mm, s) or s.facts[0].unit != "procent":
            return None
        at = _number_at(mm, s)
        if not at:
            return None
        num = parse_decimal(mm.text[at[0]:at[1]])
        tail = re.match(r" procent\b(?!enhet)", mm.text[at[1]:])
        if num is None or num != int(num) or int(num) not in SHARE_WORDS or not tail or Decimal(str(s.facts[0].value)) != num:
            return None
        words = SHARE_WORDS[int(num)]
        if _sentence_start(mm, at[0]):
            words = cap_first(words)
        end = at[1] + tail.end()
        if end > s.end:  # the unit stands outside the printed figure: the words become the figure
            if at[0] != s.start:
                return None
            return mm.replace(s.start, end, words)
        return mm.replace(at[0], end, words)
    new = _apply(m, to_share)
    if new:
        yield "number_words", "percent_to_share_words", new, []

    def to_digits(mm: Marked, s: Span) -> Optional[Marked]:
        if not _unique(mm, s):
            return None
        f = s.facts[0]
        p = mm.printed(s)
        lead = re.match(r"^((?:nära|ungefär|drygt|knappt|runt|cirka|mer än|över)\s+)?", p, re.I).group(0)
        core = p[len(lead):]
        share = share_word_value(core)
        if share is not None:
            if f.unit != "procent" or share != f.value:
                return None
            if not re.match(r"(?:\s+(?:av|är|var|har|hade|blev|inskrivna)\b|\s*[.,;:()]|\s*$)", mm.text[s.end:]):
                return None  # "Tre av fyra informanter": "75 procent informanter" is not Swedish
            return mm.replace(s.start + len(lead), s.end, "50 procent" if share == 50 else f"{share} procent")
        w = re.match(r"^(\w+)\b", core)
        if not w or w.group(1).lower() not in WORD_VALUES or WORD_VALUES[w.group(1).lower()] != f.value:
            return None
        if re.match(r"\s+av\s+(?:tio|fyra|fem)\b", core[w.end():] or mm.text[s.end:]):
            return None
        return mm.replace(s.start + len(lead), s.start + len(lead) + w.end(), str(WORD_VALUES[w.group(1).lower()]))
    new = _apply(m, to_digits)
    if new:
        yield "number_words", "words_to_digits", new, []


_DEPENDENT_START = re.compile(
    r"^(?:\(|(?:Av|Bland)\s+(?:dem|dessa|de|den|detta)\b|(?:Det|Detta|Dessa|Denna|Den|De|Där|Här|Då|Sedan|Samtidigt|"
    r"Motsvarande|Samma|Även|Också|Däremot|Därmed|Dock|Men|Och|Andelen|Antalet|Resultatet|Utfallet|Medan|Vilket|"
    r"Liksom|Trots|Kvinnor|Män|Övriga|Resterande|Huvuddelen|Majoriteten|Merparten)\b)")
_DEPENDENT_WORDS = re.compile(r"\b(?:motsvarande|samma|densamma|dessa|detta|denna|dem|året innan|föregående år|samtliga dessa)\b", re.I)


def _period_years(period: str) -> list[str]:
    return re.findall(r"(?:19|20)\d{2}", period)


def s_reorder(u: SentenceUnit) -> Optional[Marked]:
    m = u.marked
    bounds = sentence_bounds(m.text)
    if len(bounds) < 2 or m.text.rstrip()[-1:] not in ".!?" and not re.search(r"[.!?](?:<sup>\d+</sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)$", m.text.rstrip()):
        return None  # the last sentence is cut (a page break): it cannot move
    sents = []
    for a, b in bounds:
        try:
            sents.append(m.slice(a, b))
        except ValueError:
            return None
    years_all = set(_YEAR.findall(m.text))

    def independent(s: Marked) -> bool:
        """Starts no anaphora and carries the years of its own figures."""
        if _DEPENDENT_START.match(s.text) or _DEPENDENT_WORDS.search(s.text):
            return False
        for f in s.truths():
            years = _period_years(f.period)
            if years and all(y in s.text for y in years):
                continue
            if f.period == str(u.year) and years_all <= {str(u.year)}:
                continue
            return False
        return True
    # a chunk is an independent sentence and the dependent ones after it; they move together
    chunks: list[list[Marked]] = []
    heads: list[bool] = []
    for s in sents:
        if independent(s) or not chunks:
            chunks.append([s])
            heads.append(independent(s))
        else:
            chunks[-1].append(s)
    idx = [i for i, head in enumerate(heads) if head]
    if len(idx) < 2:
        return None
    order = list(range(len(chunks)))
    for a, b in zip(idx, reversed(idx)):
        order[a] = b
    if order == list(range(len(chunks))):
        return None
    out = Marked("")
    for i in order:
        for s in chunks[i]:
            out = out + (" " if out.text else "") + s
    return out


_FINITE = ("har", "hade", "är", "var", "blev", "genomförde", "genomfördes", "förbrukade", "förbrukades", "ökade",
           "minskade", "fick", "deltog", "påbörjade", "avslutade", "uppnådde", "lämnade", "steg", "sjönk",
           "tilldelades", "användes", "gick", "befann", "uppgick", "spenderades", "disponerade", "finansierade",
           "startade", "ingick", "skrevs", "omfattar", "uppgår")
_PREPOSITIONS = ("för", "med", "av", "i", "på", "under", "bland", "hos", "efter", "vid", "från", "till", "enligt",
                 "utöver", "sedan", "inom", "om", "när", "då", "eftersom", "trots", "år", "inför", "fram", "mellan")
_PROPER = ("Arbetsförmedlingen", "Försäkringskassan", "Arbetsförmedlingens", "Försäkringskassans", "Riksförsäkringsverket",
           "Arbetsmarknadsstyrelsen", "Pila", "Resa", "Finsam", "Socialstyrelsen", "Regeringen")


def s_year_front(sentence: Marked, report_year: int) -> Optional[Marked]:
    """'Myndigheterna genomförde 8 991 kartläggningar under 2022.' -> 'Under 2022 genomförde myndigheterna ...'"""
    text = sentence.text
    parens = paren_ranges(text)
    years = [y for y in _YEAR.finditer(text) if not in_ranges(y.start(), parens)
             and not any(s.start <= y.start() < s.end for s in sentence.spans)]
    if len(years) != 1:
        return None
    y = years[0]
    year = y.group(1)
    before = text[:y.start()]
    pm = re.search(r"\s+(?:under|år|under år)\s+$", before, re.I)
    if pm:
        phrase = (pm.start(), y.end())
    elif re.search(r"\b(?:procent|dagar|individer|möten|kartläggningar|personer|deltagare)\s+$", before):
        phrase = (y.start() - 1, y.end())
    else:
        return None
    if re.search(r"\b(?:december|hösten|våren|sedan|från|till|mellan|med|fram|efter|före|än|och)\s*$", text[:phrase[0]], re.I):
        return None
    if text[y.end():y.end() + 1] in ("–", "-") or re.match(r"\s*(?:och|till|–|-)\s*(?:19|20)\d\d", text[y.end():]):
        return None
    outside = [s for s in sentence.spans if not in_ranges(s.start, parens)]
    if not any(s.facts for s in outside) or any(f.period != year for s in outside for f in s.facts):
        return None
    words = list(re.finditer(r"\S+", text))
    verb = next((k for k, w in enumerate(words[:6]) if w.group(0) in _FINITE), None)
    if verb is None or verb == 0 or verb > 5:
        return None
    subject = words[:verb]
    subj_text = text[:words[verb - 1].end()]
    if subject[0].group(0).lower() in _PREPOSITIONS or re.search(r"\d|,|\bsom\b|\(", subj_text):
        return None
    if any(s.start < words[verb].start() for s in sentence.spans) or phrase[0] < words[verb].end():
        return None
    if re.search(r",|\b(?:att|som|när|då|om|eftersom|medan|där|vilket|vilka|samt|men)\b", text[words[verb].end():phrase[0]]):
        return None  # the year belongs to a subordinate clause; fronting it would change what it dates
    first = subject[0].group(0)
    subj = sentence.slice(0, words[verb - 1].end())
    if first not in _PROPER:
        subj = subj.with_case(upper=False)
    verb_text = words[verb].group(0)
    rest = sentence.slice(words[verb].end(), phrase[0]) + sentence.slice(phrase[1], len(text))
    return Marked(f"Under {year} {verb_text} ") + subj + rest


_PARTICIPLES = ("genomfört", "genomförts", "avslutat", "deltagit", "förbrukat", "förbrukats", "ökat", "minskat",
                "påbörjat", "fått", "finansierat", "startat", "tilldelats", "uppnått", "lämnat", "gjort", "gjorts")
_FRONT_YEAR = re.compile(r"^(?P<phrase>(?:Under|År) (?:år )?(?P<year>(?:19|20)\d{2})) (?P<aux>har|hade) "
                         r"(?P<subj>[^,()]+?) (?P<part>" + "|".join(_PARTICIPLES) + r")\b(?P<rest>.*)$", re.S)


def s_year_from_front(sentence: Marked) -> Optional[Marked]:
    """'Under 2022 har totalt 1 633 möten genomförts (...)' -> 'Totalt 1 633 möten har under 2022 genomförts (...)'."""
    mt = _FRONT_YEAR.match(sentence.text)
    if not mt or re.search(r"\b(?:som|att|när|och|eller)\b", mt.group("subj")):
        return None
    parens = paren_ranges(sentence.text)
    outside = [s for s in sentence.spans if not in_ranges(s.start, parens)]
    if not any(s.facts for s in outside) or any(f.period != mt.group("year") for s in outside for f in s.facts):
        return None
    try:
        subj = sentence.slice(mt.start("subj"), mt.end("subj"))
        rest = sentence.slice(mt.start("part"), len(sentence.text))
    except ValueError:
        return None
    if subj.text.split(" ")[0] not in _PROPER:
        subj = subj.with_case(upper=True)
    return subj + f" {mt.group('aux')} under {mt.group('year')} " + rest


def s_year_phrase(sentence: Marked) -> Optional[Marked]:
    """'Under 2019 har ...' <-> 'År 2019 har ...': another way to front the year."""
    mt = re.match(r"^(Under|År) ((?:19|20)\d{2})\b", sentence.text)
    if not mt or not any(s.facts for s in sentence.spans):
        return None
    return sentence.replace(0, mt.end(1), "År" if mt.group(1) == "Under" else "Under")


_AGENT = r"(?P<agent>myndigheterna|Myndigheterna|Arbetsförmedlingen och Försäkringskassan|Försäkringskassan och Arbetsförmedlingen|Arbetsförmedlingen|Försäkringskassan)"
_TAIL = r"(?P<tail>(?:\s(?:tillsammans|hos|för|med|under|inom|jämfört|i|vid|till|per|efter|vilket)\b.*)|(?:\s?[,(:;].*)|(?:[.!?]?(?:<sup>\d+</sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?\s*))$"
_OBJ = r"(?P<obj>[^,()]*?\d[^,()]*?)"
_VOICE = (
    # active perfect -> passive perfect: "har myndigheterna genomfört 8 662 kartläggningar" -> "har 8 662 kartläggningar genomförts av myndigheterna"
    (re.compile(rf"^(?P<front>\S.*?) (?P<aux>har|hade) {_AGENT} (?P<verb>genomfört|förbrukat) {_OBJ}{_TAIL}"),
     ("front", " ", "aux", " ", "obj", " ", "verb:pass_perf", " av ", "agent:lower", "tail")),
    # V2 active past -> passive past: "Under 2022 genomförde myndigheterna 8 991 ..." -> "Under 2022 genomfördes 8 991 ... av myndigheterna"
    (re.compile(rf"^(?P<front>\S.*?) (?P<verb>genomförde|förbrukade) {_AGENT} {_OBJ}{_TAIL}"),
     ("front", " ", "verb:pass_past", " ", "obj", " av ", "agent:lower", "tail")),
    # subject first: "Arbetsförmedlingen förbrukade cirka 345 miljoner ..." -> "Cirka 345 miljoner ... förbrukades av Arbetsförmedlingen"
    (re.compile(rf"^{_AGENT} (?P<verb>genomförde|förbrukade) {_OBJ}{_TAIL}"),
     ("obj:cap", " ", "verb:pass_past", " av ", "agent:lower", "tail")),
    # passive perfect -> active with the neutral agent "man": "har totalt 4 647 möten genomförts" -> "har man genomfört totalt 4 647 möten"
    (re.compile(rf"^(?P<front>\S.*?) (?P<aux>har|hade) (?P<adv>(?:även|också) )?{_OBJ} (?P<verb>genomförts)(?P<tail>.*)$"),
     ("front", " ", "aux", " man ", "adv", "verb:act_perf", " ", "obj", "tail")),
    # passive past -> active past: "År 2015 genomfördes över 20 000 ..." -> "År 2015 genomförde man över 20 000 ..."
    (re.compile(rf"^(?P<front>\S.*?) (?P<verb>genomfördes) {_OBJ}{_TAIL}"),
     ("front", " ", "verb:act_past", " man ", "obj", "tail")),
)
_VERB_FORMS = {"pass_perf": {"genomfört": "genomförts", "förbrukat": "förbrukats"},
               "pass_past": {"genomförde": "genomfördes", "förbrukade": "förbrukades"},
               "act_perf": {"genomförts": "genomfört"},
               "act_past": {"genomfördes": "genomförde"}}


def s_voice(sentence: Marked) -> Optional[Marked]:
    text = sentence.text
    for rx, template in _VOICE:
        mt = rx.match(text)
        if not mt:
            continue
        if "front" in rx.groupindex and re.search(r"\bsom$", mt.group("front")):
            continue
        obj_spans = [s for s in sentence.spans if mt.start("obj") <= s.start and s.end <= mt.end("obj")]
        if not any(s.facts for s in obj_spans) or _YEAR.fullmatch(mt.group("obj").strip()):
            continue
        out = Marked("")
        try:
            for piece in template:
                name, _, mod = piece.partition(":")
                if name not in rx.groupindex:
                    out = out + piece
                    continue
                if mt.group(name) is None:
                    continue
                if name == "verb":
                    out = out + _VERB_FORMS[mod][mt.group("verb")]
                    continue
                part = sentence.slice(mt.start(name), mt.end(name))
                if mod == "cap":
                    part = part.with_case(upper=True)
                elif mod == "lower" and part.text.split(" ")[0] not in _PROPER:
                    part = part.with_case(upper=False)
                out = out + part
        except ValueError:
            continue
        if len(out.spans) != len(sentence.spans):
            continue
        return out
    return None


def _per_sentence(u: SentenceUnit, fn: Callable[[Marked], Optional[Marked]]) -> Optional[Marked]:
    m = u.marked
    bounds = sentence_bounds(m.text)
    out = Marked("")
    changed = False
    pos = 0
    for a, b in bounds:
        try:
            sent = m.slice(a, b)
            between = m.slice(pos, a)
        except ValueError:
            return None
        new = fn(sent)
        out = out + between + (new if new is not None else sent)
        changed = changed or new is not None
        pos = b
    out = out + m.slice(pos, len(m.text))
    return out if changed else None


def s_reworded(u: SentenceUnit) -> SentenceVariants:
    new = s_reorder(u)
    if new:
        yield "reworded", "sentences_reordered", new, []
    new = _per_sentence(u, lambda s: s_year_front(s, u.year))
    if new:
        yield "reworded", "year_to_front", new, []
    new = _per_sentence(u, s_year_from_front)
    if new:
        yield "reworded", "year_from_front", new, []
    new = _per_sentence(u, s_year_phrase)
    if new:
        yield "reworded", "year_phrase_under_ar", new, []
    new = _per_sentence(u, s_voice)
    if new:
        yield "reworded", "active_passive", new, []


SENTENCE_TRANSFORMS = (s_number_format, s_units, s_footnote_markers, s_qualifiers, s_number_words, s_reworded)


# --- everything -----------------------------------------------------------------------------

@dataclass
class Sources:
    tables: list[TableUnit]
    sentences: list[SentenceUnit]
    unpaired: list[dict]  # gold facts of annotated tables/lines that could not be placed exactly
    skipped_tables: int  # tables left out (garbled conversion)


def load_sources() -> Sources:
    from ingest.reader import read_path

    gold = load_gold()
    manifest = load_manifest()
    by_doc: dict[str, list[tuple[int, dict]]] = defaultdict(list)
    for gid, g in enumerate(gold):
        by_doc[g["doc"]].append((gid, g))
    tables, sentences, unpaired = [], [], []
    skipped = 0
    for doc_id, entry in manifest.items():
        if doc_id not in by_doc:
            continue
        path = CORPUS / entry["file"]
        document = read_path(path, doc_id=doc_id)
        lines = path.read_text(encoding="utf-8").splitlines()
        year = int(entry.get("reporting_year") or document.metadata.reporting_year)
        heading = next((b for b in document.blocks if b.kind == "heading"), None)
        title = ""
        if heading is not None and not heading.section:  # one title heading all sections sit under
            under = [b for b in document.blocks if b.section]
            if under and sum(1 for b in under if b.section[0] == heading.text) > 0.9 * len(under):
                title = heading.text
        t, u1 = table_units(document, by_doc[doc_id], lines, year, title)
        s, u2 = sentence_units(document, by_doc[doc_id], lines, year, title)
        skipped += sum(1 for tb in document.tables if any(
            reconstructed(g) for _, g in by_doc[doc_id] if g.get("kind") == "table" and tb.line_start <= g["line"] <= tb.line_end))
        tables += t
        sentences += s
        unpaired += u1 + u2
    return Sources(tables, sentences, unpaired, skipped)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("å", "a").replace("ä", "a").replace("ö", "o")).strip("-")


def _variant(unit_id: str, source: str, dim: str, name: str, page: Page, year: int) -> Variant:
    return Variant(id=_slug(f"{unit_id}-{dim}-{name}"), unit=unit_id, source=source, dimension=dim, name=name,
                   lines=page.lines, truth=page.truth, ignore=page.ignore, year=year)


def generate(sources: Optional[Sources] = None, dimensions: Optional[Iterable[str]] = None) -> list[Variant]:
    """Every variant of every source unit (baseline included), in a stable order."""
    src = sources or load_sources()
    want = set(dimensions) if dimensions else set(DIMENSIONS)
    out: list[Variant] = []
    for u in src.tables:
        base = table_doc(u)
        if "baseline" in want:
            out.append(_variant(u.id, "table", "baseline", "as_printed", base.write(), u.year))
        for fn in TABLE_TRANSFORMS:
            for dim, name, d in fn(base):
                if dim in want:
                    v = _variant(u.id, "table", dim, name, d.write(), u.year)
                    if v.truth:
                        out.append(v)
    for u in src.sentences:
        if "baseline" in want:
            out.append(_variant(u.id, "sentence", "baseline", "as_printed", write_sentence(u, u.marked), u.year))
        for fn in SENTENCE_TRANSFORMS:
            for dim, name, m, notes in fn(u):
                if dim in want and m.text != u.marked.text:
                    v = _variant(u.id, "sentence", dim, name, write_sentence(u, m, notes), u.year)
                    if v.truth:
                        out.append(v)
    seen: dict[str, int] = {}
    for v in out:  # ids must be unique file names
        n = seen.get(v.id, 0)
        seen[v.id] = n + 1
        if n:
            v.id = f"{v.id}-{n + 1}"
    return out


def sample(variants: list[Variant], per_dimension: Optional[int], seed: int = 0) -> list[Variant]:
    """At most `per_dimension` variants of each (dimension, source) pair, drawn with `seed`; the
    baselines of the drawn units are always kept, so every draw can be compared with its original."""
    if not per_dimension:
        return variants
    groups: dict[tuple[str, str], list[Variant]] = defaultdict(list)
    for v in variants:
        if v.dimension != "baseline":
            groups[(v.dimension, v.source)].append(v)
    keep: set[str] = set()
    for key in sorted(groups):
        vs = groups[key]
        rng = random.Random(f"{seed}:{key[0]}:{key[1]}")  # one draw per group: other groups do not shift it
        keep.update(v.id for v in (rng.sample(vs, per_dimension) if len(vs) > per_dimension else vs))
    units = {v.unit for v in variants if v.id in keep}
    return [v for v in variants if v.id in keep or (v.dimension == "baseline" and v.unit in units)]


def write_all(variants: Iterable[Variant], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for v in variants:
        p = folder / f"{v.id}.txt"
        p.write_text(v.text, encoding="utf-8")
        paths.append(p)
    return paths


__all__ = ["DIMENSIONS", "Marked", "Sources", "Span", "Truth", "Variant", "fmt_decimal", "generate", "load_sources",
           "occurrences", "regroup", "sample", "write_all"]
