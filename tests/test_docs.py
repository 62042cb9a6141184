"""Documentation that tests guard: finding types, measures, commands and their options, HTTP endpoints and their parameters."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import click
import pytest

from api.cli import cli
from nlp.checks import CHECKS
from nlp.measures import load_catalogue

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("type_", sorted(CHECKS))
def test_every_finding_type_is_documented(type_):
    text = (ROOT / "docs" / "audit.md").read_text(encoding="utf-8")
    assert f"| `{type_}` | {CHECKS[type_].title} |" in text


def test_every_measure_has_a_label_unit_and_definition():
    for m in load_catalogue():
        assert m.label and m.unit and len(m.definition) > 20, m.key
        if m.unit == "procent":
            assert m.denominator or "andel" in m.definition.lower() or "av " in m.definition, m.key


@pytest.mark.parametrize("path", ["/ask", "/search", "/facts", "/series/{measure}", "/measures", "/documents",
                                  "/documents/{id}", "/inconsistencies", "/health"])
def test_every_endpoint_is_in_the_http_docs(path):
    text = (ROOT / "docs" / "http-api.md").read_text(encoding="utf-8")
    assert path.split("{")[0].rstrip("/") in text


# -- the generated references (docs/generate.py): commands and endpoints cannot go undocumented --

def _load_generator():
    spec = importlib.util.spec_from_file_location("docs_generate", ROOT / "docs" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


generate = _load_generator()
OPENAPI = generate.reference_openapi()


def _sections(path: Path) -> dict[str, str]:
    """A markdown file's `## ` sections by heading."""
    sections: dict[str, str] = {}
    heading = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            heading = line[3:].strip()
            sections[heading] = ""
        elif heading is not None:
            sections[heading] += line + "\n"
    return sections


@pytest.mark.parametrize("path", sorted(generate.generated_files()), ids=lambda p: p.name)
def test_generated_docs_are_up_to_date(path):
    """Regenerated in memory, each reference equals the file: after changing a command's help or an
    endpoint, run `make docs`."""
    assert path.read_text(encoding="utf-8") == generate.generated_files()[path], f"{path.name} is stale: run `make docs`"


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_and_option_is_in_the_cli_reference(name):
    section = _sections(generate.CLI_MD).get(f"rapportkoll {name}")
    assert section is not None, f"rapportkoll {name} is not in docs/cli.md: run `make docs`"
    command = cli.commands[name]
    assert command.help, f"rapportkoll {name} has no help text"
    for param in command.params:
        for opt in [*param.opts, *param.secondary_opts] if isinstance(param, click.Option) else [param.human_readable_name]:
            assert opt in section, f"{opt} of rapportkoll {name} is not in docs/cli.md"


@pytest.mark.parametrize("method,path", [(m, p) for p, item in OPENAPI["paths"].items() for m in item])
def test_every_endpoint_and_parameter_is_in_the_http_reference(method, path):
    section = _sections(generate.HTTP_MD).get(f"{method.upper()} {path}")
    assert section is not None, f"{method.upper()} {path} is not in docs/http-reference.md: run `make docs`"
    operation = OPENAPI["paths"][path][method]
    for param in operation.get("parameters", ()):
        assert f"| `{param['name']}` | {param['in']} |" in section, f"{param['name']} of {path} is not documented"
        assert param.get("description") or param["in"] == "path", f"{param['name']} of {path} has no description"
    for status, response in operation["responses"].items():
        assert f"| {status} | " in section
        for media_type in response.get("content", {}):
            assert f"`{media_type}`" in section


@pytest.mark.parametrize("doc", ["README.md", "docs/http-api.md"])
def test_the_generated_references_are_linked(doc):
    text = (ROOT / doc).read_text(encoding="utf-8")
    assert "cli.md" in text and "http-reference.md" in text
