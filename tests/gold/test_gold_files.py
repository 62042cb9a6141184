"""The hand-made gold files stay consistent with the corpus text and the measure catalogue.

The gold sets are data that benchmarks and check tests score against; a typo in a line
number or a renamed catalogue key would silently turn a right answer into a miss. These
tests read only YAML and text, so they are fast and need no NLP model.
"""
from __future__ import annotations

import html
import tomllib
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold"
DATA = ROOT / "tests" / "data"
CORPUS = ROOT / "corpus"
CATALOGUE = ROOT / "nlp" / "measures.yaml"

KINDS = {"summary", "body", "table", "footnote"}
QUALIFIERS = {"exact", "approximate", "over", "under"}
FINDING_TYPES = {"restatement", "summary_vs_body", "text_vs_table", "arithmetic", "share_vs_counts",
                 "trend_claim", "unit_slip", "revision_explained", "definition_change"}
SEVERITIES = {"error", "rounding", "definition", "info"}
BREAKDOWN_KEYS = {"kon", "forman", "alder", "myndighet", "grupp", "post", "sysselsattning", "samverkan",
                  "aktor", "kohort", "forandring", "skillnad"}
FIXED_VALUES = {"kon": {"kvinnor", "män"},
                "forman": {"sjukpenning", "aktivitetsersättning", "sjukersättning"},
                "myndighet": {"Arbetsförmedlingen", "Försäkringskassan"}}
UNIT_SUFFIXES = ("_antal", "_andel", "_kronor", "_dagar", "_ar")

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


@lru_cache(maxsize=None)
def doc_files() -> dict[str, Path]:
    """Doc id -> text file: the manifest for the corpus, the file stem for tests/data."""
    manifest = tomllib.loads((CORPUS / "manifest.toml").read_text(encoding="utf-8"))
    files = {r["id"]: CORPUS / r["file"] for r in manifest["report"]}
    files.update({p.stem: p for p in [*DATA.glob("*.txt"), *DATA.glob("*.md"), *DATA.glob("*.html")]})
    return files


@lru_cache(maxsize=None)
def text_lines(doc: str) -> tuple[str, ...]:
    path = doc_files()[doc]
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":  # a web page's gold quotes what the page shows: "2&nbsp;904" is printed "2 904"
        text = html.unescape(text)
    # a gold quotes what a reader sees: a no-break space ("2\xa0904") is printed as a space
    text = text.replace("\xa0", " ").replace("\u202f", " ")
    return tuple(text.split("\n"))


@lru_cache(maxsize=None)
def catalogue() -> dict[str, dict]:
    return {m["key"]: m for m in load(CATALOGUE)}


def fact_files() -> list[Path]:
    return [GOLD / "facts.yaml", *sorted(DATA.glob("*.facts.yaml"))]


@lru_cache(maxsize=None)
def all_facts() -> tuple[dict, ...]:
    out = []
    for path in fact_files():
        out.extend(load(path))
    return tuple(out)


def test_catalogue_entries_are_complete():
    keys = [m["key"] for m in load(CATALOGUE)]
    assert len(keys) == len(set(keys)), "duplicate measure keys"
    for key, m in catalogue().items():
        assert key.isascii() and key == key.lower() and key.endswith(UNIT_SUFFIXES), key
        assert m["label"] and m["definition"] and m["unit"], key
        assert set(m["breakdowns"]) <= BREAKDOWN_KEYS, key
        if key.endswith("_andel"):
            assert m.get("denominator"), f"{key}: a share needs its denominator"
        if m.get("counts_of"):
            assert m["counts_of"] in catalogue(), key
        for note in m.get("notes", []):
            assert set(note) == {"text", "years", "source"}, key


@pytest.mark.parametrize("path", fact_files(), ids=lambda p: p.name)
def test_gold_facts_sit_on_their_lines(path):
    for f in load(path):
        line = text_lines(f["doc"])[f["line"] - 1]
        printed = str(f["printed"]).replace("\xa0", " ").replace("\u202f", " ")
        assert printed.lower() in line.lower(), f
        assert f["measure"] == "unclassified" or f["measure"] in catalogue(), f
        assert f["kind"] in KINDS and f["qualifier"] in QUALIFIERS, f
        assert isinstance(f["value"], (int, float)) and isinstance(f["period"], str), f
        for key, value in f["breakdown"].items():
            assert key in BREAKDOWN_KEYS, f
            assert value in FIXED_VALUES.get(key, {value}), f
        if f["kind"] == "table":
            assert "col_header" in f and "row_header" in f, f


def test_nonfacts_sit_on_their_lines_and_are_not_facts():
    facts = {(f["doc"], f["line"], f["printed"]) for f in all_facts()}
    nonfacts = load(GOLD / "nonfacts.yaml")
    assert len(nonfacts) >= 80
    for n in nonfacts:
        assert n["printed"] in text_lines(n["doc"])[n["line"] - 1], n
        assert n["why"], n
        assert (n["doc"], n["line"], n["printed"]) not in facts, n


@pytest.mark.parametrize("path", [GOLD / "findings.yaml", DATA / "planted-findings.yaml"], ids=lambda p: p.name)
def test_findings_point_at_gold_facts(path):
    data = load(path)
    known = {(f["doc"], f["line"], float(f["value"])) for f in all_facts()}
    for finding in data["findings"]:
        assert finding["type"] in FINDING_TYPES and finding["severity"] in SEVERITIES, finding["id"]
        assert finding["measure"] in catalogue(), finding["id"]
    for item in data["findings"] + data["consistent"]:
        for fx in item["facts"]:
            if fx["value"] == 0 and not fx.get("printed", "0")[0].isdigit():
                continue  # a claim without a figure of its own ("ökade", "minskade mest")
            assert (fx["doc"], fx["line"], float(fx["value"])) in known, (item.get("id"), fx)


def test_planted_findings_cover_every_type():
    planted = load(DATA / "planted-findings.yaml")["findings"]
    assert {f["type"] for f in planted} == FINDING_TYPES
