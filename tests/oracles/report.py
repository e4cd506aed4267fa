"""The committed oracle report: what the real libraries were checked for, and which versions.

``report.json`` is written only by a passing oracle run (``make oracle-report``); ``make
test-oracles`` recomputes it and fails when it differs from the committed one.  The pages include
two generated snippets rendered from it, ``versions.md`` and ``checks.md`` (``--8<-- "oracles/..."``),
so a version or result quoted on a page is the one the oracle run wrote.

The report holds nothing machine-dependent: claims, thresholds, pass, and values rounded as the
pages print them.  ``source`` hashes the oracle code, so the main test run (without the oracle
environment) still notices an oracle change that was not followed by a new oracle run.

This module needs only the standard library and ``scripts.fmt``: the main test run imports it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
REPORT = HERE / "report.json"
VERSIONS_MD = HERE / "versions.md"
CHECKS_MD = HERE / "checks.md"
# The code whose output the report is; page modules it imports are covered by the oracle run itself.
SOURCES = (
    "tests/oracles/checks.py",
    "tests/oracles/glmnet_oracle.R",
    "tests/oracles/report.py",
    "requirements-oracles.txt",
)
PAGES = {"libraries": "beyond/libraries.md", "adamw": "beyond/adamw.md", "networks": "articles/networks.md"}


def _source_bytes(name: str) -> bytes:
    if name == "requirements-oracles.txt":
        # The versions decide the report; the lock's file hashes and notes do not.
        return "".join(f"{n}=={v}\n" for n, v in sorted(pinned_versions().items())).encode()
    return (ROOT / name).read_bytes()


def source_hash() -> str:
    digest = hashlib.sha256()
    for name in SOURCES:
        digest.update(name.encode() + b"\0" + _source_bytes(name) + b"\0")
    return digest.hexdigest()


def pinned_versions() -> dict[str, str]:
    """``name -> version`` from requirements-oracles.txt (names as pip spells them, lower case).

    The lock is compiled (``make lock``): ``name==version \\`` lines, then indented hashes and notes.
    """
    pins = {}
    for line in (ROOT / "requirements-oracles.txt").read_text(encoding="utf-8").splitlines():
        if line[:1] in ("", " ", "\t", "#"):
            continue
        name, sep, version = line.split("#")[0].removesuffix("\\").strip().partition("==")
        if sep:
            pins[name.lower()] = version.strip()
    return pins


def build(checks, versions: dict[str, str]) -> dict:
    failed = [c.id for c in checks if not c.ok]
    if failed:
        raise ValueError(f"oracle checks failed, no report written: {', '.join(failed)}")
    ids = [c.id for c in checks]
    if len(set(ids)) != len(ids):
        raise ValueError("duplicate oracle check ids")
    return {
        "source": source_hash(),
        "versions": dict(sorted(versions.items())),
        "checks": [
            {
                "id": c.id,
                "page": c.page,
                "library": c.library,
                "claim": c.claim,
                "expect": c.expectation(),
                "result": "pass",
                "values": c.values,
            }
            for c in checks
        ],
    }


def dumps(report: dict) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def _torch_version(v: dict) -> str:
    base, _, local = v["torch"].partition("+")
    return f"PyTorch {base}" + (f" ({local.upper()})" if local else "")


def render_versions(report: dict) -> str:
    v = report["versions"]
    return (
        f"Checked against the real libraries by the oracle tests (`make test-oracles`, "
        f"{len(report['checks'])} checks): {_torch_version(v)}, Keras {v['keras']} "
        f"(backend {v['keras_backend']}), scikit-learn {v['scikit-learn']}, R {v['R']} with glmnet {v['glmnet']}.\n"
    )


def _result(check: dict) -> str:
    from scripts import fmt

    word, _, threshold = check["expect"].rpartition(" ")
    value = float(threshold)
    shown = fmt.power_bound(value, -20) if 0 < value < 0.01 else fmt.num(value)
    text = f"holds ({'below' if word == 'agree below' else 'above'} {shown})"
    found = [f"{k} = {v}" for k, v in check["values"].items() if k.partition(".")[0] not in PAGES]
    return text + (f": {', '.join(found)}" if found else "")


def render_checks(report: dict) -> str:
    from scripts import fmt

    rows = [[c["library"], c["claim"], _result(c)] for c in report["checks"] if c["page"] == "libraries"]
    return fmt.table(["library", "claim checked against the library itself", "result (difference found)"], rows, "lll")


def outputs(report: dict) -> dict[Path, str]:
    return {REPORT: dumps(report), VERSIONS_MD: render_versions(report), CHECKS_MD: render_checks(report)}


def write(report: dict) -> None:
    """Write every output atomically (temporary file, then rename), so no half-written file is left."""
    for path, text in outputs(report).items():
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)


def committed() -> dict:
    try:
        return json.loads(REPORT.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(f"{REPORT.relative_to(ROOT)} is missing: run `make oracle-report`") from None


def main() -> int:
    """``python -m tests.oracles.report --write``: run every oracle check and write the report."""
    from tests.oracles import checks as oracle_checks

    if sys.argv[1:] != ["--write"]:
        print("usage: python -m tests.oracles.report --write", file=sys.stderr)
        return 2
    checks, versions = oracle_checks.run_all()
    try:
        report = build(checks, versions)
    except ValueError as error:
        for c in checks:
            if not c.ok:
                print(f"FAIL {c.id}: measured {c.measured:.3g}, expected {c.expectation()}", file=sys.stderr)
        print(error, file=sys.stderr)
        return 1
    write(report)
    print(f"wrote {REPORT.relative_to(ROOT)} ({len(checks)} checks), {VERSIONS_MD.name}, {CHECKS_MD.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
