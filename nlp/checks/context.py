"""What the checks know besides the facts: the catalogue, the documents, the tolerances.

The documents are there for three things the facts alone cannot give: the publication date
that orders two reports' figures for one year, the tables a sum is read from, and the
footnotes and sentences that explain a changed figure.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Callable, Hashable, Iterable, Mapping, Optional, TypeVar, Union

from ingest.records import Document
from nlp.records import Measure

T = TypeVar("T")


@dataclass(frozen=True)
class Tolerances:
    """How far apart two figures may be before a check speaks.

    Printed precision is always respected on top of these: "54" covers 53,5 to 54,5.
    """

    approximate_rel: float = 0.03  # "cirka 345 miljoner": within 3 % either way
    bound_rel: float = 0.15  # "över 20 000": at most 15 % above (below for "under")
    word_share_points: float = 5.0  # "hälften", "sju av tio": within 5 percentage points
    marginal_rel: float = 0.05  # "en marginell ökning" of a count: at most 5 %
    marginal_points: float = 2.0  # ... of a share: at most 2 percentage points
    majority: float = 0.6  # share of rows a column formula must fit before misfits are flagged
    max_slip_power: int = 9  # the largest power of ten a unit slip may span (kronor vs mdkr)
    # Beyond these ratios two figures are taken to be about different things that the
    # extractor gave one measure, not one figure printed twice: a report restates a count by
    # a few per cent, not by half. A ratio that is a power of ten is always looked at (a slip).
    max_ratio_within: float = 2.0  # inside one report
    max_ratio_across: float = 5.0  # between reports (definitions may change a share a lot)

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if value < 0:
                raise ValueError(f"Tolerances.{f.name} must not be negative, got {value!r}")
        if self.max_ratio_within < 1 or self.max_ratio_across < 1:
            raise ValueError("Tolerances.max_ratio_within and max_ratio_across must be at least 1")
        if not 0 < self.majority <= 1:
            raise ValueError(f"Tolerances.majority must be in (0, 1], got {self.majority!r}")

    @classmethod
    def resolve(cls, value: Union[None, Mapping[str, Any], "Tolerances"]) -> "Tolerances":
        """None -> defaults, a dict -> those fields changed, an instance -> itself."""
        if value is None:
            return cls()
        if isinstance(value, cls):
            return value
        unknown = set(value) - {f.name for f in fields(cls)}
        if unknown:
            raise ValueError(f"unknown tolerance(s): {', '.join(sorted(unknown))}")
        return cls(**dict(value))


@dataclass(frozen=True)
class CheckContext:
    measures: Mapping[str, Measure] = field(default_factory=dict)
    documents: Mapping[str, Document] = field(default_factory=dict)
    tolerances: Tolerances = field(default_factory=Tolerances)
    # what the checks work out once per run and look up after (document indexes, classified sentences)
    _cache: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def build(
        cls,
        measures: Iterable[Measure] = (),
        documents: Iterable[Document] = (),
        tolerances: Union[None, Mapping[str, Any], Tolerances] = None,
    ) -> "CheckContext":
        """From the catalogue list and the ingested documents, as the pipeline has them."""
        return cls(
            measures={m.key: m for m in measures},
            documents={d.id: d for d in documents},
            tolerances=Tolerances.resolve(tolerances),
        )

    def cached(self, key: Hashable, make: Callable[[], T]) -> T:
        """make(), worked out the first time `key` is asked for in this context and kept for the run."""
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    def document(self, doc: str) -> Optional[Document]:
        return self.documents.get(doc)

    def published(self, doc: str) -> str:
        """The publication date as an ISO string ("" when unknown), for ordering vintages."""
        d = self.documents.get(doc)
        return (d.metadata.published or "") if d else ""

    def vintage(self, doc: str) -> tuple[str, int, str]:
        """A sort key that puts the earlier report first: published, reporting year, id."""
        d = self.documents.get(doc)
        if d is None:
            return ("", 0, doc)
        return (d.metadata.published or "", d.metadata.reporting_year or 0, doc)
