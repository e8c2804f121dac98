"""Features over spaCy's parse for the two taggers of the attribution model.

The cue tagger labels every token O / B / I (cue spans such as "said", "according to",
"has learned"); the role tagger then labels, for one cue, the tokens of its paragraph
neighbourhood as source or content. Both are greedy left-to-right, so a feature may read
the label just given to the previous token.
"""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc

CUE_CLASSES = ("O", "B", "I")
ROLE_CLASSES = ("O", "B-S", "I-S", "B-C", "I-C")
ROLE_ALLOWED_AFTER = {
    "O": (0, 1, 3),
    "B-S": (0, 1, 2, 3),
    "I-S": (0, 1, 2, 3),
    "B-C": (0, 1, 3, 4),
    "I-C": (0, 1, 3, 4),
}
"""I-X may only continue an X span: keeps decoded spans well formed."""

WINDOW_SENTS = 3
"""Content reaches at most this many sentences before or after its cue (in the paragraph)."""

NEURAL_CUE_MIN = 0.2
"""p(cue) from the accurate tier's head above which any token is scored as a possible cue."""

OPEN_QUOTES = frozenset("“«‘")
CLOSE_QUOTES = frozenset("”»’")
STRAIGHT_QUOTES = frozenset('"')


class DocView:
    """Plain-Python copies of the token attributes the taggers read, computed once per doc."""

    __slots__ = (
        "children",
        "dep",
        "doc",
        "head",
        "kids",
        "lemma",
        "lower",
        "n",
        "neural",
        "neural_cue",
        "para",
        "pos",
        "probs",
        "quote",
        "sent",
        "sent_bounds",
        "space",
        "tag",
        "vectors",
    )

    def __init__(
        self, doc: Doc, neural: np.ndarray | None = None, vectors: np.ndarray | None = None
    ) -> None:
        """``neural``: the accurate tier's head output per token; ``vectors``: MiniLM's token
        vectors, kept when a cue-conditioned role head will read them."""
        self.doc = doc
        self.vectors = vectors
        self.neural: list[tuple[str, str, str]] | None = None
        self.neural_cue: list[bool] = []
        self.probs: list[tuple[float, float, float]] | None = None
        if neural is not None:  # p(cue), p(source), p(content) per token, as bins "0".."9"
            bins = np.minimum((neural * 10).astype(np.int64), 9).tolist()
            self.neural = [(str(a), str(b), str(c)) for a, b, c in bins]
            self.neural_cue = (neural[:, 0] >= NEURAL_CUE_MIN).tolist()
            self.probs = [(a, b, c) for a, b, c in neural.tolist()]
        self.n = len(doc)
        tokens = list(doc)  # one Token object per position, not one per attribute read
        self.lower = [t.lower_ for t in tokens]
        self.lemma = [t.lemma_.lower() for t in tokens]
        self.tag = [t.tag_ for t in tokens]
        self.pos = [t.pos_ for t in tokens]
        self.dep = [t.dep_ for t in tokens]
        self.head = [t.head.i for t in tokens]
        self.space = [t.is_space for t in tokens]
        self.children: list[list[str]] = [[] for _ in range(self.n)]
        self.kids: list[list[int]] = [[] for _ in range(self.n)]
        for i, h in enumerate(self.head):
            if h != i:
                self.children[h].append(self.dep[i])
                self.kids[h].append(i)
        self.sent = [0] * self.n
        self.sent_bounds: list[tuple[int, int]] = []
        for k, s in enumerate(doc.sents):
            self.sent_bounds.append((s.start, s.end))
            for i in range(s.start, s.end):
                self.sent[i] = k
        self.para = [0] * self.n
        self.quote = [0] * self.n  # 0 outside, 1 inside, 2 the quote mark itself
        para = depth = 0
        for t in tokens:
            i = t.i
            txt = t.text
            if "\n" in txt:
                para += 1
                depth = 0
            self.para[i] = para
            if txt in OPEN_QUOTES or (txt in STRAIGHT_QUOTES and not depth):
                depth = 1
                self.quote[i] = 2
            elif txt in CLOSE_QUOTES or txt in STRAIGHT_QUOTES:
                depth = 0
                self.quote[i] = 2
            else:
                self.quote[i] = depth
            if "\n" in t.whitespace_:
                para += 1
                depth = 0

    def cue_head(self, tokens: list[int]) -> int:
        """The cue token the parse hangs the rest of the cue on (its head lies outside)."""
        inside = set(tokens)
        for i in tokens:
            outer = self.head[i] not in inside or self.head[i] == i
            if outer and self.pos[i] in ("VERB", "AUX", "NOUN", "ADP", "PUNCT"):
                return i
        for i in tokens:
            if self.head[i] not in inside or self.head[i] == i:
                return i
        return tokens[0]

    def ancestors(self, i: int) -> list[int]:
        """``i`` and its heads up to the root of its sentence."""
        out = [i]
        head = self.head
        while head[i] != i and len(out) < 40:
            i = head[i]
            out.append(i)
        return out

    def window(self, cue: list[int]) -> range:
        """Token range the role tagger reads for a cue: nearby sentences of its paragraph."""
        k = self.sent[cue[0]]
        para = self.para[cue[0]]
        lo_k, hi_k = max(0, k - WINDOW_SENTS), min(len(self.sent_bounds) - 1, k + WINDOW_SENTS)
        start, end = self.sent_bounds[k][0], self.sent_bounds[k][1]
        for j in range(k - 1, lo_k - 1, -1):
            s = self.sent_bounds[j][0]
            if self.para[s] != para and self.para[self.sent_bounds[j][1] - 1] != para:
                break
            start = s
        for j in range(k + 1, hi_k + 1):
            e = self.sent_bounds[j][1]
            if self.para[e - 1] != para and self.para[self.sent_bounds[j][0]] != para:
                break
            end = e
        return range(start, end)


def is_cue_candidate(v: DocView, i: int, vocab: frozenset[str]) -> bool:
    """Tokens worth scoring as cue: any verb (cue verbs are open-class), a word seen in a cue,
    or a token the neural head (accurate tier) gives a fair chance of being one."""
    if v.space[i]:
        return False
    if v.pos[i] == "VERB" or v.lower[i] in vocab:
        return True
    return bool(v.neural_cue) and v.neural_cue[i]


def cue_dynamic(v: DocView, i: int, prev: str) -> list[str]:
    """The cue tagger's features that read ``prev``, the label just given to token ``i - 1``."""
    return ["p=" + prev, "pl=" + prev + "|" + v.lemma[i], "pd=" + prev + "|" + v.dep[i]]


def cue_static(v: DocView, i: int) -> list[str]:
    """Features of token ``i`` for the cue tagger that do not depend on earlier labels."""
    lower, lemma, tag, dep = v.lower, v.lemma, v.tag, v.dep
    h = v.head[i]
    lem = lemma[i]
    n = v.n
    ch = v.children[i]
    before = lower[i - 1] if i else "<s>"
    after = lower[i + 1] if i + 1 < n else "</s>"
    after2 = lower[i + 2] if i + 2 < n else "</s>"
    feats = [
        "b",
        "w=" + lower[i],
        "l=" + lem,
        "t=" + tag[i],
        "d=" + dep[i],
        "lt=" + lem + "|" + tag[i],
        "ld=" + lem + "|" + dep[i],
        "hl=" + lemma[h],
        "dhl=" + dep[i] + "|" + lemma[h],
        "hd=" + dep[h],
        "hw=" + lemma[h] + "|" + lem + ("<" if h < i else ">"),
        "d+1=" + lower[i] + "|" + (dep[i + 1] if i + 1 < n else "</s>"),
        "w-1=" + before,
        "w+1=" + after,
        "w-1w=" + before + "|" + lower[i],
        "ww+1=" + lower[i] + "|" + after,
        "ww+1+2=" + lower[i] + "|" + after + "|" + after2,
        "t-1t=" + (tag[i - 1] if i else "<s>") + "|" + tag[i],
        "tt+1=" + tag[i] + "|" + (tag[i + 1] if i + 1 < n else "</s>"),
        "q=" + str(v.quote[i]),
    ]
    for c in ch:
        if c in ("ccomp", "xcomp", "nsubj", "dobj", "prep", "advcl", "parataxis", "agent"):
            feats.append("c=" + c)
            feats.append("lc=" + lem + "|" + c)
    for c in v.kids[i]:
        if dep[c] in ("prep", "prt", "dobj", "aux", "neg", "pobj", "acomp"):
            feats.append("cl=" + lem + "|" + dep[c] + "|" + lemma[c])
    if i == v.sent_bounds[v.sent[i]][0]:
        feats.append("first")
    if v.neural is not None:
        nc = v.neural[i][0]
        feats += [
            "nc=" + nc,
            "ncp=" + nc + "|" + v.pos[i],
            "ncc="
            + (v.neural[i - 1][0] if i else "<s>")
            + nc
            + (v.neural[i + 1][0] if i + 1 < n else "</s>"),
            "nch=" + nc + "|" + v.neural[h][0],
        ]
    return feats


def _relation(v: DocView, j: int, h: int, anc_h: dict[int, int], chain_h: list[int]) -> str:
    """How token ``j`` hangs in the parse relative to the cue head ``h``."""
    if j == h:
        return "self"
    if v.sent[j] != v.sent[h]:
        return "xs" + ("<" if j < h else ">")
    dep, head = v.dep, v.head
    prev = j
    k = j
    steps = 0
    while k not in anc_h:
        prev = k
        k = head[k]
        steps += 1
        if steps > 40:
            return "none"
    up = anc_h[k]
    depth = "1" if steps <= 1 else "+"
    if up == 0:  # j lies under the cue head
        return "dn:" + dep[prev] + depth
    hside = dep[chain_h[up - 1]]
    if k == j:  # j is an ancestor of the cue head
        return "up:" + hside + str(min(up, 3))
    return "lca:" + hside + "|" + dep[prev] + str(min(up, 3)) + depth


def role_sequence_features(v: DocView, cue: list[int]) -> tuple[range, list[list[str]]]:
    """Static features of every token in the cue's window (the label features come later)."""
    h = v.cue_head(cue)
    chain = v.ancestors(h)
    anc = {a: k for k, a in enumerate(chain)}
    cue_set = set(cue)
    win = v.window(cue)
    lemma, lower, tag, dep, quote = v.lemma, v.lower, v.tag, v.dep, v.quote
    cl = lemma[h]
    cq = str(min(quote[h], 1))
    first, last = cue[0], cue[-1]
    hs = v.sent[h]
    out = []
    for j in win:
        if j in cue_set:
            out.append(["cue"])
            continue
        rel = _relation(v, j, h, anc, chain)
        side = "<" if j < first else ">"
        dist = first - j if j < first else j - last
        db = str(dist) if dist < 4 else ("s" if dist < 10 else ("m" if dist < 25 else "l"))
        sd = str(v.sent[j] - hs)
        q = str(quote[j])
        out.append(
            [
                "b",
                "r=" + rel,
                "rl=" + rel + "|" + cl,
                "rt=" + rel + "|" + tag[j],
                "rd=" + rel + "|" + dep[j],
                "rq=" + rel + "|" + q + cq,
                "s=" + side + db,
                "sd=" + sd + side + q,
                "sl=" + side + "|" + cl,
                "q=" + q + cq,
                "w=" + lower[j],
                "t=" + tag[j],
                "d=" + dep[j],
                "wl=" + lower[j] + "|" + cl + side,
                "w-1=" + (lower[j - 1] if j else "<s>"),
                "w+1=" + (lower[j + 1] if j + 1 < v.n else "</s>"),
                "rdep=" + rel + "|" + dep[v.head[j]],
            ]
        )
        if v.neural is not None:
            _, ns, nc = v.neural[j]
            out[-1] += [
                "ns=" + ns + side,
                "nC=" + nc + side,
                "nsC=" + ns + nc,
                "nCr=" + nc + "|" + rel,
            ]
    return win, out


def role_dynamic(static: list[str], prev: str, prev_rel: str, head_label: str) -> list[str]:
    """The label-history features of a token, read next to its static features in decoding.

    ``head_label`` is the role already given to the token's syntactic head (when the head
    comes earlier): a phrase tends to stay in one role, which keeps content spans whole.
    """
    return [
        "hl=" + head_label,
        "hlr=" + head_label + "|" + static[1],
        "hlp=" + head_label + "|" + prev,
        "p=" + prev,
        "pr=" + prev + "|" + static[1],
        "pt=" + prev + "|" + static[11],
        "pw=" + prev + "|" + static[10],
        "pp=" + prev + "|" + prev_rel,
    ]
