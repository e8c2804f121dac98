"""Leave-one-set-out cross-validation of a small learned source-type classifier.

    python benchmarks/source_type_cv.py --polnear ../shared/data/polnear
    python benchmarks/source_type_cv.py --polnear ../shared/data/polnear \\
        --fit src/sayso/models/source-typer-v1.json

Why: the hand-written source-type rules score .92-.98 on the sets they were written from but
.86-.91 on each round's fresh held-out set. This asks whether a small learned model (numpy
multinomial logistic regression over general features of the predicted attribution) does
better out of sample. Each development gold set is one fold: train on the others, test on
it, pool. Only development sets are read; the current round's held-out set never is.

Examples come from the pipeline's own output, matched to gold as ``sources_eval`` matches
them (:func:`sources_eval.match`); one example per matched attribution, labelled with the
gold ``source_type``. The pipeline runs once per set and is cached (records as JSON, the
parsed docs as a ``DocBin``) so feature work never reruns it.

``--fit FILE`` skips the cross-validation and writes the weights ``sayso_source_typer``
ships: fitted on every development set, the L2 penalty chosen by the same grouped inner CV.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from spacy.tokens import Doc

import sources_eval as se
from sayso.contract import Actor, Attribution
from sayso.pipeline import source_typer as typer
from sayso.pipeline import sources as src
from sayso.pipeline.source_typer import TYPES, SourceTyper

FOLDS = (
    # (fold name, split or None for the sample articles, gold file)
    ("examples", None, se.GOLD),
    ("train-devel", "train", se.POLNEAR_TRAIN),
    ("dev-full", "dev", se.POLNEAR_FULL),
    ("dev-heldout", "dev", se.POLNEAR_DEV_OPENED),
    ("train-heldout", "train", se.POLNEAR_TRAIN_OPENED),
    ("round6", "train", se.POLNEAR_TRAIN_OPENED2),
    ("round7", "train", se.POLNEAR_TRAIN_OPENED3),
    ("round8", "train", se.POLNEAR_TRAIN_OPENED4),
    ("round9", "train", se.POLNEAR_TRAIN_OPENED5),
    ("round10", "train", se.POLNEAR_TRAIN_OPENED6),
    ("round11", "train", se.POLNEAR_TRAIN_OPENED7),
    ("round12", "train", se.POLNEAR_TRAIN_OPENED8),
    ("round13", "train", se.POLNEAR_TRAIN_OPENED9),
    ("round14", "train", se.POLNEAR_TRAIN_OPENED10),
    ("round15", "train", se.POLNEAR_TRAIN_OPENED11),
    ("round16", "train", se.POLNEAR_TRAIN_OPENED12),
    ("round17", "train", se.POLNEAR_TRAIN_OPENED13),
    ("round18", "train", se.POLNEAR_TRAIN_OPENED14),
    ("round19", "train", se.POLNEAR_TRAIN_OPENED15),
    ("round20", "train", se.POLNEAR_TRAIN_OPENED16),
    ("round21", "train", se.POLNEAR_TRAIN_OPENED17),
)
WHEN_HELD_OUT = {
    "dev-heldout": 0.892,
    "train-heldout": 0.880,
    "round6": 0.883,
    "round7": 0.895,
    "round8": 0.907,
    "round9": 0.860,
    "round10": 0.907,
    "round11": 0.902,
    "round12": 0.859,
    "round13": 0.901,
}
"""The rules' held-out type accuracy by the set it was measured on, once each with that
round's pipeline (rounds 4 to 13)."""
PAST_HELD_OUT = tuple(WHEN_HELD_OUT.values())


def _fold_texts(
    polnear: Path, split: str | None, path: Path
) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """The fold's article texts and its gold lines in :func:`sources_eval.score`'s shape."""
    if split is None:
        from sayso.readers import read_inputs

        gold = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
        ids = {g["article"] for g in gold}
        arts = [a for a in read_inputs([str(se.EXAMPLES)]) if not isinstance(a, Exception)]
        return {a.id: a.text for a in arts if a.id in ids}, gold
    texts = se._texts(polnear, split, se._docs(path))
    gold, stale = se.load_polnear_full(path, texts)
    if stale:
        print(f"warning: {path.name}: {stale} stale hashes", file=sys.stderr)
    return texts, gold


def run_pipeline(
    texts: dict[str, str], cache: Path, name: str
) -> tuple[list[dict[str, Any]], list[Doc]]:
    """Records and parsed docs for one fold, from the cache or one pipeline run.

    The loop is :func:`sayso.analyze.analyze_articles` for one-chunk articles, kept by hand
    so the docs (tokens, tags, entities) can be cached beside the records. The cache is keyed
    by fold name only: empty it after changing the pipeline.
    """
    from spacy.tokens import DocBin

    from sayso import __version__
    from sayso.analyze import MAX_CHUNK_CHARS
    from sayso.contract import Article, article_record
    from sayso.nlp import load_nlp, pipeline_label

    rec_path, doc_path = cache / f"{name}.json", cache / f"{name}.spacy"
    nlp = load_nlp()
    if "sayso_source_typer" in nlp.pipe_names:  # the rules' types are what is learned from
        nlp.remove_pipe("sayso_source_typer")
    if rec_path.exists() and doc_path.exists():
        docs = list(DocBin().from_disk(doc_path).get_docs(nlp.vocab))
        return json.loads(rec_path.read_text(encoding="utf-8")), docs
    producer = {
        "sayso": __version__,
        "spacy_pipeline": pipeline_label(nlp),
        "attribution_model": nlp.get_pipe("sayso_attribution").model_label,
    }
    records: list[dict[str, Any]] = []
    docs: list[Doc] = []
    ids = sorted(texts)
    for art, doc in zip(ids, nlp.pipe((texts[i] for i in ids), batch_size=16), strict=True):
        if len(texts[art]) > min(MAX_CHUNK_CHARS, nlp.max_length):
            raise SystemExit(f"{art}: longer than one chunk; use analyze_articles")
        article = Article(id=art, text=texts[art])
        records.append(article_record(article, list(doc._.sayso_attributions), dict(producer),
                                      list(doc._.sayso_actors or ())))
        docs.append(doc)
    bin_ = DocBin(attrs=["ORTH", "TAG", "POS", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE",
                         "MORPH", "SENT_START", "SPACY"])
    for doc in docs:
        bin_.add(doc)
    bin_.to_disk(doc_path)
    rec_path.write_text(json.dumps(records), encoding="utf-8")
    return records, docs


def _attribution(rec: dict[str, Any]) -> Attribution:
    """A record's attribution as the pipeline held it, for :func:`source_typer.features`."""
    actor = None if rec["actor"] is None else int(rec["actor"][1:]) - 1  # "e3" -> 2
    return Attribution(
        source=tuple((s, e) for s, e in rec["source"]["spans"]),
        cue=tuple((s, e) for s, e in rec["cue"]["spans"]),
        content=(), kind=rec["kind"], confidence=0.0, source_type=rec["source_type"],
        actor=actor,
    )


def features(rec: dict[str, Any], doc: Doc, record: dict[str, Any], stacked: bool) -> list[str]:
    """The shipped typer's features of one predicted attribution (``stacked`` adds the
    rules' own predicted type: variant (c))."""
    actors = [Actor(a["name"], a["type"], tuple((s, e) for s, e in a["mentions"]))
              for a in record["actors"]]
    text = record["text"]
    out = typer.features(doc, text, _attribution(rec), actors, src._headline_end(text))
    return [*out, f"rules={rec['source_type']}"] if stacked else out


Example = tuple[str, list[str], list[str], str, str]
"""(fold, features without the rules, with them, gold type, the rules' type)."""


def examples_for(
    name: str, records: list[dict], docs: list[Doc], gold: list[dict]
) -> list[Example]:
    """One example per gold attribution matched to a predicted one (``sources_eval.match``),
    plus the rules' prediction for it."""
    by_article: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        if g["kind"] == "attribution":
            by_article[g["article"]].append(g)
    out: list[Example] = []
    for record, doc in zip(records, docs, strict=True):
        pairs = se.match(by_article.get(record["id"], []), record["attributions"])
        for g in by_article.get(record["id"], []):
            p = pairs.get(g["id"])
            if p is None:
                continue
            out.append((name, features(p, doc, record, False), features(p, doc, record, True),
                        g["source_type"], p["source_type"]))
    return out


class Softmax:
    """Multinomial logistic regression with an L2 penalty, fitted by full-batch Adam.

    Numpy only (no new dependency). Features are binary and sparse, so an example is the
    row of its active feature indexes, padded with ``d`` (a weight row held at zero). The
    problem is convex; a fixed Adam schedule converges well enough at this size.
    """

    def __init__(self, l2: float, steps: int = 150, lr: float = 0.1) -> None:
        self.l2, self.steps, self.lr = l2, steps, lr

    def fit(self, x: np.ndarray, d: int, y: np.ndarray, k: int) -> Softmax:
        n = len(x)
        w = np.zeros((d + 1, k))
        m = np.zeros_like(w)
        v = np.zeros_like(w)
        onehot = np.eye(k)[y]
        flat = x.ravel()
        for t in range(1, self.steps + 1):
            p = self.proba(x, w)
            r = np.repeat((p - onehot) / n, x.shape[1], axis=0)
            g = np.stack([np.bincount(flat, r[:, c], d + 1) for c in range(k)], axis=1)
            g += self.l2 * w
            g[0] -= self.l2 * w[0]  # the bias is not penalised
            g[d] = 0.0
            m = 0.9 * m + 0.1 * g
            v = 0.999 * v + 0.001 * g * g
            w -= self.lr * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
        self.w = w
        return self

    @staticmethod
    def proba(x: np.ndarray, w: np.ndarray) -> np.ndarray:
        z = w[x].sum(axis=1)
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return p / p.sum(axis=1, keepdims=True)

    def predict(self, x: np.ndarray) -> np.ndarray:
        return self.proba(x, self.w).argmax(axis=1)


def vectorise(train: list[list[str]], min_count: int = 2) -> dict[str, int]:
    """Feature index from the training examples only: features seen at least ``min_count``
    times; "bias" first so the model can leave it unpenalised."""
    counts = Counter(f for fs in train for f in set(fs))
    names = ["bias", *sorted(f for f, c in counts.items() if c >= min_count and f != "bias")]
    return {f: i for i, f in enumerate(names)}


def matrix(rows: list[list[str]], index: dict[str, int]) -> np.ndarray:
    """Rows of active feature indexes, padded with ``len(index)``."""
    cols = [sorted({index[f] for f in fs if f in index}) for fs in rows]
    width = max((len(c) for c in cols), default=1)
    x = np.full((len(rows), width), len(index), dtype=np.int64)
    for i, c in enumerate(cols):
        x[i, : len(c)] = c
    return x


L2_GRID = (1e-4, 1e-3, 3e-3, 1e-2)


def fit_tuned(
    rows: list[list[str]], y: np.ndarray, groups: list[str]
) -> tuple[Softmax, dict[str, int]]:
    """Pick the L2 penalty by grouped 3-fold CV over the training sets (whole sets per inner
    fold, so the penalty is chosen the way it is judged: across sets), then refit on all."""
    sets = sorted(set(groups))
    inner = {s: i % 3 for i, s in enumerate(sets)}
    best, best_acc = L2_GRID[0], -1.0
    for l2 in L2_GRID:
        ok = 0
        for f in range(3):
            tr = [i for i, g in enumerate(groups) if inner[g] != f]
            te = [i for i, g in enumerate(groups) if inner[g] == f]
            index = vectorise([rows[i] for i in tr])
            x = matrix([rows[i] for i in tr], index)
            model = Softmax(l2).fit(x, len(index), y[tr], len(TYPES))
            ok += int((model.predict(matrix([rows[i] for i in te], index)) == y[te]).sum())
        if ok / len(y) > best_acc:
            best, best_acc = l2, ok / len(y)
    index = vectorise(rows)
    model = Softmax(best).fit(matrix(rows, index), len(index), y, len(TYPES))
    return model, index


def anon_f1(gold: list[int], pred: list[int]) -> float:
    a = TYPES.index("anonymous_person")
    tp = sum(g == a and p == a for g, p in zip(gold, pred, strict=True))
    fp = sum(g != a and p == a for g, p in zip(gold, pred, strict=True))
    fn = sum(g == a and p != a for g, p in zip(gold, pred, strict=True))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def acc(gold: list[int], pred: list[int]) -> float:
    return sum(g == p for g, p in zip(gold, pred, strict=True)) / max(1, len(gold))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, required=True, help="PolNeAR folder")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/sayso-source-type-cv"))
    parser.add_argument("--fit", type=Path, help="write weights fitted on every set here")
    parser.add_argument("--cache-only", action="store_true", help="only run the pipeline")
    args = parser.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    data = []
    for name, split, path in FOLDS:
        texts, gold = _fold_texts(args.polnear, split, path)
        records, docs = run_pipeline(texts, args.cache, name)
        if args.cache_only:
            continue
        check = se.score(records, gold)["source_type_accuracy"]
        rows = examples_for(name, records, docs, gold)
        mine = acc([TYPES.index(r[3]) for r in rows], [TYPES.index(r[4]) for r in rows])
        if abs(mine - check) > 1e-3:
            print(f"warning: {name}: rules {mine:.4f} here, {check:.4f} in sources_eval")
        data += rows
    if args.cache_only:
        return 0
    if args.fit:
        fit(data, args.fit)
        return 0
    report(data)
    return 0


def fit(data: list[Example], path: Path) -> None:
    """Weights fitted on every development set, written where the package loads them."""
    y = np.array([TYPES.index(e[3]) for e in data])
    model, index = fit_tuned([e[1] for e in data], y, [e[0] for e in data])
    names = sorted(index, key=index.__getitem__)
    version = path.stem.rpartition("-v")[2]
    SourceTyper(names, model.w[: len(index)], path.stem).save(path, {
        "version": version,
        "trained_on": [f for f, _, _ in FOLDS],
        "examples": len(data),
        "l2": model.l2,
        "fitted_by": "benchmarks/source_type_cv.py --fit",
    })
    print(f"{path}: {len(data)} examples, {len(names)} features, l2 {model.l2:g}")


def hybrid(example: Example, learned: int) -> int:
    """The type the shipped hybrid mode gives, by :func:`source_typer.retype` itself."""
    rules = example[4]
    att = Attribution(source=() if "empty_source" in example[1] else ((0, 1),), cue=(),
                      content=(), kind="indirect", confidence=0.0, source_type=rules,
                      anonymous=rules == "anonymous_person")
    return TYPES.index(typer.retype(att, TYPES[learned], "hybrid").source_type)


def report(data: list[Example]) -> None:
    """Leave-one-set-out CV: per fold and pooled, then (b)'s confusion and top features."""
    folds = [f for f, _, _ in FOLDS]
    y = np.array([TYPES.index(e[3]) for e in data])
    rules = [TYPES.index(e[4]) for e in data]
    groups = [e[0] for e in data]
    pred = {"b": np.zeros(len(data), dtype=int), "c": np.zeros(len(data), dtype=int)}
    chosen: dict[str, list[float]] = {"b": [], "c": []}
    print(f"{'fold':14} {'n':>5}  {'rules acc':>9} {'F1':>5}  {'(b) acc':>7} {'F1':>5}"
          f"  {'(h) acc':>7} {'F1':>5}  {'(c) acc':>7} {'F1':>5}   l2 b / c"
          "   rules when held out")
    rows_out = []
    acc_fold: dict[str, float] = {}
    for fold in folds:
        te = [i for i, g in enumerate(groups) if g == fold]
        tr = [i for i, g in enumerate(groups) if g != fold]
        for v, col in (("b", 1), ("c", 2)):
            model, index = fit_tuned([data[i][col] for i in tr], y[tr], [groups[i] for i in tr])
            pred[v][te] = model.predict(matrix([data[i][col] for i in te], index))
            chosen[v].append(model.l2)
        g = y[te].tolist()
        r = [rules[i] for i in te]
        b, c = pred["b"][te].tolist(), pred["c"][te].tolist()
        h = [hybrid(data[i], p) for i, p in zip(te, b, strict=True)]
        rows_out.append((acc(g, r), acc(g, b), acc(g, h), acc(g, c)))
        acc_fold[fold] = acc(g, b)
        print(f"{fold:14} {len(te):5}  {acc(g, r):9.3f} {anon_f1(g, r):5.3f}  {acc(g, b):7.3f}"
              f" {anon_f1(g, b):5.3f}  {acc(g, h):7.3f} {anon_f1(g, h):5.3f}"
              f"  {acc(g, c):7.3f} {anon_f1(g, c):5.3f}"
              f"   {chosen['b'][-1]:g} / {chosen['c'][-1]:g}"
              f"   {WHEN_HELD_OUT.get(fold, float('nan')):.3f}", flush=True)
    g = y.tolist()
    b, c = pred["b"].tolist(), pred["c"].tolist()
    h = [hybrid(e, p) for e, p in zip(data, b, strict=True)]
    print(f"{'pooled':14} {len(g):5}  {acc(g, rules):9.3f} {anon_f1(g, rules):5.3f}  "
          f"{acc(g, b):7.3f} {anon_f1(g, b):5.3f}  {acc(g, h):7.3f} {anon_f1(g, h):5.3f}"
          f"  {acc(g, c):7.3f} {anon_f1(g, c):5.3f}")
    means = np.array(rows_out).mean(axis=0)
    print(f"{'mean of folds':14} {'':5}  {means[0]:9.3f} {'':5}  {means[1]:7.3f} {'':5}"
          f"  {means[2]:7.3f} {'':5}  {means[3]:7.3f}")
    sets = [k for k in folds if k in WHEN_HELD_OUT]
    on = [i for i, g in enumerate(groups) if g in WHEN_HELD_OUT]
    pooled_on = acc([g[i] for i in on], [b[i] for i in on])
    print(f"the {len(sets)} sets once held out: (b) pooled {pooled_on:.3f}"
          f", (b) mean {np.mean([acc_fold[k] for k in sets]):.3f};"
          f" rules when held out, mean {np.mean([WHEN_HELD_OUT[k] for k in sets]):.3f}")
    print(f"rules, held-out figures of rounds 4-13: {PAST_HELD_OUT},"
          f" mean {np.mean(PAST_HELD_OUT):.3f}")
    print("(rules: in sample on every fold; (b): out of sample; (h): (b) in the shipped hybrid"
          " mode, the rules' anonymity kept; (c): stacked on the in-sample rules, so optimistic)")
    print("\nforward in time: (b) trained only on the sets opened before this one was held out")
    for k, fold in enumerate(folds):
        if fold not in WHEN_HELD_OUT:
            continue
        tr = [i for i, g in enumerate(groups) if g in folds[:k]]
        te = [i for i, g in enumerate(groups) if g == fold]
        model, index = fit_tuned([data[i][1] for i in tr], y[tr], [groups[i] for i in tr])
        p_te = model.predict(matrix([data[i][1] for i in te], index)).tolist()
        g_te = y[te].tolist()
        print(f"{fold:14} trained on {len(tr):5}: (b) {acc(g_te, p_te):.3f}"
              f" F1 {anon_f1(g_te, p_te):.3f}; rules when held out {WHEN_HELD_OUT[fold]:.3f}",
              flush=True)
    for title, p in (("(b) learned, pooled", b), ("rules, pooled (in sample)", rules)):
        print(f"\nconfusion, {title}: rows gold, columns predicted")
        short = [t[:6] for t in TYPES]
        print(f"{'':18}" + "".join(f"{s:>8}" for s in short))
        for i, t in enumerate(TYPES):
            cells = [sum(gi == i and pi == j for gi, pi in zip(g, p, strict=True))
                     for j in range(len(TYPES))]
            print(f"{t:18}" + "".join(f"{n:8}" for n in cells))
    l2 = float(np.median(chosen["b"]))
    index = vectorise([e[1] for e in data])
    model = Softmax(l2).fit(matrix([e[1] for e in data], index), len(index), y, len(TYPES))
    names = sorted(index, key=index.__getitem__)
    w = model.w[: len(index)]
    w = w - w.mean(axis=1, keepdims=True)
    print(f"\nmost informative features of (b), fitted on all folds (l2 {l2:g}):")
    for k, t in enumerate(TYPES):
        top = np.argsort(-w[:, k])[:10]
        print(f"{t}: " + ", ".join(f"{names[j]} {w[j, k]:+.1f}" for j in top))


if __name__ == "__main__":
    sys.exit(main())
