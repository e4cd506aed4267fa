"""From page modules to files under ``figures/``: discovery, staleness, rendering, writing.

Each page, a module ``scripts/pages/<slug>.py`` or a package ``scripts/pages/<slug>/``, provides

* ``compute()``: pure numerics (numpy, seeded generators, no I/O) returning a result;
* ``numbers(result)``: ``{key: text}``, every value the page quotes, exactly as printed;
* ``figures(result)``: ``{name: Figure}``; each becomes ``<name>.svg`` and ``<name>.dark.svg``, and
  ``<name>.phone.svg`` / ``.phone.dark.svg`` (see ``figure_files``); called twice, for the phone copy;
* optionally ``tables(result)``: ``{name: markdown}``, included into the page as ``<name>.md``;
* optionally ``data(result)``: ``{name: JSON-able}``, written as ``<name>.json`` (for explorables).

Output goes to ``figures/<slug>/`` with a ``manifest.json`` recording the hash of the
code that made it, so a stale folder is detected without rendering anything.
"""

from __future__ import annotations

import ast
import hashlib
import importlib
import json
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from scripts import PINNED_NUMERICS

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
PAGES = SCRIPTS / "pages"
FIGURES = ROOT / "figures"
MANIFEST = "manifest.json"
NUMBERS = "numbers.json"
# Versions that change output bytes even when our code does not.
OUTPUT_PACKAGES = ("numpy", "matplotlib", "scikit-learn")
# Files that decide every page's output bytes whether or not the page imports them: this
# module (rendering, file layout, manifest) and the style (SVG writer, dark twin, rc).
ALWAYS_HASHED = ("scripts/__init__.py", "scripts/pipeline.py", "scripts/style.py")


class PageError(RuntimeError):
    """A page could not be built; the message names the page and the step."""


def slugs() -> list[str]:
    modules = {p.stem for p in PAGES.glob("*.py")}
    packages = {p.parent.name for p in PAGES.glob("*/__init__.py")}
    return sorted(s for s in modules | packages if not s.startswith("_"))


def page_files(slug: str) -> list[Path]:
    """The page's own source files: the module, or every module of its package."""
    package = PAGES / slug
    if (package / "__init__.py").is_file():
        return sorted(package.glob("*.py"))
    return [PAGES / f"{slug}.py"]


def check_slugs(requested: list[str]) -> list[str]:
    valid = slugs()
    unknown = [s for s in requested if s not in valid]
    if unknown:
        raise PageError(f"unknown page(s): {', '.join(unknown)}; valid pages: {', '.join(valid)}")
    return requested or valid


def _local_imports(path: Path) -> set[Path]:
    """Files of the ``scripts`` package imported by ``path`` (one level)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative import (``from . import x`` too): resolve against the file's package
                package = path.parent.relative_to(ROOT).parts
                module = ".".join([*package[: len(package) - node.level + 1], *filter(None, [node.module])])
            else:
                module = node.module
            names.add(module)
            names.update(f"{module}.{a.name}" for a in node.names)
    found = set()
    for name in names:
        if name.split(".")[0] != "scripts":
            continue
        candidate = ROOT.joinpath(*name.split("."))
        for file in (candidate.with_suffix(".py"), candidate / "__init__.py"):
            if file.is_file():
                found.add(file)
    return found


def sources(slug: str) -> list[Path]:
    """The page's files, every ``scripts`` module they use (transitively) and ``ALWAYS_HASHED``."""
    todo = [*page_files(slug), *(ROOT / name for name in ALWAYS_HASHED)]
    seen: set[Path] = set()
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        todo.extend(_local_imports(path) - seen)
    return sorted(seen)


def source_hash(slug: str) -> str:
    digest = hashlib.sha256()
    for path in sources(slug):
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    for package in OUTPUT_PACKAGES:
        digest.update(f"{package}=={metadata.version(package)}\0".encode())
    return digest.hexdigest()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stale_reason(slug: str) -> str | None:
    """Why ``figures/<slug>`` does not match its code, or None when it is current."""
    folder = FIGURES / slug
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return "never built"
    if manifest.get("source") != source_hash(slug):
        return "code changed"
    for name, digest in manifest["files"].items():
        path = folder / name
        if not path.is_file() or _sha(path.read_bytes()) != digest:
            return f"{name} missing or edited"
    return None


def stale_pages() -> dict[str, str]:
    """Every page whose committed output does not match its code, with the reason."""
    return {slug: why for slug in slugs() if (why := stale_reason(slug))}


@dataclass
class Output:
    slug: str
    files: dict[str, bytes]  # file name -> bytes, manifest included


def numerics_problems() -> list[str]:
    """How the running numpy and OpenBLAS differ from the paths ``scripts/__init__.py`` pins
    (empty when they match: then a page's output is the same bytes on any x86-64 machine)."""
    import threadpoolctl
    from numpy._core._multiarray_umath import __cpu_features__

    problems = []
    for lib in threadpoolctl.threadpool_info():
        if lib.get("internal_api") != "openblas":
            continue
        got = (lib.get("architecture"), lib.get("num_threads"))
        want = (PINNED_NUMERICS["OPENBLAS_CORETYPE"], int(PINNED_NUMERICS["OPENBLAS_NUM_THREADS"]))
        if got != want:
            library = Path(lib["filepath"]).name
            problems.append(f"{library} runs {got[0]} kernels on {got[1]} thread(s), not {want[0]} on {want[1]}")
    if enabled := [f for f in PINNED_NUMERICS["NPY_DISABLE_CPU_FEATURES"].split() if __cpu_features__.get(f)]:
        problems.append(f"numpy uses its {', '.join(enabled)} loops")
    return problems


def load(slug: str, fresh: bool = True):
    """Import a page module or package; ``fresh`` re-imports it (for a long-running ``mkdocs serve``).

    Raises PageError when numpy or OpenBLAS do not take the pinned paths (numpy imported before
    ``scripts``, a machine without AVX2): the page's output would not be the committed bytes."""
    name = f"scripts.pages.{slug}"
    if not fresh:
        module = importlib.import_module(name)
    else:
        # A package's submodules first, so its __init__ re-binds their fresh functions.
        for sub in sorted(m for m in sys.modules if m.startswith(name + ".")):
            importlib.reload(sys.modules[sub])
        module = importlib.reload(importlib.import_module(name))
    if problems := numerics_problems():  # after the import: a page may load another BLAS (scikit-learn)
        raise PageError(
            f"page {slug}: not the pinned floating-point paths ({'; '.join(problems)}); import scripts "
            f"before numpy, or set {' '.join(f'{k}={v!r}' for k, v in PINNED_NUMERICS.items())}"
        )
    return module


def _json(data) -> bytes:
    return (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def internal_numbers(slug: str) -> frozenset[str]:
    """Keys of ``numbers()`` that no page quotes, kept on purpose (the page's tests read them)."""
    return frozenset(getattr(load(slug, fresh=False), "INTERNAL_NUMBERS", ()))


def compute_numbers(slug: str) -> dict[str, str]:
    """Recompute a page's quoted values without drawing anything."""
    module = load(slug)
    return _checked_numbers(slug, module.numbers(module.compute()))


def _checked_numbers(slug: str, numbers: dict) -> dict[str, str]:
    for key, value in numbers.items():
        if not isinstance(value, str) or not value:
            raise PageError(f"page {slug}: number {key!r} must be a non-empty string, got {value!r}")
    return dict(numbers)


_COMPUTE = object()


def render(slug: str, progress=print, result=_COMPUTE) -> Output:
    """Build every output file of a page in memory; raises PageError naming the failing step.

    ``result`` is the page's ``compute()`` result when the caller already has it (the tests
    compute each page once per session); by default it is computed here.
    """
    from scripts import style  # matplotlib only when drawing

    module = load(slug, fresh=result is _COMPUTE)
    step = "compute()"
    try:
        if result is _COMPUTE:
            result = module.compute()
        step = "numbers()"
        files = {NUMBERS: _json(_checked_numbers(slug, module.numbers(result)))}
        step = "tables()"
        for name, markdown in getattr(module, "tables", lambda r: {})(result).items():
            files[f"{name}.md"] = markdown.rstrip("\n").encode("utf-8") + b"\n"
        step = "data()"
        data = getattr(module, "data", None)  # a page may import the ``scripts.data`` module: not callable
        for name, payload in (data(result) if callable(data) else {}).items():
            if name in ("numbers", "manifest"):
                raise PageError(f"page {slug}: data name {name!r} is reserved")
            files[f"{name}.json"] = _json(payload)
        step = "figures()"
        with style.rc():
            drawn = module.figures(result)
            phone_drawn = module.figures(result)  # a fresh copy to re-lay-out for phones
        for name, fig in drawn.items():
            step = f"figure {name}"
            start = time.perf_counter()
            files.update(figure_files(name, fig, phone_drawn[name]))
            size = len(files[f"{name}.svg"]) / 1024
            progress(f"  {slug}/{name}.svg  {size:6.1f} KiB  {time.perf_counter() - start:5.2f} s")
    except PageError:
        raise
    except Exception as exc:
        raise PageError(f"page {slug}: {step} failed: {type(exc).__name__}: {exc}") from exc
    manifest = {"source": source_hash(slug), "files": {n: _sha(b) for n, b in sorted(files.items())}}
    files[MANIFEST] = _json(manifest)
    return Output(slug, files)


def figure_files(name: str, fig, phone_fig) -> dict[str, bytes]:
    """``<name>.svg``, ``.dark.svg``, ``.phone.svg``, ``.phone.dark.svg``: text made readable on
    desktop, and a phone variant (one column, legends below, larger text) from a second drawing."""
    from scripts import style

    with style.rc():
        fig, phone_fig = style.declutter(style.readable(fig)), style.phone(phone_fig)
        # A legend that covers data has been moved (declutter) and texts that overlap spread (repel);
        # a text placed on the curves by the page's code cannot be, so it is an error in that page's
        # figure code, as are texts that repel found no room for.
        covering, stacked = [], []
        for variant, f in (("desktop", fig), ("phone", phone_fig)):
            covering += [f"{variant}: {c}" for c in style.clashes(f)]
            stacked += [f"{variant}: {c}" for c in style.overlaps(f, drawn=True)]
        if covering:
            raise ValueError(f"{name}: text covers data:\n  " + "\n  ".join(covering))
        if stacked:
            raise ValueError(f"{name}: texts overlap:\n  " + "\n  ".join(stacked))
        svg = style.svg_bytes(fig)
        phone_svg = style.svg_bytes(phone_fig)
    return {
        f"{name}.svg": svg,
        f"{name}.dark.svg": style.dark_variant(svg),
        f"{name}.phone.svg": phone_svg,
        f"{name}.phone.dark.svg": style.dark_variant(phone_svg),
    }


def _write_atomic(path: Path, data: bytes) -> bool:
    """Write only when the bytes change, through a temporary file, so readers never see half a file."""
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def write(output: Output) -> list[str]:
    """Write a rendered page; remove files the page no longer makes. Returns changed names."""
    folder = FIGURES / output.slug
    changed = [name for name, data in output.files.items() if _write_atomic(folder / name, data)]
    for extra in sorted(set(p.name for p in folder.iterdir() if p.is_file()) - set(output.files)):
        (folder / extra).unlink()
        changed.append(f"{extra} (removed)")
    return changed


def differences(output: Output) -> list[str]:
    """Files on disk that differ from a fresh rendering (for ``--check``)."""
    folder = FIGURES / output.slug
    problems = []
    for name, data in output.files.items():
        path = folder / name
        if not path.is_file():
            problems.append(f"{output.slug}/{name}: missing")
        elif path.read_bytes() != data:
            problems.append(f"{output.slug}/{name}: differs from a fresh build")
    if folder.is_dir():
        for extra in sorted(set(p.name for p in folder.iterdir() if p.is_file()) - set(output.files)):
            problems.append(f"{output.slug}/{extra}: not made by page {output.slug}")
    return problems


def committed_numbers() -> dict[str, str]:
    """All pages' numbers as last written, keyed ``<slug>.<key>``."""
    merged = {}
    for slug in slugs():
        path = FIGURES / slug / NUMBERS
        if path.is_file():
            for key, value in json.loads(path.read_text(encoding="utf-8")).items():
                merged[f"{slug}.{key}"] = value
    return merged
