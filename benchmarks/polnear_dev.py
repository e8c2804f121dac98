"""sayso's benchmarks: quality on PolNeAR dev, speed, and memory; results go to docs/benchmarks.md.

    python benchmarks/polnear_dev.py --polnear ../shared/data/polnear            # make bench
    python benchmarks/polnear_dev.py --polnear ../shared/data/polnear --limit 10 \\
        --articles 100,1000 --no-write                                         # a quick try

Four parts (``--only`` picks some):

quality  ``sayso analyze`` (a subprocess, as a user runs it) over PolNeAR dev, scored by the
         reference scorer ``../shared/tools/attr_eval.py --json`` (and by ``sayso evaluate``,
         which must agree).
speed    words per second, words being ``\\w+`` regex tokens of the input: the bare spaCy
         pipeline (``spacy.load``, every component, ``nlp.pipe``) against sayso's pipeline, in
         this process on the same dev texts, both the full pipeline and the attribution layer
         alone (``base_nlp(ner=False)`` + ``sayso_attribution``); then ``--jobs 1`` against
         ``--jobs 2`` through :func:`sayso.batch.analyze_items`, the function the CLI uses,
         over the dev texts repeated ``--repeat`` times (a batch run, so that worker start-up
         is amortised as it is on a real corpus).
memory   peak RSS of a streaming ``sayso analyze`` (a child process, ``--jobs 1``) over
         generated folders of small fictional articles, 1,000 and 10,000 by default; peak RSS
         is ``ru_maxrss`` of the child, read with ``resource.getrusage`` in a wrapper process.
sources  ``benchmarks/sources_eval.py --json`` (source typing, anonymity, actor links, roles,
         channels and denial links against the hand-made gold sets).
docs     writes ``docs/benchmarks.md`` with the figures, the machine and the commands.

``--limit N`` uses the first N dev articles (quality is then scored on those N only).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shlex
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from report import write_section  # benchmarks/ is on sys.path when run as a script

REPO = Path(__file__).resolve().parent.parent
DEFAULT_POLNEAR = REPO.parent / "shared" / "data" / "polnear"
DEFAULT_SCORER = REPO.parent / "shared" / "tools" / "attr_eval.py"
WORD = re.compile(r"\w+")
PARTS = ("quality", "speed", "memory", "sources", "accurate")

TEMPLATES = (
    "{a} said on {day} that the {thing} in {town} would reopen after repairs costing {n} "
    "thousand pounds. “We have waited long enough,” {b} told the council meeting.",
    "According to {b}, the {thing} had been closed for {n} weeks. Residents complained that "
    "nobody had warned them, and {a} admitted the notices were late.",
    "The weather service warned that storms would reach {town} by {day}. {a} insisted the "
    "{thing} was safe, but {b} said inspectors had found {n} cracks.",
)
NAMES = (
    "Mayor Odile Brandt",
    "Inspector Kwame Osei",
    "the harbour master",
    "Dr Lena Varga",
    "a ferry pilot",
    "Councillor Ines Roth",
    "the port authority",
)
THINGS = ("ferry terminal", "swimming pool", "library", "footbridge", "lighthouse")
TOWNS = ("Kelmsford", "Port Arran", "Wexley", "Dunmore Quay")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


# -- shared ------------------------------------------------------------------------------


def dev_split(polnear: Path, limit: int | None, tmp: Path) -> Path:
    """PolNeAR dev, or a copy-by-symlink of its first ``limit`` articles (metadata included)."""
    dev = polnear / "dev"
    if not (dev / "text").is_dir():
        sys.exit(f"polnear_dev.py: no PolNeAR dev at {dev} (give --polnear)")
    if limit is None:
        return dev
    split = tmp / "polnear" / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (tmp / "polnear" / "metadata.tsv").symlink_to((polnear / "metadata.tsv").resolve())
    for txt in sorted((dev / "text").glob("*.txt"))[:limit]:
        (split / "text" / txt.name).symlink_to(txt.resolve())
        for ann in (dev / "attributions").glob(f"{txt.stem}_*.ann"):
            (split / "attributions" / ann.name).symlink_to(ann.resolve())
    return split


def dev_texts(split: Path) -> list[tuple[str, str]]:
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((split / "text").glob("*.txt"))]


def words(texts: list[str]) -> int:
    return sum(len(WORD.findall(t)) for t in texts)


def sayso_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "sayso", *args]


def shown(cmd: list[str], tmp: Path) -> str:
    """A command as run from the repository root: ``python``, ``$TMP/...``, relative paths."""
    out: list[str] = []
    for part in cmd:
        if part == sys.executable:
            part = "python"
        elif part.startswith(str(tmp)):
            part = "$TMP" + part[len(str(tmp)) :]
        elif part.startswith(str(REPO.parent)):
            part = os.path.relpath(part, REPO)
        out.append(part)
    return " ".join(out)


# -- quality -----------------------------------------------------------------------------


def quality(split: Path, scorer: Path, tmp: Path, model: str = "default") -> dict[str, Any]:
    pred = tmp / f"dev-{model}.jsonl"
    cmd = sayso_cmd("analyze", str(split / "text"), "-o", str(pred))
    if model != "default":
        cmd += ["--model", model]
    started = time.perf_counter()
    subprocess.run(cmd, check=True)
    seconds = time.perf_counter() - started
    score_cmd = [sys.executable, str(scorer), "--gold", str(split), "--pred", str(pred), "--json"]
    reference = json.loads(
        subprocess.run(score_cmd, check=True, capture_output=True, text=True).stdout
    )
    ours = json.loads(
        subprocess.run(
            sayso_cmd("evaluate", "--gold", str(split), "--pred", str(pred), "--json"),
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    agree = all(ours[k] == reference[k] for k in ("token", "exact", "linked", "strict_linked"))
    model = json.loads(pred.read_text(encoding="utf-8").splitlines()[0])["producer"]
    return {
        "scores": reference,
        "seconds": seconds,
        "sayso_evaluate_agrees": agree,
        "producer": model,
        "commands": [shown(cmd, tmp), shown(score_cmd, tmp)],
    }


# -- speed -------------------------------------------------------------------------------


def timed_rate(n_words: int, run: Any) -> tuple[dict[str, float], Any]:
    """Wall time and words/s of ``run()``, and what it returned."""
    started = time.perf_counter()
    value = run()
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "words_per_s": n_words / seconds}, value


def speed(split: Path, max_jobs: int, repeat: int) -> dict[str, Any]:
    import spacy

    from sayso.analyze import analyze_articles
    from sayso.batch import analyze_items
    from sayso.contract import Article
    from sayso.nlp import base_nlp, base_pipeline_name, load_nlp

    docs = dev_texts(split)
    texts = [t for _, t in docs]
    articles = [Article(id=name, text=text) for name, text in docs]
    n_words = words(texts)
    base = base_pipeline_name()
    bare = spacy.load(base)
    nlp = load_nlp("default")  # the cache entry analyze_items uses too
    attribution_only = base_nlp(ner=False)
    attribution_only.add_pipe("sayso_attribution")
    # the first doc pays one-off costs (lazy tables, allocation)
    for warm in (bare, nlp, attribution_only):
        list(warm.pipe(texts[:2]))
    out: dict[str, Any] = {
        "words": n_words,
        "articles": len(texts),
        "base": base,
        "bare_pipes": bare.pipe_names,
        "sayso_pipes": nlp.pipe_names,
        "attribution_pipes": attribution_only.pipe_names,
        "repeat": repeat,
    }
    out["bare"], _ = timed_rate(n_words, lambda: [None for _ in bare.pipe(texts, batch_size=32)])
    out["sayso"], _ = timed_rate(n_words, lambda: list(analyze_articles(articles, nlp=nlp)))
    out["attribution"], _ = timed_rate(
        n_words, lambda: list(analyze_articles(articles, nlp=attribution_only))
    )
    batch = [Article(id=f"{a.id}~{r}", text=a.text) for r in range(repeat) for a in articles]
    out["jobs"] = {}
    first: list[Any] = []
    for jobs in range(1, max_jobs + 1):
        rate, records = timed_rate(
            n_words * repeat, lambda j=jobs: list(analyze_items(batch, jobs=j))
        )
        first = first or records
        rate["same_records_as_jobs_1"] = records == first
        if jobs > 1:  # workers start and load the pipeline inside the timing: measure that
            started = time.perf_counter()
            list(analyze_items(articles[:1], jobs=jobs))
            rate["startup_seconds"] = time.perf_counter() - started
        out["jobs"][jobs] = rate
    return out


def accurate(split: Path, scorer: Path, tmp: Path) -> dict[str, Any]:
    """The accurate tier: its quality, and its speed next to the bare pipeline's, both on
    one core (this process is pinned to CPU 0 and torch to one thread; run this part last)."""
    import spacy
    import torch

    from sayso.analyze import analyze_articles
    from sayso.contract import Article
    from sayso.nlp import base_nlp, base_pipeline_name, load_nlp

    out = {"quality": quality(split, scorer, tmp, model="accurate")}
    os.sched_setaffinity(0, {0})
    torch.set_num_threads(1)
    docs = dev_texts(split)
    texts = [t for _, t in docs]
    articles = [Article(id=name, text=text) for name, text in docs]
    n_words = words(texts)
    bare = spacy.load(base_pipeline_name())
    nlp = load_nlp("accurate")
    attribution_only = base_nlp(ner=False)  # as the speed part times the default tier's
    attribution_only.add_pipe("sayso_attribution", config={"model": "accurate"})
    for warm in (bare, nlp, attribution_only):
        list(warm.pipe(texts[:2]))
    out["bare"], _ = timed_rate(n_words, lambda: [None for _ in bare.pipe(texts, batch_size=32)])
    out["sayso"], _ = timed_rate(n_words, lambda: list(analyze_articles(articles, nlp=nlp)))
    out["attribution"], _ = timed_rate(
        n_words, lambda: list(analyze_articles(articles, nlp=attribution_only))
    )
    out["words"] = n_words
    out["base"] = base_pipeline_name()
    folder = REPO / "src" / "sayso" / "models"
    out["size_mb"] = {
        m.name: round(sum(f.stat().st_size for f in m.iterdir()) / 1e6, 1)
        for m in folder.iterdir()
        if m.is_dir()
    }
    return out


def sources(polnear: Path) -> dict[str, Any]:
    """The figures of ``benchmarks/sources_eval.py`` on every gold set, held-out one included."""
    cmd = [sys.executable, str(REPO / "benchmarks" / "sources_eval.py"), "--json", "--held-out"]
    cmd += ["--polnear", str(polnear)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=REPO).stdout
    return dict(json.loads(out))


# -- memory ------------------------------------------------------------------------------


def generate(folder: Path, n: int) -> int:
    """``n`` small articles as .txt files, 1,000 to a subfolder; returns their word count."""
    total = 0
    for i in range(n):
        paragraphs = [
            TEMPLATES[(i + k) % len(TEMPLATES)].format(
                a=NAMES[(i + k) % len(NAMES)],
                b=NAMES[(i + 3 * k + 1) % len(NAMES)],
                thing=THINGS[(i // 3 + k) % len(THINGS)],
                town=TOWNS[(i + k) % len(TOWNS)],
                day=DAYS[(i + 2 * k) % len(DAYS)],
                n=(i * 7 + k) % 90 + 2,
            )
            for k in range(1 + i % 3)
        ]
        text = "\n\n".join(paragraphs) + "\n"
        total += len(WORD.findall(text))
        path = folder / f"{i // 1000:03}" / f"article-{i:06}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return total


PEAK_RSS = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def memory(counts: list[int], tmp: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for n in counts:
        folder = tmp / f"gen-{n}"
        n_words = generate(folder, n)
        cmd = sayso_cmd("analyze", str(folder), "-o", os.devnull)
        started = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c", PEAK_RSS, *cmd], check=True, capture_output=True, text=True
        )
        seconds = time.perf_counter() - started
        out[n] = {
            "peak_rss_mib": int(proc.stdout.split()[-1]) / 1024,
            "words": n_words,
            "seconds": seconds,
            "command": shown(cmd, tmp),
        }
    return out


# -- docs --------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    cpu = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as fh:
        mem_kib = int(fh.readline().split()[1])
    import importlib.util

    import spacy

    import sayso

    return {
        "torch_installed": importlib.util.find_spec("torch") is not None,
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gib": round(mem_kib / 2**20, 1),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "sayso": sayso.__version__,
        "load": os.getloadavg()[0],
    }


def f3(x: float) -> str:
    return f"{x:.3f}".lstrip("0") if x < 1 else f"{x:.3f}"


SOURCE_TARGETS = (
    ("source-type accuracy", "source_type_accuracy", 0.90),
    ("anonymity F1", "anonymity", 0.90),
    ("source-to-actor link accuracy", "link_accuracy", 0.85),
    ("role/title F1", "roles", 0.80),
    ("channel F1", "channel", 0.80),
    ("denial-link F1", "denial", 0.75),
    ("cue stance accuracy", "stance_accuracy", None),
)


SOURCE_SETS = (
    ("examples", "sample articles"),
    ("polnear_train_devel", "PolNeAR train 40"),
    ("polnear_dev_devel", "PolNeAR dev 40"),
    ("polnear_dev_opened", "PolNeAR dev 42"),
    ("polnear_train_opened", "PolNeAR train 40 (2)"),
    ("polnear_train_opened2", "PolNeAR train 40 (3)"),
    ("polnear_train_opened3", "PolNeAR train 40 (4)"),
    ("polnear_train_opened4", "PolNeAR train 40 (5)"),
    ("polnear_train_opened5", "PolNeAR train 40 (6)"),
    ("polnear_train_opened6", "PolNeAR train 40 (7)"),
    ("polnear_train_opened7", "PolNeAR train 40 (8)"),
    ("polnear_train_opened8", "PolNeAR train 40 (9)"),
    ("polnear_train_opened9", "PolNeAR train 40 (10)"),
    ("polnear_train_opened10", "PolNeAR train 40 (11)"),
    ("polnear_train_opened11", "PolNeAR train 40 (12)"),
    ("polnear_train_opened12", "PolNeAR train 40 (13)"),
    ("polnear_train_opened13", "PolNeAR train 40 (14)"),
    ("polnear_train_opened14", "PolNeAR train 40 (15)"),
    ("polnear_train_opened15", "PolNeAR train 40 (16)"),
    ("polnear_train_opened16", "PolNeAR train 40 (17)"),
    ("polnear_train_opened17", "PolNeAR train 40 (18)"),
    ("polnear_train_heldout", "**PolNeAR train 40 (19), held out**"),
    ("pooled", "all pooled"),
)


def sources_table(figures: dict[str, Any]) -> list[str]:
    """One row per figure the sources issue sets a target for, one column per gold set."""

    def cell(block: dict[str, Any], key: str) -> str:
        value = block.get(key)
        if value is None:
            return "-"
        return f3(value["f1"] if isinstance(value, dict) else value)

    sets = [(key, title, figures[key]) for key, title in SOURCE_SETS if key in figures]
    head = " | ".join(
        f"{title} ({b.get('matched')}/{b.get('gold_attributions')})" for _, title, b in sets
    )
    lines = [f"| figure | {head} | target |", "|---|" + "---|" * len(sets) + "---|"]
    for label, key, target in SOURCE_TARGETS:
        goal = f">= {target:.2f}" if target else "-"
        cells = " | ".join(cell(b, key) for _, _, b in sets)
        lines.append(f"| {label} | {cells} | {goal} |")
    return lines


def render(results: dict[str, Any], command: str) -> str:
    m = results["machine"]
    lines = [
        "## PolNeAR dev: quality, speed, memory, sources",
        "",
        f"Written by `benchmarks/polnear_dev.py` on {results['date']}. Re-run with:",
        "",
        f"    {command}",
        "",
        f"Machine: {m['nproc']} CPUs ({m['cpu']}), {m['ram_gib']} GiB RAM, {m['os']}; "
        f"Python {m['python']}, spaCy {m['spacy']}, sayso {m['sayso']}. Load average when the "
        f"run started: {m['load']:.2f} (on a shared machine timings vary by tens of percent).",
    ]
    if "quality" in results:
        q = results["quality"]
        s = q["scores"]
        ex, tok, c = s["exact"], s["token"], s["counts"]
        lines += [
            "",
            "### Quality on PolNeAR dev",
            "",
            f"Attribution model `{q['producer']['attribution_model']}` on "
            f"`{q['producer']['spacy_pipeline']}`; {c['docs']} articles, "
            f"{c['gold_attributions']} gold and {c['pred_attributions']} predicted attributions. "
            "Scored by the reference scorer; `sayso evaluate` gives "
            + ("the same figures." if q["sayso_evaluate_agrees"] else "DIFFERENT figures (a bug)."),
            "",
            "| metric | P | R | F1 |",
            "|---|---|---|---|",
        ]
        rows = [(f"exact {r}", ex[r]) for r in ("Source", "Cue", "Content")]
        rows += [(f"token {r}", tok[r]) for r in ("Source", "Cue", "Content")]
        rows += [("linked", s["linked"]), ("strict linked", s["strict_linked"])]
        lines += [f"| {name} | {f3(v['p'])} | {f3(v['r'])} | {f3(v['f1'])} |" for name, v in rows]
        lines += [
            "",
            f"Analysis took {q['seconds']:.1f} s wall time (one process, model load "
            "included). Commands, from the repository root ($TMP is a temporary folder):",
            "",
        ]
        lines += [f"    {cmd}" for cmd in q["commands"]]
    if "speed" in results:
        sp = results["speed"]
        lines += [
            "",
            "### Speed",
            "",
            f"Words are `\\w+` regex tokens of the input: {sp['words']:,} in "
            f"{sp['articles']} PolNeAR dev articles. One process, pipelines loaded and warmed "
            "before timing.",
            "",
            "| pipeline | components | words/s |",
            "|---|---|---|",
            f"| bare `{sp['base']}` (`spacy.load`, `nlp.pipe`) | {', '.join(sp['bare_pipes'])} | "
            f"{sp['bare']['words_per_s']:,.0f} |",
            f"| sayso (`analyze_articles`) | {', '.join(sp['sayso_pipes'])} | "
            f"{sp['sayso']['words_per_s']:,.0f} |",
            f"| sayso attribution layer alone | {', '.join(sp['attribution_pipes'])} | "
            f"{sp['attribution']['words_per_s']:,.0f} |",
            "",
            f"Ratios to the bare pipeline: full sayso pipeline "
            f"{sp['sayso']['words_per_s'] / sp['bare']['words_per_s']:.2f}x, attribution layer "
            f"alone {sp['attribution']['words_per_s'] / sp['bare']['words_per_s']:.2f}x.",
            "",
            "Through `sayso.batch.analyze_items`, as `sayso analyze --jobs N` runs (worker "
            f"processes start and load the pipeline inside the timing; their start-up is "
            f"measured apart on one article), over the dev texts repeated {sp['repeat']} times "
            f"({sp['words'] * sp['repeat']:,} words). A speed-up needs idle cores: compare the "
            "load average above with the CPU count. Records identical to `--jobs 1`: "
            + ("yes" if all(r["same_records_as_jobs_1"] for r in sp["jobs"].values()) else "NO")
            + ".",
            "",
            "| jobs | wall s | words/s | worker start-up s | words/s after start-up |",
            "|---|---|---|---|---|",
        ]
        for jobs, r in sp["jobs"].items():
            startup = r.get("startup_seconds", 0.0)
            working = r["seconds"] - startup
            steady = f"{sp['words'] * sp['repeat'] / working:,.0f}" if working > 0 else "n/a"
            lines.append(
                f"| {jobs} | {r['seconds']:.1f} | {r['words_per_s']:,.0f} | {startup:.1f} "
                f"| {steady} |"
            )
    if "memory" in results:
        lines += [
            "",
            "### Memory",
            "",
            "Peak RSS of `sayso analyze` (one process, streaming) over generated folders of small "
            "fictional articles (one to three template paragraphs each), output to /dev/null. "
            + (
                "torch is installed in this environment (the transformer extra, which `make "
                "test` installs): spaCy's thinc imports it at start-up even for the default "
                "model, about 170 MiB of the figures below; a core install has no torch."
                if results["machine"].get("torch_installed")
                else "No torch in this environment (a core install)."
            ),
            "",
            "| articles | words | peak RSS MiB | wall s |",
            "|---|---|---|---|",
        ]
        for n, r in results["memory"].items():
            lines.append(
                f"| {int(n):,} | {r['words']:,} | {r['peak_rss_mib']:.0f} | {r['seconds']:.0f} |"
            )
        first = next(iter(results["memory"].values()))
        lines += ["", "Command ($TMP/gen-N is the generated folder):", ""]
        lines.append(f"    {first['command']}")
    if "sources" in results:
        lines += [
            "",
            "### Sources, stance and actors",
            "",
            "Against the hand-made gold sets described in `docs/sources.md`: the sample "
            "articles, 720 PolNeAR train and 82 PolNeAR dev articles are development sets "
            "(rules were written from their errors; 42 of the dev articles were round 4's "
            "held-out set and 680 of the train articles rounds 5 to 21's); 40 more PolNeAR "
            "train articles, labelled during round 19, are held out (only "
            "their figures are read; the attribution model was trained on train, so more of their "
            "gold attributions are found). In "
            "brackets: gold attributions the attribution model found / all, on which the "
            "fields are scored. Command:",
            "",
            "    python benchmarks/sources_eval.py --polnear ../shared/data/polnear"
            " --held-out --json",
            "",
            *sources_table(results["sources"]),
        ]
    if "accurate" in results:
        lines += ["", *tiers_table(results)]
    return "\n".join(lines) + "\n"


def tiers_table(results: dict[str, Any]) -> list[str]:
    """The two tiers side by side (the default tier's row needs the quality part too)."""
    acc = results["accurate"]
    rows = [("accurate (`--model accurate`)", acc["quality"], acc["sayso"]["words_per_s"],
             acc["attribution"]["words_per_s"])]
    if "quality" in results:
        sp = results.get("speed")
        rows.insert(0, ("default", results["quality"], sp and sp["sayso"]["words_per_s"],
                        sp and sp["attribution"]["words_per_s"]))
    bare = acc["bare"]["words_per_s"]
    lines = [
        "### Both tiers side by side",
        "",
        "PolNeAR dev, the reference scorer. Speed is words/s in one process: of the whole "
        "`analyze` pipeline (NER, actors, sources and stance included), and of the "
        "attribution layer alone (the base pipeline without NER, then `sayso_attribution`: "
        "what the attribution figures need, as the quality gate runs it). The accurate row "
        "pins the process to CPU 0 and torch to one thread; the bare "
        f"`{acc['base']}` pipeline ran at {bare:,.0f} words/s in that same run, so the "
        f"accurate tier runs at {acc['sayso']['words_per_s'] / bare:.2f}x the bare pipeline "
        f"whole and {acc['attribution']['words_per_s'] / bare:.2f}x as the attribution layer "
        "alone. The default row is the speed table's above (spaCy and the perceptrons use "
        "one core).",
        "",
        "| tier | linked F1 | exact Source | exact Cue | exact Content | token Content | "
        "words/s, whole pipeline | words/s, attribution layer |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, q, wps, layer in rows:
        s = q["scores"]
        ex = s["exact"]
        rates = " | ".join(f"{r:,.0f}" if r else "-" for r in (wps, layer))
        lines.append(
            f"| {name} | {f3(s['linked']['f1'])} | {f3(ex['Source']['f1'])} | "
            f"{f3(ex['Cue']['f1'])} | {f3(ex['Content']['f1'])} | "
            f"{f3(s['token']['Content']['f1'])} | {rates} |"
        )
    sizes = ", ".join(f"`{k}` {v} MB" for k, v in sorted(acc["size_mb"].items()))
    lines += [
        "",
        f"Targets (issue 3): accurate linked >= .72, exact >= .80 / .75 / .65 at >= 2,000 "
        f"words/s on one core. Model folders: {sizes}. Commands:",
        "",
        *[f"    {cmd}" for cmd in acc["quality"]["commands"]],
    ]
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR, help="PolNeAR data folder")
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER, help="attr_eval.py")
    ap.add_argument("--limit", type=int, help="use only the first N dev articles")
    ap.add_argument("--articles", default="1000,10000", help="generated corpus sizes (memory)")
    ap.add_argument("--max-jobs", type=int, default=2, help="time --jobs 1 up to this")
    ap.add_argument("--repeat", type=int, default=4, help="dev passes for the --jobs timing")
    ap.add_argument("--only", nargs="+", choices=PARTS, default=list(PARTS))
    ap.add_argument("--out", type=Path, default=REPO / "docs" / "benchmarks.md")
    ap.add_argument("--no-write", action="store_true", help="print results, leave docs alone")
    args = ap.parse_args(argv)
    command = shlex.join(["python", "benchmarks/polnear_dev.py", *(argv or sys.argv[1:])])
    results: dict[str, Any] = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
    }
    with tempfile.TemporaryDirectory(prefix="sayso-bench-") as name:
        tmp = Path(name)
        split = dev_split(args.polnear.resolve(), args.limit, tmp)
        if "quality" in args.only:
            results["quality"] = quality(split, args.scorer, tmp)
        if "speed" in args.only:
            results["speed"] = speed(split, args.max_jobs, args.repeat)
        if "memory" in args.only:
            counts = [int(n) for n in args.articles.split(",")]
            results["memory"] = memory(counts, tmp)
        if "sources" in args.only:
            results["sources"] = sources(args.polnear.resolve())
        if "accurate" in args.only:
            results["accurate"] = accurate(split, args.scorer, tmp)
    print(json.dumps(results, indent=1, default=str))
    if not args.no_write:
        write_section(args.out, "polnear_dev", render(results, command))
        print(f"wrote {args.out}", file=sys.stderr)
    return 0 if results.get("quality", {}).get("sayso_evaluate_agrees", True) else 1


if __name__ == "__main__":
    sys.exit(main())
