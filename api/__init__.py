"""The outward faces of rapportkoll: the CLI, the HTTP API and the Python API.

`from api import KnowledgeBase` is the notebook entry point; it is imported on first use
(PEP 562 `__getattr__`), so `import api` and `rapportkoll --help` stay instant.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .kb import KnowledgeBase

__all__ = ["KnowledgeBase"]


def __getattr__(name: str) -> Any:
    if name == "KnowledgeBase":
        from .kb import KnowledgeBase

        return KnowledgeBase
    raise AttributeError(f"module 'api' has no attribute {name!r}")
