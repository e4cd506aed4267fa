"""tools/bench.py: the pure parts (classification, page discovery, targets, report); tools/browser.py: its server."""

from __future__ import annotations

import gzip
import urllib.request

import pytest

from tools import bench, browser


@pytest.mark.parametrize(
    ("resource_type", "url", "expected"),
    [
        ("document", "http://h/a/", "html"),
        ("stylesheet", "http://h/x.css", "css"),
        ("script", "http://h/x.js", "js"),
        ("font", "http://h/f.woff2", "font"),
        ("image", "http://h/figures/a/b.svg#only-light", "image"),
        ("fetch", "http://h/search/search_index.json", "other"),
        ("other", "http://h/assets/javascripts/workers/search.min.js", "js"),  # a worker script
        ("other", "http://h/sitemap.xml", "other"),
    ],
)
def test_requests_are_classified_by_type_then_by_extension(resource_type, url, expected):
    assert bench.kind(resource_type, url) == expected


def test_pages_are_found_and_selected(tmp_path):
    for rel in ("index.html", "a/index.html", "a/b/index.html", "404.html", "assets/x.css"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    paths = bench.page_paths(tmp_path)
    assert paths == ["/", "/a/", "/a/b/"]
    assert bench.select(paths, ["a/*"]) == ["/a/b/"]
    assert bench.select(paths, ["home", "a"]) == ["/", "/a/"]
    assert bench.select(paths, None) == paths


def test_a_page_figure_size_counts_both_twins(tmp_path):
    (tmp_path / "figures" / "p").mkdir(parents=True)
    (tmp_path / "figures" / "p" / "f.svg").write_bytes(b"x" * 10)
    (tmp_path / "figures" / "p" / "f.dark.svg").write_bytes(b"x" * 30)
    page = {"files": [{"url": "/figures/p/f.svg"}, {"url": "/assets/x.css"}]}
    assert bench.page_figure_bytes(tmp_path, page) == 30
    assert bench.page_figure_bytes(tmp_path, {"files": []}) == 0


def _page(total_kib: float, mobile=None, desktop=None, cls=None) -> dict:
    lighthouse = {}
    for preset, scores in (("mobile", mobile), ("desktop", desktop)):
        if scores:
            lighthouse[preset] = {"scores": dict(zip(bench.CATEGORIES, scores, strict=True))}
            if cls is not None:
                lighthouse[preset]["values"] = {"cumulative-layout-shift": cls}
    return {"transfer": {"total": total_kib * 1024}, "lighthouse": lighthouse}


def test_targets_follow_the_issues():
    good = _page(250, (95, 100, 100, 100), (100, 100, 100, 100), cls=0.02)
    good["baselines"] = {"floor": _page(100, (99, 0, 0, 0), (100, 0, 0, 0))}
    assert all(bench.targets(good, 150 * 1024, "/articles/x/").values())
    bad = _page(251, (94, 100, 100, 99), (99, 100, 100, 100), cls=0.021)
    bad["baselines"] = {"floor": _page(100, (99, 0, 0, 0), (100, 0, 0, 0))}
    assert bench.targets(bad, 150 * 1024 + 1, "/articles/x/") == {
        "mobile performance": False,
        "desktop performance": False,
        "points below floor": False,  # 5 below on mobile
        "accessibility": True,
        "best-practices": True,
        "seo": False,
        "weight KiB": False,
        "CLS": False,
        "figure KiB": False,
    }
    assert bench.targets(_page(300), 0, "/labs/x/")["weight KiB"] is True  # labs: 300 KiB
    assert bench.targets(_page(301), 0, "/labs/x/")["weight KiB"] is False
    unmeasured = bench.targets(_page(10), 0)
    assert unmeasured["mobile performance"] is None and unmeasured["seo"] is None
    assert unmeasured["points below floor"] is None and unmeasured["CLS"] is None


def test_the_comparison_divides_the_site_by_its_floor():
    site = _page(300, (80, 100, 100, 100), (96, 100, 100, 100))
    site["lighthouse"]["mobile"]["values"] = {"first-contentful-paint": 2000.0, "total-blocking-time": 400.0}
    floor = _page(100, (100, 100, 100, 100), (100, 100, 100, 100))
    floor["lighthouse"]["mobile"]["values"] = {"first-contentful-paint": 1000.0, "total-blocking-time": 0.0}
    site["baselines"] = {"floor": floor, "stock": _page(600)}
    rows = bench.comparison(site)
    assert list(rows) == ["site", "floor", "stock", "site / floor"]
    assert rows["site / floor"]["transfer"] == 3
    assert rows["site / floor"]["mobile performance"] == 0.8
    assert rows["site / floor"]["mobile first-contentful-paint"] == 2
    assert rows["site / floor"]["mobile total-blocking-time"] is None  # a zero floor: no ratio
    assert rows["stock"]["transfer"] == 600 * 1024 and rows["stock"]["mobile performance"] is None
    assert bench.ratio(None, 1) is None and bench.ratio(1, None) is None


def test_the_server_gzips_text_and_serves_the_rest_as_is(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<p>hello</p>" * 100)
    (tmp_path / "f.woff2").write_bytes(bytes(range(256)))
    port = browser.free_port()
    with browser.Server(tmp_path, port) as server:
        request = urllib.request.Request(f"{server.origin}/a/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert response.headers["Content-Type"] == "text/html"
            assert gzip.decompress(response.read()) == (tmp_path / "a" / "index.html").read_bytes()
        with urllib.request.urlopen(f"{server.origin}/a/") as response:  # no Accept-Encoding
            assert response.headers["Content-Encoding"] is None
        request = urllib.request.Request(f"{server.origin}/f.woff2", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] is None and response.read() == bytes(range(256))


def test_the_report_has_every_section():
    page = _page(200, (96, 100, 100, 100), (100, 100, 100, 100))
    page["transfer"] = dict.fromkeys((*bench.KINDS, "total"), 1024)
    page["decoded"] = {"total": 4096}
    page["requests"] = {"total": 9}
    page["targets"] = bench.targets(page, 1000)
    page["baselines"] = {"floor": _page(100, (99, 100, 100, 100), (100, 100, 100, 100))}
    for run in page["lighthouse"].values():
        run["metrics"] = dict.fromkeys(
            ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift"),
            "1 s",
        )
        run["limits"] = []
    result = {
        "commit": "0123456789abcdef",
        "date": "2026-11-24 09:00 UTC",
        "machine": "2 cores",
        "load": "1.0",
        "build": {},
        "figures": [{"file": "figures/p/f.svg", "bytes": 2048}],
        "pages": {"/articles/x/": page},
    }
    page["comparison"] = bench.comparison(page)
    text = bench.markdown(result)
    for heading in ("## Build", "## Pages", "## Largest figures", "## Targets", "## The site next", "## What limits"):
        assert heading in text
    assert "| `/articles/x/` | yes | yes | – | yes | yes | yes | yes | – | yes |" in text
    assert "| `/articles/x/` | floor | 100 | 99 | – | – | – | 100 |" in text
    assert "| `/articles/x/` | site / floor | 0.01 | 0.97 | – | – | – | 1.00 |" in text
    assert "96 / 100 / 100 / 100" in text
    assert "Commit `0123456789ab`, 2026-11-24 09:00 UTC" in text
    assert "benchmark index" not in text  # no run recorded one
    page["lighthouse"]["mobile"]["benchmark indexes"] = [1900, 1700]
    page["baselines"]["floor"]["lighthouse"]["mobile"]["benchmark indexes"] = [2000]
    assert "CPU benchmark index: 1900 (median of 3 runs, 1700–2000)" in bench.markdown(result)
    # a prebuilt site (--site) is named by its path, not by a commit id cut to 12 characters
    prebuilt = bench.markdown({**result, "commit": None, "site": "/work/site-x"})
    assert "A prebuilt site, `/work/site-x`, 2026-11-24 09:00 UTC" in prebuilt and "Commit" not in prebuilt


def test_the_median_run_is_kept_with_every_score():
    runs = [{"scores": {"performance": p}, "metrics": {}, "limits": [str(p)]} for p in (90, 70, 99)]
    runs[0]["benchmark index"], runs[2]["benchmark index"] = 1900.5, 2100
    chosen = bench.median_run([*runs, {"error": "crashed"}])
    assert chosen["scores"]["performance"] == 90 and chosen["limits"] == ["90"]
    assert chosen["performance runs"] == [90, 70, 99]
    assert sorted(chosen["benchmark indexes"]) == [1900.5, 2100]  # every run's, not only the chosen one's
    assert bench.median_run([{"error": "x"}]) == {"error": "x"}
