"""Direct dependencies declared by job in pyproject.toml, locked with what they pull in in requirements*.txt."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import metadata

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement

from scripts.pipeline import ROOT

GROUPS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["dependency-groups"]
LOCKS = {"oracles": "requirements-oracles.txt"}  # every other group: requirements.txt


def _name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass(frozen=True)
class Pin:
    version: str
    hashes: tuple[str, ...]
    via: tuple[str, ...]  # what needs it: package names or "<project> (pyproject.toml:<group>)"


def _parse_lock(path: str) -> dict[str, Pin]:
    """A compiled lock (``make lock``): ``name==version`` entries with their hashes and ``# via`` notes."""
    pins: dict[str, tuple[str, list[str], list[str]]] = {}
    current = None
    for raw in (ROOT / path).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            continue
        if raw[0] not in " #":  # a requirement starts a new entry
            spec = line.removesuffix("\\").strip()
            name, _, version = spec.partition("==")
            assert version, f"{path}: {line!r} is not pinned exactly"
            current = pins[_name(name)] = (version, [], [])
        elif current is not None and line.startswith("--hash="):
            current[1].append(line.removeprefix("--hash=").removesuffix("\\").strip())
        elif current is not None and line.startswith("#"):
            note = line.lstrip("# ").removeprefix("via").strip()
            if note:
                current[2].append(note)
    return {name: Pin(v, tuple(h), tuple(via)) for name, (v, h, via) in pins.items()}


def _lock(path: str) -> dict[str, str]:
    return {name: pin.version for name, pin in _parse_lock(path).items()}


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_every_direct_dependency_is_pinned_exactly_and_locked(group):
    lock = _lock(LOCKS.get(group, "requirements.txt"))
    for spec in GROUPS[group]:
        req = Requirement(spec)
        pins = [s.version for s in req.specifier if s.operator == "=="]
        assert pins, f"{group}: {spec} must be pinned with =="
        assert lock.get(_name(req.name)) == pins[0], f"{group}: {spec} differs from the lock"


def _closure(names: set[str]) -> set[str]:
    """Installed distributions needed by ``names`` (extras and markers for other platforms left out)."""
    env = default_environment()
    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for spec in metadata.requires(name) or []:
            req = Requirement(spec)
            if req.marker is None or req.marker.evaluate({**env, "extra": ""}):
                todo.append(_name(req.name))
    return seen


def test_the_site_lock_holds_exactly_what_the_direct_dependencies_need():
    direct = {_name(Requirement(s).name) for g, specs in GROUPS.items() if g not in LOCKS for s in specs}
    needed = _closure(direct)
    locked = set(_lock("requirements.txt"))
    assert locked - needed == set(), "locked but needed by no direct dependency: remove or declare them"
    assert needed - locked == set(), "needed but not locked: regenerate requirements.txt"


@pytest.mark.parametrize("path", ["requirements.txt", "requirements-oracles.txt"])
def test_every_locked_release_carries_its_hashes(path):
    """pip --require-hashes refuses a lock with one entry without a hash."""
    lock = _parse_lock(path)
    assert lock, f"{path} locks nothing"
    for name, pin in lock.items():
        assert pin.hashes, f"{path}: {name} has no --hash: run make lock"
        assert all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for h in pin.hashes), f"{path}: {name}: bad hash"


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_the_lock_was_compiled_from_exactly_the_groups_direct_dependencies(group):
    """The lock notes which group asks for each package: a group edited without `make lock` fails here."""
    path = LOCKS.get(group, "requirements.txt")
    marker = f"(pyproject.toml:{group})"
    from_group = {name for name, pin in _parse_lock(path).items() if any(v.endswith(marker) for v in pin.via)}
    assert from_group == {_name(Requirement(s).name) for s in GROUPS[group]}, f"{path} is stale for {group}: make lock"


def test_the_locks_are_installed_with_hashes_required():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for path in ("requirements.txt", "requirements-oracles.txt"):
        installs = [line for line in makefile.splitlines() if "pip install" in line and f"-r {path}" in line]
        assert installs, f"the Makefile does not install {path}"
        assert all("--require-hashes" in line for line in installs), f"install {path} with --require-hashes"
