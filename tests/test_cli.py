"""The CLI as a user meets it: help everywhere, exit codes, the `show` JSON contract."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from api.cli import cli

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = sorted(cli.commands)


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_every_command_has_help_with_an_example(command, flag):
    result = CliRunner().invoke(cli, [command, flag])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output
    assert "Usage: " in result.output


def test_every_option_has_help_text():
    for name, command in cli.commands.items():
        for param in command.params:
            if param.param_type_name == "option" and param.name != "help":
                assert param.help, f"{name} --{param.name} has no help text"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command):
    assert f"rapportkoll {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_ingest_reports_bad_files_by_name_and_exits_1(tmp_path: Path, corpus_dir: Path):
    bad = tmp_path / "trasig.pdf"
    bad.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n")  # no xref, no pages
    db = tmp_path / "kb.db"
    result = CliRunner().invoke(cli, ["ingest", str(bad), str(corpus_dir / "af-fk-aterrapport-2019.txt"), "--db", str(db), "-j", "1"])
    assert result.exit_code == 1
    assert "trasig.pdf" in result.output
    docs = CliRunner().invoke(cli, ["documents", "--db", str(db), "--format", "json"])
    assert [d["id"] for d in json.loads(docs.output)] == ["af-fk-2019"]


def test_show_json_contract(tmp_path: Path, corpus_dir: Path):
    db = tmp_path / "kb.db"
    assert CliRunner().invoke(cli, ["ingest", str(corpus_dir / "af-fk-aterrapport-2022.txt"), "--db", str(db)]).exit_code == 0
    for ref in ("af-fk-2022", "af-fk-aterrapport-2022.txt"):
        result = CliRunner().invoke(cli, ["show", ref, "--format", "json", "--db", str(db)])
        assert result.exit_code == 0, result.output
        doc = json.loads(result.output)
        assert {"id", "source_file", "metadata", "blocks", "footnotes", "tables"} <= doc.keys()
        assert {"title", "publishers", "published", "reporting_year", "kind"} <= doc["metadata"].keys()
        assert {"kind", "section", "text", "page", "page_label"} <= doc["blocks"][0].keys()
        assert {"number", "text", "page"} <= doc["footnotes"][0].keys()
        t6 = next(t for t in doc["tables"] if t["number"] == 6 and "omställningsmöte" in t["caption"])
        assert {"caption", "page", "rows"} <= t6.keys()
        assert t6["rows"][3] == ["2014", "596", "9602", "5,8%", "349", "5605", "5,9%", "247", "3997", "5,8%"]
        assert "omställningsmöte" in result.output  # non-ASCII kept as is


def test_show_unknown_document_is_a_clear_error(tmp_path: Path, corpus_dir: Path):
    db = tmp_path / "kb.db"
    CliRunner().invoke(cli, ["ingest", str(corpus_dir / "af-fk-aterrapport-2020-sammanfattning.txt"), "--db", str(db)])
    result = CliRunner().invoke(cli, ["show", "nope", "--db", str(db)])
    assert result.exit_code == 1 and "no document 'nope'" in result.output


def test_missing_kb_is_a_clear_error(tmp_path: Path):
    result = CliRunner().invoke(cli, ["documents", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "rapportkoll build" in result.output


def test_wrong_usage_exits_2():
    assert CliRunner().invoke(cli, ["facts", "--format", "xml"]).exit_code == 2


def test_readers_leave_the_kb_as_it_was_and_work_read_only(tmp_path: Path, corpus_dir: Path):
    """issue 15: `documents`, `show`, `facts`, `measures`, `check` ran the schema script and stamped
    kb_meta, changing the file, and failed with a traceback on a KB they may not write. The folder
    name has "#", "?" and "%", which an unescaped file: URI would cut short."""
    import hashlib
    import os
    import stat

    folder = tmp_path / "kb #1 ?50%"
    folder.mkdir()
    db = folder / "rapportkoll.db"
    assert CliRunner().invoke(cli, ["ingest", str(corpus_dir / "af-fk-aterrapport-2020-sammanfattning.txt"),
                                    "--db", str(db)]).exit_code == 0
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    db.chmod(stat.S_IRUSR)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        for args in (["documents"], ["show", "af-fk-2020"], ["facts"], ["measures"], ["check"]):
            result = CliRunner().invoke(cli, [*args, "--db", str(db), "--format", "json"])
            assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.output)
            assert "Traceback" not in result.output, args
        assert CliRunner().invoke(cli, ["documents", "--db", str(db), "--format", "json"]).exit_code == 0
    finally:
        folder.chmod(stat.S_IRWXU)
        db.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in folder.iterdir()) == [".rapportkoll.db.lock", "rapportkoll.db"]  # no stray file beside it
    assert not any(p.name.startswith(("rapportkoll.db#", "kb ")) for p in tmp_path.iterdir() if p != folder)
    assert os.access(db, os.R_OK)


def test_build_names_a_missing_path_and_builds_the_rest(tmp_path: Path, corpus_dir: Path):
    """issue 15: `build` refused the whole batch for one missing path while `ingest` went on."""
    db = tmp_path / "kb.db"
    result = CliRunner().invoke(cli, ["build", str(corpus_dir / "af-fk-aterrapport-2020-sammanfattning.txt"),
                                      str(tmp_path / "saknas.txt"), "--db", str(db), "--no-index", "-j", "1"])
    assert "saknas.txt" in result.output
    docs = CliRunner().invoke(cli, ["documents", "--db", str(db), "--format", "json"])
    assert [d["id"] for d in json.loads(docs.output)] == ["af-fk-2020"]
    only_missing = CliRunner().invoke(cli, ["build", str(tmp_path / "saknas.txt"), "--db", str(tmp_path / "b.db")])
    assert only_missing.exit_code != 0 and "no such file or folder" in only_missing.output


def _on_a_terminal(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run `rapportkoll ARGS` with stderr on a pseudo-terminal 100 columns wide; (exit code, what it wrote there)."""
    import fcntl
    import os
    import struct
    import subprocess
    import sys
    import termios
    import threading

    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the other side is closed
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain)
    reader.start()
    try:
        proc = subprocess.run([sys.executable, "-m", "api.cli", *args], cwd=cwd, stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL, stderr=slave, timeout=300)
    finally:
        os.close(slave)
        reader.join(timeout=10)
        os.close(master)
    return proc.returncode, b"".join(chunks).decode("utf-8", "replace")


def test_build_shows_its_progress_on_a_terminal_and_keeps_still_with_quiet(tmp_path: Path):
    """issue 15: fact extraction of a long report ran for minutes with nothing shown. On a terminal
    `build` draws a bar for the files read and one for the passages and tables whose facts are read;
    with --quiet (or off a terminal) neither bars nor stage lines, only the result."""
    path = tmp_path / "rapport-2021.md"
    path.write_text("# Resultat\n\nUnder 2021 hölls 1 633 omställningsmöten, se tabell 1.\n\nTabell 1 Omställningsmöten 2021\n\n"
                    "| Förmån | Antal |\n|---|---|\n| Sjukpenning | 1 200 |\n| Aktivitetsersättning | 433 |\n", encoding="utf-8")
    report = str(path)
    rc, shown = _on_a_terminal(["build", report, "--db", str(tmp_path / "a.db"), "--no-index", "-j", "1"], ROOT)
    assert rc == 0, shown
    assert "läser: 100%" in shown and "fakta: 100%" in shown and "stycke/s" in shown and "kontroller: 100%" in shown
    assert "läste 1 dokument" in shown and "klart:" in shown
    quiet = CliRunner().invoke(cli, ["build", report, "--db", str(tmp_path / "b.db"), "--no-index", "-j", "1", "--quiet"])
    assert quiet.exit_code == 0, quiet.output
    assert "%|" not in quiet.output and "läste 1 dokument" not in quiet.output and "klart:" in quiet.output


def test_ingest_shows_the_files_it_reads_on_a_terminal_unless_quiet(tmp_path: Path, corpus_dir: Path):
    report = str(corpus_dir / "af-fk-aterrapport-2020-sammanfattning.txt")
    rc, shown = _on_a_terminal(["ingest", report, "--db", str(tmp_path / "a.db"), "-j", "1"], ROOT)
    assert rc == 0 and "läser: 100%" in shown and "added" in shown, shown
    rc, shown = _on_a_terminal(["ingest", report, "--db", str(tmp_path / "b.db"), "-j", "1", "-q"], ROOT)
    assert rc == 0 and "%|" not in shown and "added" in shown, shown


def test_command_modules_do_not_import_each_other():
    """api/cli/__init__.py registers the commands of api/cli/commands.py and api/cli/serve.py; both take the group from api/cli/base.py."""
    import ast

    root = Path(__file__).resolve().parent.parent / "api" / "cli"
    imported = {node.module for node in ast.walk(ast.parse((root / "serve.py").read_text(encoding="utf-8")))
                if isinstance(node, ast.ImportFrom) and node.level == 1}
    assert "commands" not in imported and "base" in imported
