"""Performance report of the site: ``make bench`` writes reports/bench.md and reports/bench.json.

A benchmark, not a test: nothing here fails on a slow number. It measures, from the last commit
(exported to a temporary directory, so the working tree is never touched):

1. build times: a clean build (every figure recomputed, then ``mkdocs build --strict``) and a warm
   rebuild (``mkdocs build`` again, nothing changed);
2. for every page, in Chromium: bytes transferred and requests by type (HTML, CSS, JS, fonts, images,
   other) once the reader has scrolled to the bottom (so every lazy figure in view has loaded);
3. the largest figure files;
4. Lighthouse (npm, pinned in package-lock.json), mobile and desktop, for every page, the median of
   ``--runs`` (3) runs;
5. the same for two baselines of every page, in the same run (tools/baselines.py): the content-only
   **floor** and the **stock** build (stock Material, MathJax 3 from npm served locally), and the
   ratios site ÷ floor. Absolute times vary with the machine's load; ratios from one run do not.

The site is served by a local static server that gzips text like any real host (GitHub Pages,
Netlify, nginx defaults) and is built with ``SITE_URL`` set to that server's address; each variant
is served in turn at that address.

    python -m tools.bench                     # everything (minutes per page: 3 variants x 2 presets x 3 runs)
    python -m tools.bench --no-lighthouse     # build times, weights (site and floor) and figures only
    python -m tools.bench --pages home 'articles/norms' --runs 3
    python -m tools.bench --site site --baselines floor   # a site already built, next to its floor
"""

from __future__ import annotations

import argparse
import datetime
import fnmatch
import io
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tools import baselines as baselines_module
from tools.browser import CHROMIUM, CHROMIUM_ARGS, CHROMIUM_FLAGS, Server, free_port

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "reports"
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
KINDS = ("html", "css", "js", "font", "image", "other")
# The targets of issues 8 and 17 (every page): scores, weight budgets (labs get more), layout shift.
TARGETS = {
    "mobile performance": 95,
    "desktop performance": 100,
    "points below floor": 4,
    "accessibility": 100,
    "best-practices": 100,
    "seo": 100,
    "weight KiB": 250,
    "CLS": 0.02,
    "figure KiB": 150,
}
LAB_WEIGHT_KIB = 300
KiB = 1024
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
    "total-byte-weight",
)
# What each page is compared with, measured in the same run (tools/baselines.py).
BASELINES = ("floor", "stock")


# --------------------------------------------------------------------------------------------
# Pure helpers (tested in tests/tools/test_bench.py)
# --------------------------------------------------------------------------------------------


def kind(resource_type: str, url: str) -> str:
    """The weight category of one request, from Chromium's resource type and the URL."""
    path = urlsplit(url).path.lower()
    by_type = {"document": "html", "stylesheet": "css", "script": "js", "font": "font", "image": "image"}
    if resource_type in by_type:
        return by_type[resource_type]
    suffix = Path(path).suffix
    for name, suffixes in {
        "html": {".html"},
        "css": {".css"},
        "js": {".js", ".mjs"},
        "font": {".woff2", ".woff", ".ttf", ".otf"},
        "image": {".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico"},
    }.items():
        if suffix in suffixes:
            return name
    return "other"


def page_paths(site: Path) -> list[str]:
    """Every page of a built site as a URL path (``/``, ``/articles/norms/``), 404 page excluded."""
    paths = []
    for index in site.rglob("index.html"):
        rel = index.parent.relative_to(site).as_posix()
        paths.append("/" if rel == "." else f"/{rel}/")
    return sorted(paths, key=lambda p: (p != "/", p))


def select(paths: list[str], patterns: list[str] | None) -> list[str]:
    """Pages matching any of the glob patterns (matched without the leading and trailing slash)."""
    if not patterns:
        return paths
    return [p for p in paths if any(fnmatch.fnmatch(p.strip("/") or "home", pat.strip("/")) for pat in patterns)]


def largest_figures(site: Path, count: int = 5) -> list[dict]:
    figures = [(p.stat().st_size, p.relative_to(site).as_posix()) for p in site.glob("figures/**/*.svg")]
    return [{"file": name, "bytes": size} for size, name in sorted(figures, reverse=True)[:count]]


def page_figure_bytes(site: Path, page: dict) -> int:
    """The largest figure file a page shows, light or dark twin (only one of them is fetched)."""
    sizes = [0]
    for f in page["files"]:
        if f["url"].startswith("/figures/") and f["url"].endswith(".svg"):
            light = f["url"].removesuffix(".dark.svg").removesuffix(".svg")
            for twin in (f"{light}.svg", f"{light}.dark.svg"):
                path = site / twin.lstrip("/")
                sizes.append(path.stat().st_size if path.is_file() else 0)
    return max(sizes)


def weight_budget_kib(path: str) -> int:
    return LAB_WEIGHT_KIB if path.startswith("/labs/") else TARGETS["weight KiB"]


def _performance(page: dict, preset: str) -> int | None:
    run = (page.get("lighthouse") or {}).get(preset) or {}
    return (run.get("scores") or {}).get("performance")


def targets(page: dict, largest_figure_bytes: int, path: str = "/") -> dict[str, bool | None]:
    """Which of the targets a page meets (None: not measured)."""
    lh = page.get("lighthouse") or {}
    mobile, desktop = lh.get("mobile", {}).get("scores", {}), lh.get("desktop", {}).get("scores", {})

    def at_least(value, bound):
        return None if value is None else value >= bound

    result = {
        "mobile performance": at_least(mobile.get("performance"), TARGETS["mobile performance"]),
        "desktop performance": at_least(desktop.get("performance"), TARGETS["desktop performance"]),
    }
    floor = (page.get("baselines") or {}).get("floor") or {}
    gaps = [
        _performance(floor, preset) - _performance(page, preset)
        for preset in ("mobile", "desktop")
        if _performance(page, preset) is not None and _performance(floor, preset) is not None
    ]
    result["points below floor"] = max(gaps) <= TARGETS["points below floor"] if gaps else None
    for category in ("accessibility", "best-practices", "seo"):
        values = [s.get(category) for s in (mobile, desktop) if s.get(category) is not None]
        result[category] = min(values) >= TARGETS[category] if values else None
    result["weight KiB"] = page["transfer"]["total"] <= weight_budget_kib(path) * KiB
    shifts = [
        run["values"]["cumulative-layout-shift"]
        for run in lh.values()
        if (run.get("values") or {}).get("cumulative-layout-shift") is not None
    ]
    result["CLS"] = max(shifts) <= TARGETS["CLS"] if shifts else None
    result["figure KiB"] = largest_figure_bytes <= TARGETS["figure KiB"] * KiB
    return result


def ratio(site: float | None, floor: float | None) -> float | None:
    """site ÷ floor, None when either is missing or the floor is zero."""
    if site is None or floor is None or floor == 0:
        return None
    return site / floor


def comparison(page: dict) -> dict:
    """The page next to its baselines: transferred bytes, Lighthouse performance and key timings
    per preset, and the ratios site ÷ floor (what counts on a busy machine: one run, same load)."""
    variants = {"site": page, **(page.get("baselines") or {})}
    rows = {}
    for name, variant in variants.items():
        row = {"transfer": variant.get("transfer", {}).get("total")}
        for preset in ("mobile", "desktop"):
            run = (variant.get("lighthouse") or {}).get(preset) or {}
            values = run.get("values") or {}
            row[f"{preset} performance"] = (run.get("scores") or {}).get("performance")
            for metric in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time"):
                row[f"{preset} {metric}"] = values.get(metric)
        rows[name] = row
    floor = rows.get("floor", {})
    rows["site / floor"] = {key: ratio(value, floor.get(key)) for key, value in rows["site"].items()}
    return rows


# --------------------------------------------------------------------------------------------
# Serving the site like a real static host
# --------------------------------------------------------------------------------------------


# --------------------------------------------------------------------------------------------
# Measurements
# --------------------------------------------------------------------------------------------


def export_commit(dest: Path) -> str:
    """The last commit's files in ``dest`` (no .git), and the commit id."""
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True)
    archive = subprocess.run(["git", "archive", "--format=tar", "HEAD"], cwd=ROOT, capture_output=True, check=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(dest, filter="data")
    (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return commit.stdout.strip()


def timed(cmd: list[str], cwd: Path, env: dict) -> float:
    start = time.perf_counter()
    run = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if run.returncode:
        raise SystemExit(f"error: {' '.join(cmd)} failed:\n{run.stdout[-2000:]}{run.stderr[-4000:]}")
    return elapsed


def build(src: Path, env: dict) -> dict:
    for generated in (src / "figures").iterdir():  # committed output: recompute it all
        if generated.is_dir():
            shutil.rmtree(generated)
    figures = timed([sys.executable, "-m", "scripts.build"], src, env)
    site = timed([sys.executable, "-m", "mkdocs", "build", "--strict"], src, env)
    warm = timed([sys.executable, "-m", "mkdocs", "build", "--strict"], src, env)
    return {
        "clean figures s": round(figures, 1),
        "clean site s": round(site, 1),
        "clean total s": round(figures + site, 1),
        "warm rebuild s": round(warm, 1),
    }


SCROLL = """
async () => {
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  for (let y = 0; y < document.documentElement.scrollHeight; y += 600) { scrollTo(0, y); await sleep(40); }
}
"""


def weigh(origin: str, paths: list[str]) -> dict[str, dict]:
    """Bytes (transferred and decoded) and requests by kind, for each page, after scrolling to the end."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    pages = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path in paths:
            context = browser.new_context(viewport={"width": 1280, "height": 900})  # a cold cache per page
            tab = context.new_page()
            tab.set_default_timeout(180_000)  # a MathJax page on a busy machine: minutes, not a failure
            responses = []
            tab.on("response", lambda response, into=responses: into.append(response))
            tab.goto(origin + path, wait_until="load")
            tab.evaluate(SCROLL)
            try:
                tab.wait_for_load_state("networkidle")
                settled = True
            except PlaywrightTimeout:  # weigh what arrived; the report marks the page
                settled = False
            transfer = dict.fromkeys(KINDS, 0)
            decoded = dict.fromkeys(KINDS, 0)
            requests = dict.fromkeys(KINDS, 0)
            files = []
            for response in responses:
                if response.url.startswith("data:"):
                    continue
                k = kind(response.request.resource_type, response.url)
                sizes = response.request.sizes()
                # A worker's script reports no body size: take what the server said it sent.
                body_size = sizes["responseBodySize"] or int(response.headers.get("content-length") or 0)
                size = body_size + sizes["responseHeadersSize"]
                body = len(response.body()) if response.status == 200 else 0
                transfer[k] += size
                decoded[k] += body
                requests[k] += 1
                files.append({"url": unquote(urlsplit(response.url).path), "kind": k, "transfer": size, "bytes": body})
            transfer["total"], decoded["total"] = sum(transfer.values()), sum(decoded.values())
            requests["total"] = sum(requests.values())
            pages[path] = {
                "transfer": transfer,
                "decoded": decoded,
                "requests": requests,
                "files": files,
                "settled": settled,
            }
            context.close()
        browser.close()
    return pages


def lighthouse(url: str, preset: str) -> dict:
    """Scores (0-100), key metrics and the weighted audits that are not perfect, for one run."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "lh.json"
        cmd = [
            "node",
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}",
        ]
        if preset == "desktop":
            cmd.append("--preset=desktop")
        run = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
        if run.returncode or not out.is_file():
            return {"error": (run.stderr or run.stdout)[-1000:]}
        report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    scores = {c: round(100 * report["categories"][c]["score"]) for c in CATEGORIES}
    metrics = {m: audits[m].get("displayValue", "") for m in METRICS}
    values = {m: audits[m].get("numericValue") for m in METRICS}
    limits = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = audits[ref["id"]]
            if ref["weight"] > 0 and audit.get("score") is not None and audit["score"] < 1:
                limits.append(f"{category}: {ref['id']} {audit.get('displayValue', '')}".strip())
    for audit in audits.values():  # performance opportunities (not weighted, but what to fix first)
        savings = (audit.get("metricSavings") or {}).get("LCP", 0) or (audit.get("metricSavings") or {}).get("FCP", 0)
        # Lighthouse 12 reports most opportunities twice (audit and "-insight"): keep the audit.
        if audit["id"].endswith("-insight") or audit["id"] in ("largest-contentful-paint-element",):
            continue
        if audit.get("score") is not None and audit["score"] < 0.9 and savings >= 100:
            limits.append(f"opportunity: {audit['id']} (~{savings:.0f} ms) {audit.get('displayValue', '')}".strip())
    # Lighthouse's measure of this machine's CPU: scores of script-heavy pages move with it, the floor's hardly
    index = (report.get("environment") or {}).get("benchmarkIndex")
    return {"scores": scores, "metrics": metrics, "values": values, "limits": limits, "benchmark index": index}


def median_run(runs: list[dict]) -> dict:
    """The run with the median performance score (the site's pages vary by several points between
    runs on a busy machine); every run's performance score is kept under "performance runs"."""
    ok = [r for r in runs if "error" not in r]
    if not ok:
        return runs[-1]
    ok.sort(key=lambda r: r["scores"]["performance"])
    chosen = dict(ok[(len(ok) - 1) // 2])
    chosen["performance runs"] = [r["scores"]["performance"] for r in runs if "error" not in r]
    chosen["benchmark indexes"] = [r["benchmark index"] for r in ok if r.get("benchmark index")]
    return chosen


def benchmark_indexes(result: dict) -> list[float]:
    """Every Lighthouse run's benchmark index in a report, the site's and its baselines'."""
    variants = [v for page in result["pages"].values() for v in (page, *(page.get("baselines") or {}).values())]
    runs = [run for v in variants for run in (v.get("lighthouse") or {}).values()]
    return [i for run in runs for i in run.get("benchmark indexes", [])]


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------


def _kib(n: int) -> str:
    return f"{n / KiB:.0f}" if n >= 10 * KiB else f"{n / KiB:.1f}"


def _scores(run: dict | None) -> str:
    if not run:
        return "–"
    if "error" in run:
        return "error"
    return " / ".join(str(run["scores"][c]) for c in CATEGORIES)


def _cell(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "KiB":
        return _kib(value)
    if unit == "s":
        return f"{value / 1000:.1f}"
    if unit == "ms":
        return f"{value:,.0f}"
    if unit == "x":
        return f"{value:.2f}"
    return f"{value:.0f}"


_COLUMNS = (
    ("transfer", "KiB", "KiB"),
    ("mobile performance", "mobile", ""),
    ("mobile first-contentful-paint", "FCP mobile s", "s"),
    ("mobile largest-contentful-paint", "LCP mobile s", "s"),
    ("mobile total-blocking-time", "TBT mobile ms", "ms"),
    ("desktop performance", "desktop", ""),
)


def _comparison_lines(result: dict) -> list[str]:
    rows = [(path, page["comparison"]) for path, page in result["pages"].items() if page.get("comparison")]
    if not rows or len(rows[0][1]) < 3:  # the site alone
        return []
    lines = [
        "",
        "## The site next to its baselines (same run)",
        "",
        "**floor**: the page's content alone (its article HTML, MathML, math font and figures, minimal CSS, "
        "no theme); **stock**: the same Markdown built the usual way (stock Material, MathJax 3 served "
        "locally, Material's recipe). Ratios are site ÷ floor: on a busy machine they, not absolute "
        "times, are what to compare between runs. Lighthouse values are medians"
        f" of {result.get('runs') or 0} run(s).",
        "",
        "| page | variant | " + " | ".join(title for _, title, _ in _COLUMNS) + " |",
        "| :--- | :--- |" + " ---: |" * len(_COLUMNS),
    ]
    for path, comparison in rows:
        for variant, row in comparison.items():
            unit_of = (lambda u: "x") if variant == "site / floor" else (lambda u: u)
            cells = " | ".join(_cell(row.get(key), unit_of(unit)) for key, _, unit in _COLUMNS)
            lines.append(f"| `{path}` | {variant} | {cells} |")
    return lines


def _machine_speed(result: dict) -> str:
    indexes = sorted(benchmark_indexes(result))
    if not indexes:
        return ""
    median = indexes[(len(indexes) - 1) // 2]
    return (
        f" Lighthouse's CPU benchmark index: {median:.0f} (median of {len(indexes)} runs, {indexes[0]:.0f}–"
        f"{indexes[-1]:.0f}); a slower machine (a lower index) lowers the scores of pages that run"
        " scripts more than those of their floors, so compare scores between runs only at a similar index."
    )


def markdown(result: dict) -> str:
    fig = result["figures"]
    b = result["build"] or dict.fromkeys(("clean figures s", "clean site s", "clean total s", "warm rebuild s"), "–")
    lines = [
        "# Benchmark",
        "",
        (f"Commit `{result['commit'][:12]}`" if result["commit"] else f"A prebuilt site, `{result['site']}`")
        + f", {result['date']}, {result['machine']}. "
        f"Load average before the run: {result['load']}." + _machine_speed(result),
        "The site is served from 127.0.0.1 by a static server that gzips text (like GitHub Pages); "
        "weights are what Chromium transferred for one page with an empty cache, after scrolling to the "
        "bottom (every figure in view loaded; the hidden light/dark twin is never fetched).",
        "",
        "## Build",
        "",
        "| step | seconds |",
        "| :--- | ---: |",
        f"| clean: every figure, number and table recomputed (`python -m scripts.build`) | {b['clean figures s']} |",
        f"| clean: `mkdocs build --strict` (math typeset, notebooks executed, font subset) | {b['clean site s']} |",
        f"| **clean build, total** | **{b['clean total s']}** |",
        f"| warm rebuild: `mkdocs build --strict`, nothing changed | {b['warm rebuild s']} |",
        "",
        "## Pages",
        "",
        "Transferred KiB by type; Lighthouse scores are performance / accessibility / best practices / SEO"
        f" (the run with the median performance of {result.get('runs', 1)}).",
        "",
        "| page | HTML | CSS | JS | fonts | images | other | **total** | decoded | requests "
        "| Lighthouse mobile | Lighthouse desktop |",
        "| :--- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: | :---: |",
    ]
    for path, page in result["pages"].items():
        t, lh = page["transfer"], page.get("lighthouse") or {}
        lines.append(
            f"| `{path}` | "
            + " | ".join(_kib(t[k]) for k in KINDS)
            + f" | **{_kib(t['total'])}** | {_kib(page['decoded']['total'])} | {page['requests']['total']} "
            f"| {_scores(lh.get('mobile'))} | {_scores(lh.get('desktop'))} |"
        )
    biggest = fig[0] if fig else {"file": "–", "bytes": 0}
    lines += [
        "",
        "## Largest figures",
        "",
        "| figure | KiB |",
        "| :--- | ---: |",
        *(f"| `{f['file']}` | {_kib(f['bytes'])} |" for f in fig),
        "",
        "## Targets",
        "",
        "Lighthouse performance ≥ 95 mobile and 100 desktop, at most 4 points below the page's content-only floor "
        f"(same run); accessibility, best practices and SEO 100; at most {TARGETS['weight KiB']} KiB transferred "
        f"({LAB_WEIGHT_KIB} KiB for labs); CLS ≤ {TARGETS['CLS']}; no figure over {TARGETS['figure KiB']} KiB "
        f"(largest on the site: `{biggest['file']}`, {_kib(biggest['bytes'])} KiB).",
        "",
        "| page | " + " | ".join(TARGETS) + " |",
        "| :--- |" + " :---: |" * len(TARGETS),
    ]
    mark = {True: "yes", False: "**no**", None: "–"}
    for path, page in result["pages"].items():
        met = page["targets"]
        lines.append(f"| `{path}` | " + " | ".join(mark[met.get(t)] for t in TARGETS) + " |")
    lines += _comparison_lines(result)
    lines += ["", "## What limits each page (Lighthouse)", ""]
    for path, page in result["pages"].items():
        for preset, run in (page.get("lighthouse") or {}).items():
            if "error" in run:
                lines.append(f"- `{path}` {preset}: Lighthouse failed: {run['error'][-200:]}")
                continue
            m = run["metrics"]
            runs = run.get("performance runs", [])
            lines.append(
                f"- `{path}` {preset}"
                + (f" (performance in {len(runs)} runs: {', '.join(map(str, runs))})" if len(runs) > 1 else "")
                + f": FCP {m['first-contentful-paint']}, LCP {m['largest-contentful-paint']}, "
                f"TBT {m['total-blocking-time']}, CLS {m['cumulative-layout-shift']}"
                + ("; " + "; ".join(run["limits"]) if run["limits"] else "")
            )
    return "\n".join(lines) + "\n"


def _measure(site: Path, port: int, paths: list[str], lighthouse_runs: int | None) -> dict[str, dict]:
    """Weights, and Lighthouse medians unless ``lighthouse_runs`` is None, of one site variant
    (each variant in turn on the same port: the address its canonical links name)."""
    origin = f"http://127.0.0.1:{port}"
    with Server(site, port):
        pages = weigh(origin, paths)
        if lighthouse_runs:
            for path in paths:
                print(f"bench: Lighthouse {site.name} {path} ...", flush=True)
                pages[path]["lighthouse"] = {
                    preset: median_run([lighthouse(origin + path, preset) for _ in range(lighthouse_runs)])
                    for preset in ("mobile", "desktop")
                }
    return pages


def _export(dest: Path) -> str:
    dest.mkdir()
    commit = export_commit(dest)
    cache = ROOT / ".cache"  # executed notebooks: the stock build reuses them
    if cache.is_dir():
        shutil.copytree(cache, dest / ".cache", symlinks=True)
    return commit


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--pages", nargs="*", help="glob patterns of pages (e.g. 'articles/*', home)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (minutes per page)")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page, preset, variant (median)")
    parser.add_argument("--out", type=Path, default=REPORTS, help="report directory (default: reports/)")
    parser.add_argument("--site", type=Path, help="measure this built site instead of building one (no build times)")
    parser.add_argument(
        "--baselines",
        default=None,
        help="comma-separated baselines to measure next to the site: floor, stock, none "
        "(default: floor,stock; with --no-lighthouse only floor, which costs no build)",
    )
    args = parser.parse_args(argv)
    wanted = args.baselines or ("floor" if args.no_lighthouse else ",".join(BASELINES))
    baselines = [] if wanted == "none" else [b.strip() for b in wanted.split(",")]
    if unknown := set(baselines) - set(BASELINES):
        parser.error(f"unknown baseline(s): {', '.join(sorted(unknown))} (known: {', '.join(BASELINES)}, none)")

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    runs = None if args.no_lighthouse else args.runs
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        port = free_port()
        env = {
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            "SITE_URL": f"http://127.0.0.1:{port}/",
            "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "0"),
        }
        src = Path(tmp) / "src"
        if args.site:
            commit, times, site = None, {}, args.site.resolve()
            if "stock" in baselines:
                _export(src)  # the stock baseline is built from the last commit's sources
        else:
            commit = _export(src)
            print("bench: clean build, then warm rebuild ...", flush=True)
            times = build(src, env)
            print(f"bench: {times}", flush=True)
            site = src / "site"
        paths = select(page_paths(site), args.pages)
        variants = {"site": site}
        if "floor" in baselines:
            variants["floor"] = Path(tmp) / "floor"
            baselines_module.write_floor(site, variants["floor"], paths)
        if "stock" in baselines:
            print("bench: stock Material + MathJax build ...", flush=True)
            variants["stock"] = baselines_module.build_stock(src, env)
        measured = {}
        for name, root in variants.items():
            print(f"bench: weighing {len(paths)} page(s) of {name} in Chromium ...", flush=True)
            measured[name] = _measure(root, port, paths, runs)
        pages = measured.pop("site")
        figures = largest_figures(site)
        for path, page in pages.items():
            page["baselines"] = {name: variant[path] for name, variant in measured.items()}
            page["largest figure"] = page_figure_bytes(site, page)
            page["targets"] = targets(page, page["largest figure"], path)
            page["comparison"] = comparison(page)
    result = {
        "commit": commit,  # None: a prebuilt site (--site), named under "site"
        "site": str(args.site) if args.site else None,
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
        "load": load,
        "runs": runs or 0,
        "build": times,
        "figures": figures,
        "pages": pages,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    (args.out / "bench.md").write_text(markdown(result), encoding="utf-8")
    print(f"bench: wrote {args.out / 'bench.md'} and bench.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
