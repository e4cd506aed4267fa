#!/usr/bin/env python3
"""Install the Debian packages the tests need, or stop with the one command that would.

The list is ``.ci/system-packages.txt``, read by ``make test`` (through this script, before any test
runs) and so by ``.ci/run``.  Each line is ``<package> <probe> [<VARIABLE>]``: the probe is a command
name, or an absolute path (a file or a folder) that exists once the package is installed; the
optional variable names an environment variable that may point at another installation instead
(``CHROMIUM=/path``).

    python3 .ci/system_packages.py             install what is missing (as root on Debian), else exit 1
    python3 .ci/system_packages.py --dry-run   print what it would run; install nothing
    python3 .ci/system_packages.py --check     exit 1 naming the command if anything is missing

Standard library only: it runs before ``.venv`` exists.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

LIST = Path(__file__).resolve().with_name("system-packages.txt")
APT_INSTALL = ["apt-get", "install", "-y", "--no-install-recommends"]


class ListError(ValueError):
    pass


@dataclass(frozen=True)
class Need:
    package: str
    probe: str  # command name, or absolute path
    override: str | None = None  # environment variable that may name another installation


@dataclass(frozen=True)
class Plan:
    commands: list[list[str]]  # to run, in order (empty: nothing to do, or refused)
    message: str | None = None  # why nothing can be installed, with the command to run instead


def read(path: Path = LIST) -> list[Need]:
    needs = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        fields = line.split("#", 1)[0].split()
        if not fields:
            continue
        if len(fields) not in (2, 3):
            raise ListError(f"{path.name} line {number}: expected '<package> <command or /path> [VARIABLE]': {line!r}")
        package, probe, *override = fields
        if "/" in probe and not probe.startswith("/"):
            raise ListError(f"{path.name} line {number}: probe {probe!r} must be a command name or an absolute path")
        needs.append(Need(package, probe, override[0] if override else None))
    if not needs:
        raise ListError(f"{path.name}: no packages listed")
    return needs


def _found(program: str, which) -> bool:
    if program.startswith("/"):  # a program, or a folder the package installs (an R library)
        return os.path.exists(program)
    return which(program) is not None


def missing(needs: list[Need], env: dict[str, str], which=shutil.which) -> list[str]:
    """Packages whose probe is absent, in list order, each once."""
    packages: list[str] = []
    for need in needs:
        if need.override and env.get(need.override):
            if _found(env[need.override], which):
                continue
        elif _found(need.probe, which):
            continue
        if need.package not in packages:
            packages.append(need.package)
    return packages


def plan(packages: list[str], *, is_root: bool, is_debian: bool) -> Plan:
    if not packages:
        return Plan([])
    if is_root and is_debian:
        return Plan([["apt-get", "update"], [*APT_INSTALL, *packages]])
    names = " ".join(packages)
    command = f"sudo apt-get update && sudo {' '.join(APT_INSTALL)} {names}"
    if is_debian:
        return Plan([], f"error: the tests need Debian packages that are missing: {names}. Run:\n  {command}")
    return Plan(
        [],
        f"error: the tests need these Debian packages (or this system's equivalents): {names}. "
        f"On Debian, run:\n  {command}",
    )


def is_debian() -> bool:
    return Path("/etc/debian_version").is_file() and shutil.which("apt-get") is not None


def main(argv: list[str] | None = None, *, run=subprocess.run, env=None, root=None, debian=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", type=Path, default=LIST, help="the package list (default: %(default)s)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--dry-run", action="store_true", help="print the commands, run nothing")
    mode.add_argument("--check", action="store_true", help="install nothing; exit 1 if anything is missing")
    args = parser.parse_args(argv)
    env = os.environ if env is None else env
    try:
        needs = read(args.list)
    except (OSError, ListError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    packages = missing(needs, env)
    root = os.geteuid() == 0 if root is None else root
    debian = is_debian() if debian is None else debian
    steps = plan(packages, is_root=root and not args.check, is_debian=debian)
    if steps.message:
        print(steps.message, file=sys.stderr)
        return 1
    if not steps.commands:
        return 0
    if args.dry_run:
        for command in steps.commands:
            print("would run:", " ".join(command))
        return 0
    print(f"installing the Debian packages the tests need: {' '.join(packages)}", flush=True)
    for command in steps.commands:
        done = run(command, env={**env, "DEBIAN_FRONTEND": "noninteractive"})
        if done.returncode:
            print(f"error: {' '.join(command)} failed (exit {done.returncode})", file=sys.stderr)
            return 1
    still = missing(needs, env)
    if still:
        probes = ", ".join(f"{n.package} ({n.probe})" for n in needs if n.package in still)
        print(f"error: installed, but still not found: {probes}; fix {args.list.name}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
