"""all-MiniLM-L6-v2 in numpy (tools/minilm.py) gives sentence-transformers' embeddings.

Needs requirements-peer.txt, which CI doesn't install: skipped without it. The reference vector is
fastembed's for "hello world" (qdrant/fastembed, tests/test_text_onnx_embeddings.py), computed there
with the ONNX export of the same model and mean pooling.
"""

import importlib.util

import pytest

np = pytest.importorskip("numpy", reason="needs numpy (requirements-peer.txt)")

from tools.minilm import INSTALL, embed, model_zip  # noqa: E402

pytestmark = pytest.mark.skipif(
    model_zip() is None or not all(importlib.util.find_spec(m) for m in ("safetensors", "tokenizers")),
    reason=f"the MiniLM model package is not installed ({INSTALL})")

HELLO_WORLD = [-0.034478, 0.03102, 0.00673, 0.02611, -0.039362]


def test_hello_world_matches_the_reference():
    vectors = embed(["hello world", "flag embedding"])
    assert vectors.shape == (2, 384)
    assert np.allclose(vectors[0, :5], HELLO_WORLD, atol=1e-4)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-5)


def test_paraphrases_are_nearer_than_unrelated_lines():
    a, b, c = embed(["can you send me a photo of yourself", "send me a pic of u", "what time is the maths test"])
    assert a @ b > 0.5 > 0.2 > a @ c


def test_a_line_embeds_the_same_alone_and_in_a_padded_batch():
    lines = ["hi", "do you want to trade pets in adopt me tomorrow after school?", "ok"]
    batch = embed(lines)
    assert np.allclose(batch, np.vstack([embed([line]) for line in lines]), atol=1e-5)
