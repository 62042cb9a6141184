"""read_path / read_paths: every kind of bad input is reported by name and the batch goes on."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.manifest import infer_metadata
from ingest.reader import iter_report_files, read_path, read_paths
from ingest.records import Document, IngestFailure


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "empty"),
        ("blank.md", b"  \n\n", "empty"),
        ("empty.pdf", b"", "empty"),
        ("report.pdf", b"Det h\xc3\xa4r \xc3\xa4r text, inte en PDF.\n", "wrong_type"),
        ("word.pdf", b"PK\x03\x04rest-of-a-docx", "wrong_type"),
        ("report.txt", b"%PDF-1.7\n%binary", "wrong_type"),
        ("report.docx", b"PK\x03\x04", "unsupported"),
        ("binary.txt", b"\x00\x01\x02text", "wrong_type"),
        # issue 15: random bytes without a NUL were read as a report with 148 "tables"
        ("random.txt", bytes((i * 97 + 13) % 255 + 1 for i in range(50_000)), "wrong_type"),
    ],
)
def test_bad_input_is_a_named_failure(tmp_path: Path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    result = read_path(path)
    assert isinstance(result, IngestFailure)
    assert result.reason == reason
    assert result.message.startswith(name + ":")


def test_text_in_an_old_encoding_with_a_form_feed_is_text(tmp_path: Path):
    path = tmp_path / "cp1252.txt"
    path.write_bytes("Rapport\n\nUnder 2019 genomfördes 8 662 gemensamma kartläggningar.\f\nSida 2\n".encode("cp1252"))
    doc = read_path(path)
    assert not isinstance(doc, IngestFailure) and "8 662" in doc.blocks[-2].text + doc.blocks[-1].text


def test_missing_file(tmp_path: Path):
    result = read_path(tmp_path / "nope.txt")
    assert isinstance(result, IngestFailure) and result.reason == "unreadable"


def test_batch_goes_on_in_input_order(tmp_path: Path, corpus_dir: Path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf")
    good = corpus_dir / "af-fk-aterrapport-2019.txt"
    results = read_paths([bad, good, tmp_path / "gone.txt"], jobs=2)
    assert [type(r).__name__ for r in results] == ["IngestFailure", "Document", "IngestFailure"]
    assert results[1].id == "af-fk-2019"


def test_manifest_metadata_is_used(corpus_dir: Path):
    doc = read_path(corpus_dir / "af-fk-aterrapport-2022.txt")
    assert isinstance(doc, Document)
    assert doc.id == "af-fk-2022"
    assert doc.metadata.from_manifest and doc.metadata.reporting_year == 2022
    assert doc.metadata.published == "2023-04-14"


def test_unlisted_report_gets_inferred_metadata(tmp_path: Path):
    path = tmp_path / "ny-rapport.txt"
    path.write_text(
        "Insatser för personer som är sjukskrivna och för unga med aktivitetsersättning\n\n"
        "Återrapportering enligt regleringsbrevet för 2024\n\nAf-2025/00012345, FK 2024/004321\n\n"
        "Datum: 2025-04-30\n\nArbetsförmedlingen och Försäkringskassan har under 2024 genomfört 9 120 gemensamma kartläggningar.\n",
        encoding="utf-8",
    )
    doc = read_path(path)
    assert isinstance(doc, Document)
    m = doc.metadata
    assert doc.id == "ny-rapport" and not m.from_manifest
    assert (m.reporting_year, m.published, m.kind) == (2024, "2025-04-30", "återrapport")
    assert m.publishers == ("Arbetsförmedlingen", "Försäkringskassan")
    assert "Af-2025/00012345" in m.diarienummer and "FK 2024/004321" in m.diarienummer
    assert m.title.startswith("Insatser för personer")


def test_infer_year_from_publication_date_when_not_stated():
    m = infer_metadata("Rapport om samverkan\n\n2021-02-22\n\nText.")
    assert m.published == "2021-02-22" and m.reporting_year == 2020


def test_the_year_a_title_names_is_the_reporting_year():
    # a monthly statistics release published in November is about that year, as its title says;
    # an identifier ("2026:10") and a year named later in the text ("under 2025") do not decide
    m = infer_metadata("Statistiknyhet 2026:10\nRehabiliteringssamverkan – oktober 2026\n\n"
                       "Publicerad: 2026-11-12\n\nFler än under 2025.")
    assert (m.published, m.reporting_year) == ("2026-11-12", 2026)


def test_a_title_joined_with_its_date_line_still_names_the_year_and_the_opening_paragraph_does_not():
    # the first lines read as one block, and the paragraph after the title names later years of a forecast
    text = ("MYNDIGHETEN FÖR PROGNOSER Rapport 2031:4 Utgiftsprognos – mars 2031 Publicerad 2031-03-02\n"
            "UTGIFTSOMRÅDE 10\n"
            "Utgifterna beräknas till 120 mdkr 2031 och stiger sedan under 2032 och 2033 för att 2034 nå 131 mdkr, "
            "främst därför att fler väntas få sjukpenning än vad regeringen räknade med i budgeten för året, "
            "och att ersättningsnivåerna höjs.\n")
    assert infer_metadata(text).reporting_year == 2031


def test_the_year_of_the_results_wins_over_the_year_in_the_title():
    # "Återrapportering 2028" is when the report was made; "resultat för 2027" what it reports on
    m = infer_metadata("Återrapportering 2028: samarbetet\n\nInsatser för sjukskrivna – resultat för 2027\n\n"
                       "Datum: 2028-04-20\n\nText.")
    assert (m.published, m.reporting_year) == ("2028-04-20", 2027)
    # with no such line, the title's year stands
    assert infer_metadata("Återrapportering 2027\n\nDatum: 2027-04-20\n\nText.").reporting_year == 2027


def test_a_report_in_the_reference_list_does_not_set_the_year():
    body = "\n\n".join(f"Stycke {i} om samverkan." for i in range(30))
    m = infer_metadata("Samverkan – en uppföljning 2026\n\nPublicerad 2026-11-19\n\n" + body +
                       "\n\nReferenser\n\nFörsäkringskassan (2025). Återrapportering enligt regleringsbrevet för 2024.")
    assert m.reporting_year == 2026


def test_a_decade_is_no_reporting_year():
    m = infer_metadata("Samverkan under 2000-talet\n\nUnderlagsrapport\n\nText om åren 2003 till 2010.")
    assert m.reporting_year != 2000


def test_a_signed_foreword_dates_the_report_and_its_year():
    """An inquiry signs off "Stockholm i juni 2011": that is its date, and the year it speaks as of;
    "Under 2010 tillsatte regeringen ..." in its opening is history."""
    m = infer_metadata("Samverkan mellan myndigheterna under 2000-talet\n\nUnderlagsrapport till utredningen (S 2010:04)\n\n"
                       "Stockholm i juni 2011\n\nUnder 2010 tillsatte regeringen en utredning.\n\nUnder innevarande år ...")
    assert (m.published, m.reporting_year) == ("2011-06", 2011)
    # a year the title pages state still decides
    stated = infer_metadata("Återrapportering enligt regleringsbrevet för 2022\n\nStockholm i april 2023\n\nText.")
    assert (stated.published, stated.reporting_year) == ("2023-04", 2022)


def test_folder_recursion_skips_readme_and_hidden(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("x")
    (tmp_path / "README.md").write_text("x")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "b.txt").write_text("x")
    (tmp_path / "c.pdf").write_bytes(b"%PDF")
    (tmp_path / "notes.docx").write_bytes(b"x")
    assert [p.name for p in iter_report_files([tmp_path])] == ["c.pdf", "a.txt"]


def test_pipes_links_out_of_the_folder_and_unreadable_folders_are_named(tmp_path: Path, corpus_dir: Path, monkeypatch):
    """issue 15: a FIFO hung `ingest`, a link to /etc/passwd was ingested, an unreadable subfolder was
    skipped in silence. Each is now a failure named by its path, and the rest of the batch is read."""
    import os
    import shutil

    folder = tmp_path / "rapporter"
    (folder / "låst").mkdir(parents=True)
    shutil.copyfile(corpus_dir / "af-fk-aterrapport-2020-sammanfattning.txt", folder / "ok.txt")
    os.mkfifo(folder / "pipe.txt")
    secret = tmp_path / "secret.txt"
    secret.write_text("hemligt lösenord 1234\n", encoding="utf-8")
    (folder / "link.txt").symlink_to(secret)
    real_scandir = os.scandir

    def scandir(p="."):
        if Path(p).name == "låst":
            raise PermissionError(13, "Permission denied", str(p))
        return real_scandir(p)

    monkeypatch.setattr(os, "scandir", scandir)
    files = list(iter_report_files([folder]))
    monkeypatch.undo()
    assert [p.name for p in files] == ["link.txt", "låst", "ok.txt", "pipe.txt"]
    results = {p.name: read_path(p) for p in files}
    assert isinstance(results["ok.txt"], Document)
    for name, why in (("pipe.txt", "not a regular file"), ("link.txt", "outside its folder"), ("låst", "folder")):
        assert isinstance(results[name], IngestFailure) and why in results[name].message, (name, results[name])


def test_a_line_of_publisher_names_is_no_title_and_a_publication_date_in_words_wins():
    m = infer_metadata("Arbetsförmedlingen | Försäkringskassan\n\nUppföljning av samverkan, andra halvåret 2043\n\n"
                       "Publicerad: 3 mars 2044\nUttag ur registren 2044-01-15.\n\nText.")
    assert m.title == "Uppföljning av samverkan, andra halvåret 2043"
    assert m.published == "2044-03-03"


def test_a_breadcrumb_or_list_above_the_title_is_not_the_title():
    # a web page saved as text opens with its breadcrumb as a numbered list; a list item is never the title,
    # and the title's part of the year ("januari–juni") is what a half-year report's figures are about
    text = ("1.  Startsida\n2.  Om myndigheten\n3.  Statistik och analys\n\n"
            "Samverkan i siffror – uppföljning januari–juni 2031\n\nPublicerad 2031-08-20\n\nText.")
    m = infer_metadata(text)
    assert m.title == "Samverkan i siffror – uppföljning januari–juni 2031"
    assert infer_metadata("- Hem\n- Nyheter om sjukförsäkringen\n\nKvartalsrapport om sjukfrånvaron 2031\n\nText.").title \
        == "Kvartalsrapport om sjukfrånvaron 2031"
