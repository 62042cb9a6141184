"""Findings as an auditor's report in Swedish: Markdown, or one self-contained HTML page.

Pure functions from findings to text. The report opens with the counts per severity and per
type, then one section per type (in CHECKS order) with each finding's explanation and the
quotes it rests on side by side, so a reader sees both figures without opening the reports.
The HTML carries its own CSS and loads nothing from the network.
"""
from __future__ import annotations

import html
from collections import Counter
from typing import Iterable, Mapping, Optional, Sequence

from nlp.checks import CHECKS
from nlp.checks.base import KIND_WORDS, CheckSpec, breakdown_words, where
from nlp.records import SEVERITIES, Finding, FindingFact

SEVERITY_WORDS = {"error": "fel", "definition": "ändrad definition", "rounding": "avrundning", "info": "information"}
DEFAULT_TITLE = "Granskning av rapporternas siffror"


def _checks(checks: Optional[Mapping[str, CheckSpec]]) -> Mapping[str, CheckSpec]:
    return CHECKS if checks is None else checks


def _grouped(findings: Sequence[Finding], checks: Mapping[str, CheckSpec]) -> list[tuple[str, list[Finding]]]:
    order = list(checks) + sorted({f.type for f in findings} - set(checks))
    return [(t, [f for f in findings if f.type == t]) for t in order if any(f.type == t for f in findings)]


def _title_of(t: str, checks: Mapping[str, CheckSpec]) -> str:
    return checks[t].title if t in checks else t


def _fact_place(ref: FindingFact) -> str:
    kind = KIND_WORDS.get(ref.kind, ref.kind)
    return ", ".join(x for x in (ref.doc, kind, where(ref)) if x)


def _md_cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


# --- Markdown -------------------------------------------------------------------------------

def render_markdown(
    findings: Iterable[Finding], checks: Optional[Mapping[str, CheckSpec]] = None, title: str = DEFAULT_TITLE
) -> str:
    """The report as Markdown: counts, then per type each finding with its quotes in one table."""
    fs = list(findings)
    cs = _checks(checks)
    out = [f"# {title}", ""]
    if not fs:
        return "\n".join(out + ["Inga avvikelser hittades.", ""])
    sev = Counter(f.severity for f in fs)
    out += [f"{len(fs)} avvikelser: " + ", ".join(f"{sev[s]} {SEVERITY_WORDS[s]}" for s in SEVERITIES if sev[s]) + ".", ""]
    out += ["| Typ | Antal | " + " | ".join(SEVERITY_WORDS[s].capitalize() for s in SEVERITIES) + " |"]
    out += ["|---|---:|" + "---:|" * len(SEVERITIES)]
    for t, group in _grouped(fs, cs):
        c = Counter(f.severity for f in group)
        out.append(f"| {_md_cell(_title_of(t, cs))} (`{t}`) | {len(group)} | " + " | ".join(str(c[s]) for s in SEVERITIES) + " |")
    out.append("")
    for t, group in _grouped(fs, cs):
        out += [f"## {_title_of(t, cs)} (`{t}`)", ""]
        if t in cs:
            out += [f"_{cs[t].description}_", ""]
        for i, f in enumerate(group, 1):
            out += _md_finding(i, f)
    return "\n".join(out)


def _md_finding(i: int, f: Finding) -> list[str]:
    head = f"### {i}. {SEVERITY_WORDS[f.severity].capitalize()}: {f.measure}, {f.period or 'okänt år'}, {breakdown_words(f.breakdown)}"
    lines = [head, "", f"Id `{f.id}`. Förväntat: {_md_cell(f.expected)}. Funnet: {_md_cell(f.found)}.", "", f.explanation, ""]
    if f.facts:
        cols = list(f.facts)
        lines.append("| | " + " | ".join(_md_cell(_fact_place(r)) for r in cols) + " |")
        lines.append("|---|" + "---|" * len(cols))
        lines.append("| Värde | " + " | ".join(_md_cell(r.printed or r.value) for r in cols) + " |")
        lines.append("| År | " + " | ".join(_md_cell(r.period) for r in cols) + " |")
        lines.append("| Publicerad | " + " | ".join(_md_cell(r.published) for r in cols) + " |")
        lines.append("| Citat | " + " | ".join(f"”{_md_cell(r.quote)}”" for r in cols) + " |")
        lines.append("")
    return lines


# --- HTML -----------------------------------------------------------------------------------

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d1d1f;line-height:1.45}
h1{font-size:1.7rem}h2{margin-top:2.4rem;border-bottom:2px solid #ddd;padding-bottom:.2rem}
table.summary{border-collapse:collapse;margin:1rem 0}table.summary td,table.summary th{border:1px solid #ccc;padding:.3rem .6rem;text-align:right}
table.summary td:first-child,table.summary th:first-child{text-align:left}
.finding{border:1px solid #ddd;border-left:6px solid #999;border-radius:4px;padding:.8rem 1rem;margin:1rem 0;background:#fff}
.finding.error{border-left-color:#c62828}.finding.definition{border-left-color:#6a1b9a}.finding.rounding{border-left-color:#ef6c00}.finding.info{border-left-color:#1565c0}
.badge{display:inline-block;font-size:.8rem;font-weight:600;padding:.05rem .5rem;border-radius:1rem;color:#fff;background:#999;margin-right:.4rem}
.badge.error{background:#c62828}.badge.definition{background:#6a1b9a}.badge.rounding{background:#ef6c00}.badge.info{background:#1565c0}
.meta{color:#555;font-size:.9rem}.quotes{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:.7rem;margin-top:.7rem}
.quote{background:#f6f6f8;border-radius:4px;padding:.6rem .8rem;font-size:.92rem}.quote .value{font-size:1.25rem;font-weight:700}
.quote blockquote{margin:.4rem 0 0;padding-left:.6rem;border-left:3px solid #ccc;color:#333}
.desc{color:#444;font-style:italic}code{background:#f0f0f0;padding:0 .2rem;border-radius:3px}
"""


def render_html(
    findings: Iterable[Finding], checks: Optional[Mapping[str, CheckSpec]] = None, title: str = DEFAULT_TITLE
) -> str:
    """The report as one HTML page with inline CSS: counts, then per type cards with quotes side by side."""
    fs = list(findings)
    cs = _checks(checks)
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="sv"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{e(title)}</h1>",
    ]
    if not fs:
        parts.append("<p>Inga avvikelser hittades.</p></body></html>")
        return "\n".join(parts)
    sev = Counter(f.severity for f in fs)
    parts.append(
        "<p>" + e(f"{len(fs)} avvikelser: ")
        + ", ".join(f'<span class="badge {s}">{sev[s]} {e(SEVERITY_WORDS[s])}</span>' for s in SEVERITIES if sev[s])
        + "</p>"
    )
    parts.append('<table class="summary"><tr><th>Typ</th><th>Antal</th>' + "".join(f"<th>{e(SEVERITY_WORDS[s].capitalize())}</th>" for s in SEVERITIES) + "</tr>")
    for t, group in _grouped(fs, cs):
        c = Counter(f.severity for f in group)
        parts.append(
            f'<tr><td><a href="#{e(t)}">{e(_title_of(t, cs))}</a></td><td>{len(group)}</td>'
            + "".join(f"<td>{c[s]}</td>" for s in SEVERITIES) + "</tr>"
        )
    parts.append("</table>")
    for t, group in _grouped(fs, cs):
        parts.append(f'<h2 id="{e(t)}">{e(_title_of(t, cs))} <code>{e(t)}</code></h2>')
        if t in cs:
            parts.append(f'<p class="desc">{e(cs[t].description)}</p>')
        for f in group:
            parts.append(_html_finding(f))
    parts.append("</body></html>")
    return "\n".join(parts)


def _html_finding(f: Finding) -> str:
    e = html.escape
    quotes = "".join(
        '<div class="quote">'
        f'<div class="meta">{e(_fact_place(r))}{e(", publicerad " + r.published) if r.published else ""}</div>'
        f'<div class="value">{e(str(r.printed or r.value))}</div>'
        f'<div class="meta">{e(r.period or "")}</div>'
        f"<blockquote>{e(r.quote)}</blockquote></div>"
        for r in f.facts
    )
    return (
        f'<div class="finding {e(f.severity)}" id="f-{e(f.id)}">'
        f'<div><span class="badge {e(f.severity)}">{e(SEVERITY_WORDS[f.severity])}</span>'
        f"<strong>{e(f.measure)}</strong>, {e(f.period or 'okänt år')}, {e(breakdown_words(f.breakdown))}</div>"
        f'<div class="meta">Förväntat: {e(f.expected)} · Funnet: {e(f.found)} · id <code>{e(f.id)}</code></div>'
        f"<p>{e(f.explanation)}</p>"
        f'<div class="quotes">{quotes}</div></div>'
    )
