"""An HTML page (a report published as a web page) -> the lines the text reader knows, one for one.

Every line of the page stays a line, so a figure keeps the line it is printed on (provenance for a
text source is its line). Markup becomes the notation the reader already reads: `<h2>` a `##`
heading, `<li>` a `- ` item, `<sup>2</sup>` a superscript marker, entities their characters;
tables are left as HTML for ingest.text_tab_rows. What a page shows no reader (`<head>`, scripts,
styles, comments, navigation) becomes blank lines. Where an HTML block (a paragraph, an item, a
heading) starts is returned too: on a page two paragraphs may stand on consecutive lines with no
blank line between, and the reader must not join them.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from .text_markup import sup_tags_as_superscripts

# Elements whose content no reader sees (or that only repeat the site's menus).
_HIDDEN = re.compile(r"<!--.*?-->|<(head|script|style|nav|noscript|template|svg)\b[^>]*>.*?</\1\s*>",
                     re.IGNORECASE | re.DOTALL)
_TABLE = re.compile(r"<table\b.*?</table\s*>", re.IGNORECASE | re.DOTALL)
# Elements that open a block of their own: what follows their tag starts a new run.
_BLOCK_OPEN = re.compile(r"<(p|li|h[1-6]|div|dt|dd|blockquote|figcaption|caption|section|article|header|footer|"
                         r"aside|main|pre|address|details|summary)\b[^>]*>", re.IGNORECASE)
_BLOCK_CLOSE = re.compile(r"</(?:p|li|h[1-6]|div|dt|dd|blockquote|figcaption|section|article|header|footer|aside|"
                          r"main|pre|address|details|summary|ul|ol|dl|figure)\s*>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>", re.DOTALL)
_TERM_END = re.compile(r"(?<![:.])\s*</dt\s*>", re.IGNORECASE)
_DOCTYPE = re.compile(r"<!DOCTYPE[^>]*>", re.IGNORECASE)


def is_html(text: str) -> bool:
    """Whether text named .html (or .htm) holds markup at all (a page saved as plain text does not)."""
    return bool(re.search(r"<(?:html|body|p|h[1-6]|table|div)\b", text[:20000], re.IGNORECASE))


def _blank(match: re.Match[str]) -> str:
    """The matched markup as spaces, its line breaks kept."""
    return re.sub(r"[^\n]", " ", match.group(0))


def html_to_lines(text: str) -> tuple[list[str], set[int]]:
    """(lines, block starts): the page as text lines, as many as `text.splitlines()` gives, and the
    0-based lines on which an HTML block begins (the reader starts a new paragraph there)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _DOCTYPE.sub(_blank, _HIDDEN.sub(_blank, text))
    text = _MULTILINE_TAG.sub(_one_line_tag, text)
    text = _without_layout_tables(text)
    parts: list[str] = []
    starts: set[int] = set()
    pos = 0
    for table in _TABLE.finditer(text):
        converted, block_lines = _convert(text[pos:table.start()], text.count("\n", 0, pos))
        parts += [converted, table.group(0)]  # the table stays HTML for ingest.text_tab_rows
        starts |= block_lines
        pos = table.end()
    converted, block_lines = _convert(text[pos:], text.count("\n", 0, pos))
    parts.append(converted)
    return [line.rstrip() for line in "".join(parts).splitlines()], starts | block_lines


class _TableScan(HTMLParser):
    """Where each <table> and its own rows and cells stand, and whether it lays out a page rather than holds data."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self._starts = [0]
        for line in text.split("\n"):
            self._starts.append(self._starts[-1] + len(line) + 1)
        self.tables: list[dict] = []
        self._open: list[dict] = []

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list) -> None:
        at, raw = self._offset(), self.get_starttag_text() or ""
        if tag == "table":
            if self._open:
                self._open[-1]["layout"] = True  # a table inside a cell: the outer one lays out the page
            # (role="presentation" alone says little: e-mail sets a box of label | value rows so too, and those are data)
            table = {"layout": False, "tags": [(at, at + len(raw))]}
            self.tables.append(table)
            self._open.append(table)
        elif self._open and tag in _TABLE_PARTS:
            self._open[-1]["tags"].append((at, at + len(raw)))
        elif self._open and tag in _LAYOUT_CONTENT:
            self._open[-1]["layout"] = True  # paragraphs and headings in its cells: a page's layout, not data

    def handle_endtag(self, tag: str) -> None:
        at = self._offset()
        if tag == "table" and self._open:
            self._open.pop()["tags"].append((at, at + len(f"</{tag}>")))
        elif self._open and tag in _TABLE_PARTS:
            self._open[-1]["tags"].append((at, at + len(f"</{tag}>")))


_TABLE_PARTS = frozenset({"tr", "td", "th", "tbody", "thead", "tfoot", "caption", "colgroup", "col"})
_LAYOUT_CONTENT = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "div", "blockquote"})


def _without_layout_tables(text: str) -> str:
    """The page with the tags of its layout tables blanked (HTML e-mail sets a whole newsletter in nested
    tables with paragraphs and headings in the cells): their content is read as blocks, and the tables that
    hold data (no paragraphs, headings or tables in their cells) stay tables."""
    scan = _TableScan(text)
    try:
        scan.feed(text)
        scan.close()
    except Exception:  # (a page html.parser cannot follow keeps its tables as they are)
        return text
    chars = list(text)
    for table in scan.tables:
        if table["layout"]:
            for start, end in table["tags"]:
                for k in range(start, min(end, len(chars))):
                    if chars[k] != "\n":
                        chars[k] = " "
    return "".join(chars)


# A tag written over several lines ("<a\n href=...>"): its name stays where it opens, its attributes
# go, and its line breaks stay so every later line keeps its number.
_MULTILINE_TAG = re.compile(r"<(/?[a-zA-Z][a-zA-Z0-9]*)\b[^<>]*\n[^<>]*>")


def _one_line_tag(match: re.Match[str]) -> str:
    return f"<{match.group(1)}>" + "\n" * match.group(0).count("\n")


def _convert(segment: str, first_line: int) -> tuple[str, set[int]]:
    """Markup outside tables as the reader's notation, line for line."""
    starts: set[int] = set()
    lines = segment.split("\n")
    converted: list[str] = []
    pending_prefix = ""
    for k, line in enumerate(lines):
        prefix = pending_prefix
        pending_prefix = ""
        for m in _BLOCK_OPEN.finditer(line):
            name = m.group(1).lower()
            rest = _TAG.sub("", line[m.end():]).strip()
            mark = "#" * int(name[1]) + " " if name[0] == "h" and name[1:].isdigit() else ("- " if name == "li" else "")
            if rest:
                starts.add(first_line + k)
                prefix = prefix or mark
            else:
                starts.add(first_line + k + 1)  # "<p>" alone on its line: the block starts on the next
                pending_prefix = pending_prefix or mark
        if _BLOCK_CLOSE.search(line) and _TAG.sub("", _BLOCK_CLOSE.split(line)[-1]).strip():
            starts.add(first_line + k)  # "...</p> Next text": the next block starts on this line too
        body = sup_tags_as_superscripts(line)
        # a definition list's term labels the definition under it ("Övriga:"), it heads no section
        body = _TERM_END.sub(":", body)
        body = _BLOCK_CLOSE.sub(" ", body)
        body = html.unescape(_TAG.sub("", body))
        body = body.strip() if (prefix or first_line + k in starts) else body.rstrip()
        converted.append(prefix + body if body else "")
    return "\n".join(converted), starts
