"""Records -> json / jsonl / csv / table / md, for the CLI and HTTP alike.

JSON keeps å, ä and ö as they are (ensure_ascii=False): "omställningsmöte" stays readable.
Nested values (breakdown, facts) are JSON-encoded inside CSV cells so a row stays a row.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, is_dataclass
from typing import Any, Iterable, Iterator, Mapping, Sequence

FORMATS = ("json", "jsonl", "csv", "table")
CSV_DIALECTS = ("comma", "excel-sv")
CSV_ROWS_PER_CHUNK = 500  # rows per streamed chunk: few writes, little memory


def to_plain(obj: Any) -> Any:
    """Dataclasses, tuples and rows -> JSON-ready dicts and lists."""
    if is_dataclass(obj) and not isinstance(obj, type):
        return to_plain(asdict(obj))
    if isinstance(obj, Mapping):
        return {k: to_plain(v) for k, v in obj.items()}
    if hasattr(obj, "keys") and hasattr(obj, "__getitem__") and not isinstance(obj, (str, bytes)):
        return {k: to_plain(obj[k]) for k in obj.keys()}  # sqlite3.Row
    if isinstance(obj, (list, tuple)):
        return [to_plain(v) for v in obj]
    if isinstance(obj, float) and obj.is_integer() and abs(obj) < 2**53:
        return int(obj)
    return obj


def dumps(obj: Any, indent: int | None = 2) -> str:
    return json.dumps(to_plain(obj), ensure_ascii=False, indent=indent)


def render_jsonl(rows: Iterable[Any]) -> str:
    return "".join(json.dumps(to_plain(r), ensure_ascii=False) + "\n" for r in rows)


def _cell(value: Any, decimal_comma: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False) if value else ("{}" if isinstance(value, dict) else "")
    if isinstance(value, float):
        text = str(int(value)) if value.is_integer() else str(value)
        return text.replace(".", ",") if decimal_comma else text
    return str(value)


def iter_csv(rows: Iterable[Any], columns: Sequence[str], dialect: str = "comma") -> Iterator[str]:
    """CSV text in chunks (the header, then a few hundred rows at a time), so a large result streams.

    `comma` (the default) is comma-separated with a decimal point and no BOM: what pandas, R and
    every CSV library read by default. `excel-sv` is what Swedish Excel opens right on a
    double-click: semicolons (the comma is the decimal sign there), decimal commas, CRLF and a
    UTF-8 byte-order mark (without it Excel reads "kartläggningar" as "kartlÃ¤ggningar").
    pandas reads it with `sep=";", decimal=","`.
    """
    if dialect not in CSV_DIALECTS:
        raise ValueError(f"unknown CSV dialect {dialect!r}; use one of {', '.join(CSV_DIALECTS)}")
    sv = dialect == "excel-sv"
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";" if sv else ",", lineterminator="\r\n" if sv else "\n")
    if sv:
        buf.write("\ufeff")
    writer.writerow(columns)
    for n, row in enumerate(rows, 1):
        row = to_plain(row)
        writer.writerow([_cell(row.get(c), sv) for c in columns])
        if n % CSV_ROWS_PER_CHUNK == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def render_csv(rows: Sequence[Mapping[str, Any]], columns: Sequence[str] | None = None, dialect: str = "comma") -> str:
    rows = [to_plain(r) for r in rows]
    columns = list(columns or (rows[0].keys() if rows else []))
    return "".join(iter_csv(rows, columns, dialect))


def render_table(rows: Sequence[Mapping[str, Any]], columns: Sequence[str] | None = None, max_width: int = 60) -> str:
    """A plain fixed-width text table for terminals."""
    rows = [to_plain(r) for r in rows]
    columns = list(columns or (rows[0].keys() if rows else []))
    if not columns:
        return "(no rows)\n"
    cells = [[_cell(r.get(c)).replace("\n", " ") for c in columns] for r in rows]
    cells = [[v if len(v) <= max_width else v[: max_width - 1] + "…" for v in row] for row in cells]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    line = "  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip()
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(out) + "\n"


def render(rows: Sequence[Any], fmt: str, columns: Sequence[str] | None = None, table_columns: Sequence[str] | None = None) -> str:
    if fmt == "json":
        return dumps(list(rows)) + "\n"
    if fmt == "jsonl":
        return render_jsonl(rows)
    if fmt == "csv":
        return render_csv([to_plain(r) for r in rows], columns)
    if fmt == "table":
        return render_table([to_plain(r) for r in rows], table_columns or columns)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
