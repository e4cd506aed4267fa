"""Direct dependencies declared by job in pyproject.toml, locked with what they pull in in requirements*.txt."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement

from scripts.pipeline import ROOT

GROUPS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["dependency-groups"]
LOCKS = {"oracles": "requirements-oracles.txt"}  # every other group: requirements.txt


def _name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _lock(path: str) -> dict[str, str]:
    pins = {}
    for line in (ROOT / path).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"{path}: {line!r} is not pinned exactly"
            pins[_name(name)] = version
    return pins


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
