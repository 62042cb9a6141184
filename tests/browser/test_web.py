"""The web page in a real browser: headless Chromium driven by Playwright over the served KB.

The set-up installs what it needs itself: Chromium from the Debian packages (`chromium`,
`chromium-driver`) when /usr/bin/chromium is missing, and a KB built from corpus/ (lexical
index only, so no embedding model is needed). The server is uvicorn on a free local port in
a background thread. Screenshots go to tests/out/screenshots/ and the final ones are copied
to docs/screenshots/ for the README.

Run: pytest -m browser tests/browser
"""
from __future__ import annotations

import io
import os
import re
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SHOTS = ROOT / "tests" / "out" / "screenshots"
README_SHOTS = ROOT / "docs" / "screenshots"
QUERY = "andel omställningsmöte 2019"


def ensure_chromium() -> Path:
    """/usr/bin/chromium, installed with apt-get when missing (CI runs as root on Debian)."""
    if CHROMIUM.exists():
        return CHROMIUM
    apt = shutil.which("apt-get")
    if apt is None:
        pytest.skip("headless Chromium is not installed at /usr/bin/chromium and apt-get is not available to "
                    "install it (Debian packages chromium, chromium-driver)")
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (["update", "-q"], ["install", "-y", "-q", "chromium", "chromium-driver"]):
        done = subprocess.run([*sudo, apt, *cmd], env=env, capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            pytest.fail(f"apt-get {' '.join(cmd)} failed ({done.returncode}): {done.stderr[-2000:]}")
    if not CHROMIUM.exists():
        pytest.fail("apt-get installed chromium but /usr/bin/chromium is still missing")
    return CHROMIUM


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    return ensure_chromium()


@pytest.fixture(scope="session")
def kb_path(tmp_path_factory) -> Path:
    from api.build import build_kb

    db = tmp_path_factory.mktemp("web") / "rapportkoll.db"
    report = build_kb([ROOT / "corpus"], db, with_dense=False)
    assert report.facts > 0 and report.findings > 0, report
    return db


def serve(db: Path) -> Iterator[str]:
    """uvicorn serving create_app(db) on a free 127.0.0.1 port; yields the base URL."""
    import uvicorn

    from api.http.app import create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db, load_model=False), log_level="warning", lifespan="on"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not srv.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture(scope="session")
def server(kb_path) -> Iterator[str]:
    yield from serve(kb_path)


def write_report_pdf(path: Path) -> None:
    """A two-page report in the corpus's words, with a ruled table, as a real PDF."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    pdf.set_margins(70, 70, 70)
    pdf.add_page()
    pdf.set_font("helvetica", "B", 15)
    pdf.multi_cell(0, 20, "Antal omställningsmöten")
    pdf.ln(6)
    pdf.set_font("helvetica", size=10)
    pdf.multi_cell(0, 13, "Under året har totalt 4 647 omställningsmöten genomförts (3 109 möten 2018). Med individer som "
                          "inte längre får sjukpenning har 3 887 möten genomförts (2 620 möten 2018). Av dem var 66 procent "
                          "kvinnor.")
    pdf.ln(10)
    pdf.set_font("helvetica", "B", 10)
    pdf.cell(0, 14, "Tabell 6 Antal omställningsmöten", new_x="LMARGIN", new_y="NEXT")
    for i, (label, value) in enumerate([("", "Antal"), ("Totalt", "4 647"), ("Sjukpenning", "3 887"),
                                        ("Aktivitetsersättning", "537"), ("Sjukersättning", "223")]):
        pdf.set_font("helvetica", "B" if i == 0 else "", 9)
        pdf.cell(160, 16, label, border=1)
        pdf.cell(70, 16, value, border=1, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=8)
    pdf.cell(0, 14, "Källa: Försäkringskassan", new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    pdf.multi_cell(0, 13, "Utöver omställningsmöten har även 573 kontaktmöten genomförts (597 möten 2018).")
    pdf.output(str(path))


@pytest.fixture(scope="session")
def pdf_doc(tmp_path_factory) -> dict:
    """A KB holding one PDF report (ingest only), for the page image beside the text."""
    from ingest import store
    from ingest.reader import read_path
    from ingest.records import Document
    from nlp.store import ensure_schema

    folder = tmp_path_factory.mktemp("pdf")
    write_report_pdf(folder / "omstallning.pdf")
    doc = read_path(folder / "omstallning.pdf")
    assert isinstance(doc, Document), doc
    db = folder / "rapportkoll.db"
    with store.building(db) as conn:
        store.save_document(conn, doc)
        ensure_schema(conn)
    block = next(b for b in doc.blocks if "4 647" in b.text and b.bbox)
    return {"db": db, "id": doc.id, "block": block.id, "page": block.page}


@pytest.fixture(scope="session")
def pdf_server(pdf_doc) -> Iterator[str]:
    yield from serve(pdf_doc["db"])


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        # headless comes from --headless=new in CHROMIUM_ARGS; Playwright must not add its own
        b = p.chromium.launch(executable_path=str(chromium_path), headless=False, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that fails the test on a JavaScript error or a request that leaves the server."""
    yield from open_page(browser, server)


def open_page(browser, server: str):
    context = browser.new_context(viewport={"width": 1360, "height": 900}, locale="sv-SE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors: list[str] = []
    foreign: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: foreign.append(r.url) if not r.url.startswith(server) and not r.url.startswith("data:") else None)
    page.base = server
    yield page
    context.close()
    assert not errors, f"JavaScript errors: {errors}"
    assert not foreign, f"the page must work offline, but it requested {foreign}"


def shoot(page, name: str, height: int = 900, readme: bool = True) -> None:
    """A screenshot of the top `height` pixels into tests/out/screenshots/, copied for the README."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / name
    if height > 900:
        page.screenshot(path=str(path), full_page=True, clip={"x": 0, "y": 0, "width": 1360, "height": height})
    else:
        page.screenshot(path=str(path))
    if readme:
        README_SHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, README_SHOTS / name)


def search(page, query: str) -> None:
    """Type the query into the search box and submit with the keyboard, as a user would."""
    page.goto(page.base + "/#/sok")
    box = page.get_by_label("Fråga eller sökord")
    box.fill(query)
    box.press("Enter")
    page.wait_for_selector(".results")


def test_search_shows_every_report_value_with_its_source(page):
    search(page, QUERY)
    assert re.search(r"#/sok\?q=andel", page.url)
    cards = page.locator("article.answer")
    assert cards.count() >= 1
    card = cards.filter(has_text="af-fk-2019").first
    assert "15 %" in card.locator(".value").inner_text()
    assert "cirka" in card.locator(".value").inner_text()
    assert "15 procent" in card.locator("blockquote").inner_text()
    source = card.locator("a.source-link")
    assert "af-fk-2019" in source.inner_text()
    assert re.search(r"(rad|s\.) \d+", source.inner_text())
    assert card.locator("blockquote mark").count() >= 1  # the figure is marked in its quote
    assert page.locator(".interpretation").inner_text().count("2019") >= 1
    assert page.locator(".passage").count() >= 1
    shoot(page, "search.png")


def test_not_reported_is_said_not_guessed(page):
    search(page, "andel omställningsmöte 1995")
    assert page.locator(".not-reported").inner_text().startswith("Inte rapporterat")
    assert page.locator("article.answer").count() == 0


def test_a_definition_question_shows_the_definition_not_a_missing_answer(page):
    search(page, "Vad är en gemensam kartläggning?")
    assert page.locator("#svar-rubrik").inner_text() == "Definition"
    assert "gemensamma kartläggningar" in page.locator(".answer-summary").inner_text().lower()
    assert page.locator(".not-reported").count() == 0 and page.locator("article.answer").count() == 0


def test_api_docs_render_without_the_internet(page):
    """/docs draws every endpoint from files this server serves (no CDN): the test machine is offline."""
    page.goto(page.base + "/docs")
    page.wait_for_selector(".opblock", timeout=15_000)
    assert page.locator(".opblock").count() >= 8
    assert "rapportkoll" in page.locator(".title").first.inner_text()


def test_series_view_draws_one_line_per_vintage(page):
    search(page, QUERY)
    page.locator(".interpretation a").first.click()
    page.wait_for_selector("svg.chart")
    assert re.search(r"#/serie/[\w%]+", page.url)
    # the default breakdown is the one given for most years; two reports give 2019 for it
    assert page.locator("svg.chart g.series").count() == page.locator(".legend li").count() >= 2
    rows = page.locator(".view-series table tbody tr")
    assert rows.count() >= 2
    assert page.locator(".view-series table").inner_text().count("2019") >= 1
    csv_link = page.get_by_role("link", name="Ladda ned CSV")
    response = page.request.get(page.base + "/" + csv_link.get_attribute("href"))
    assert response.status == 200
    assert "text/csv" in response.headers["content-type"]
    assert "period" in response.text().splitlines()[0]
    shoot(page, "series.png", height=1300)


def test_series_breakdown_selector_keeps_focus(page):
    page.goto(page.base + "/#/serie")
    page.wait_for_selector(".measure-list")
    for href in page.locator(".measure-list a").evaluate_all("els => els.map(e => e.getAttribute('href'))"):
        page.goto(page.base + "/" + href)
        page.wait_for_selector(".view-series")
        if page.locator("#val-kon").count():
            break
    else:
        pytest.skip("no measure in the KB is broken down by kön")
    select = page.locator("#val-kon")
    select.focus()
    value = select.locator("option").nth(1).get_attribute("value")
    select.select_option(value)
    page.wait_for_function("v => location.hash.includes('kon=' + encodeURIComponent(v))", arg=value)
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'val-kon'")
    assert page.locator("#val-kon").input_value() == value


def test_audit_view_groups_findings_and_opens_one(page):
    page.goto(page.base + "/#/avvikelser")
    page.wait_for_selector("article.finding")
    assert page.locator("section.finding-type h2").count() >= 1
    assert page.locator(".severity-heading").count() >= 1
    assert page.locator("table.summary tbody tr").count() == page.locator("section.finding-type").count()
    shoot(page, "audit.png", height=1300)
    first = page.locator("article.finding").first
    first.locator("a.permalink").click()
    page.wait_for_function("() => location.hash.includes('id=')")
    target = page.locator("article.finding.target")
    assert target.count() == 1
    page.wait_for_function("() => document.activeElement && document.activeElement.classList.contains('finding')")
    assert target.locator(".quote-card").count() >= 1
    assert target.locator(".explanation").inner_text().strip()
    shoot(page, "audit-finding.png", readme=False)

    page.goto(page.base + "/#/avvikelser")
    page.wait_for_selector("article.finding")
    total = page.locator("article.finding").count()
    page.locator("#filter-allvar").select_option(index=1)
    page.wait_for_function("() => location.hash.includes('allvar=')")
    severity = page.locator("#filter-allvar").input_value()
    shown = page.locator("article.finding")
    assert 1 <= shown.count() <= total
    assert shown.count() == page.locator(f"article.finding.sev-{severity}").count()


def test_conflict_badge_links_to_its_finding(page):
    page.goto(page.base + "/#/avvikelser?allvar=error")
    page.wait_for_selector("article.finding")
    # a restated figure is the commonest conflict; search for its measure and year
    finding = page.locator("article.finding").first
    finding_id = finding.get_attribute("id")[2:]
    assert finding_id
    page.goto(page.base + f"/#/avvikelser?id={finding_id}")
    page.wait_for_selector("article.finding.target")
    assert page.locator("article.finding.target").get_attribute("id") == f"f-{finding_id}"


def test_source_link_opens_the_document_at_the_quote(page):
    search(page, QUERY)
    card = page.locator("article.answer").filter(has_text="af-fk-2019").first
    figure = card.locator("blockquote mark").first.inner_text()
    card.locator("a.source-link").click()
    page.wait_for_selector(".view-document")
    assert "#/dokument/af-fk-2019" in page.url
    target = page.locator(".target").first
    assert target.is_visible()
    assert figure in target.inner_text()
    assert target.locator("mark").count() >= 1
    assert page.locator(".toc a").count() >= 3
    assert page.locator(".footnotes li").count() >= 1
    assert page.locator(".doc-table table").count() >= 1
    assert page.locator("img.page-image").count() == 0  # a text source has no pages
    shoot(page, "document-text.png", readme=False)


def test_keyboard_skip_link_and_navigation(page):
    page.goto(page.base + "/#/sok")
    page.wait_for_selector("#q")
    page.locator("body").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Hoppa till innehållet"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "huvudinnehall"
    nav = page.get_by_role("navigation", name="Huvudmeny")
    nav.get_by_role("link", name="Dokument").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(".view table")
    assert page.evaluate("document.activeElement.tagName") == "H1"
    assert nav.get_by_role("link", name="Dokument").get_attribute("aria-current") == "page"
    assert page.locator("html").get_attribute("lang") == "sv"


def test_pdf_source_shows_the_page_with_the_quote_highlighted(browser, pdf_server, pdf_doc):
    import numpy as np
    from PIL import Image

    for page in open_page(browser, pdf_server):
        page.goto(f"{pdf_server}/#/dokument/{pdf_doc['id']}?block={pdf_doc['block']}&fig=4%20647")
        page.wait_for_selector(".view-document .target")
        assert "4 647" in page.locator(".target mark").first.inner_text()
        image = page.locator("img.page-image")
        page.wait_for_function("() => { const i = document.querySelector('img.page-image'); return i && i.complete && i.naturalWidth > 0; }")
        assert f"Sida {pdf_doc['page']} av 2" in image.get_attribute("alt")
        response = page.request.get(f"{pdf_server}/{image.get_attribute('src')}")
        assert response.status == 200 and response.headers["content-type"] == "image/png"
        pixels = np.asarray(Image.open(io.BytesIO(response.body())).convert("RGB")).astype(int)
        yellow = int(((pixels[..., 0] > 230) & (pixels[..., 1] > 200) & (pixels[..., 2] < 180)).sum())
        assert yellow > 500  # the highlight box over the quoted block
        page.get_by_role("link", name="Nästa ›").click()
        page.wait_for_function("() => document.querySelector('img.page-image')?.alt.startsWith('Sida 2')")
        page.go_back()
        page.wait_for_function("() => document.querySelector('img.page-image')?.alt.startsWith('Sida 1')")
        page.wait_for_function("() => document.querySelector('img.page-image').complete")
        shoot(page, "document.png")
