"""Heading and table-of-contents lines: a numbered heading's level ("4.2 Omställningsmöten"), a
contents entry ("Sammanfattning<TAB>4", "1. Inledning.....6"), a title cleaned of its markup."""
from __future__ import annotations

import re
from typing import Optional

from .text_markup import split_markers, strip_tags


# "4.2 Omställningsmöten", and "2 2000-talets första år": a title may open with a decade or year word
# ("§ 5 Svar på interpellation ...": a protocol's numbered items are its sections)
NUMBERED_HEADING = re.compile(r"^(?:§\s*)?(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+([A-ZÅÄÖ\"”«].{2,150}|\d{2,4}-[a-zåäö].{2,150})$")
DOT_LEADER = re.compile(r"(?:\.{4,}|…{2,})\s*\d{0,3}\s*$")
TOC_LINE = re.compile(r"^(.*?)(?:\s*\.{3,}\s*|\t+\s*|\s{2,})(\d{1,3})\s*$")


TOC_TITLE = re.compile(r"^\s*(?:innehållsförteckning|innehåll)\s*$", re.I)


def is_toc_line(line: str, in_toc: bool = False) -> bool:
    """'Sammanfattning<TAB>4' or '1. Inledning.....<TAB>6': a table-of-contents entry.

    Inside a table of contents any "title<TAB>page" line is an entry; elsewhere the title
    must not end in digits (a two-column table row "Sjukpenning<TAB>905" otherwise looks alike).
    """
    cells = [c for c in line.split("\t") if c.strip()]
    if in_toc and len(cells) >= 2 and re.fullmatch(r"\d{1,3}", cells[-1].strip()) and re.search(r"[A-Za-zÅÄÖåäö]{3}", cells[0] + cells[-2]):
        return True
    if len(cells) == 2 and re.fullmatch(r"\d{1,3}", cells[1].strip()) and not re.fullmatch(r"[\d\s,.%−\-]+", cells[0]):
        first = cells[0].strip()
        return bool(DOT_LEADER.search(line)) or not re.search(r"\d", first[-3:]) and len(first) > 3
    if len(cells) == 3 and re.fullmatch(r"\d{1,2}(?:\.\d{1,2})*", cells[0].strip()) and re.fullmatch(r"\d{1,3}", cells[2].strip()):
        return True  # "4<TAB>"Hamna mellan stolarna"<TAB>41"
    return False


def clean_title(text: str) -> str:
    text = strip_tags(split_markers(text)[0])
    text = DOT_LEADER.sub("", text)
    text = re.sub(r"\t+\d{1,3}\s*$", "", text)
    text = text.replace("\t", " ")
    return re.sub(r"\s+", " ", text).strip(" .")


def normalised_title(text: str) -> str:
    return re.sub(r"[^\wåäö]+", " ", clean_title(text).lower()).strip()


def numbered_level(text: str) -> Optional[int]:
    m = NUMBERED_HEADING.match(text.strip())
    if not m or len(text) > 160 or text.rstrip().endswith((".", ":", ";", ",")):
        return None
    return m.group(1).count(".") + 1
