"""Records -> json / jsonl / csv / table / md, for the CLI and HTTP alike.

JSON keeps å, ä and ö as they are (ensure_ascii=False): "omställningsmöte" stays readable.
Nested values (breakdown, facts) are JSON-encoded inside CSV cells so a row stays a row.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, is_dataclass
from typing import Any, Iterable, Mapping, Sequence

FORMATS = ("json", "jsonl", "csv", "table")


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


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False) if value else ("{}" if isinstance(value, dict) else "")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def render_csv(rows: Sequence[Mapping[str, Any]], columns: Sequence[str] | None = None) -> str:
    rows = [to_plain(r) for r in rows]
    columns = list(columns or (rows[0].keys() if rows else []))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for r in rows:
        w.writerow([_cell(r.get(c)) for c in columns])
    return buf.getvalue()


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
