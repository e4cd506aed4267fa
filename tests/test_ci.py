"""The set-up `make test` does before any test: .ci/system_packages.py and its list, without installing."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from scripts.pipeline import ROOT

SCRIPT = ROOT / ".ci" / "system_packages.py"
_spec = importlib.util.spec_from_file_location("system_packages", SCRIPT)
system_packages = importlib.util.module_from_spec(_spec)
sys.modules["system_packages"] = system_packages  # dataclasses look their module up by name
_spec.loader.exec_module(system_packages)


def _which(present: set[str]):
    return lambda name: f"/usr/bin/{name}" if name in present else None


def test_the_committed_list_names_what_the_browser_suite_needs():
    needs = {n.package: n for n in system_packages.read()}
    assert needs["chromium"].probe == "/usr/bin/chromium" and needs["chromium"].override == "CHROMIUM"
    assert "default-jre-headless" in needs  # the Nu HTML checker runs on Java
    assert "poppler-utils" in needs  # the print test reads the PDF


def test_malformed_lines_are_rejected_with_their_number(tmp_path):
    path = tmp_path / "list.txt"
    path.write_text("# comment\nchromium /usr/bin/chromium\njust-a-package\n")
    with pytest.raises(system_packages.ListError, match="line 3"):
        system_packages.read(path)
    path.write_text("chromium usr/bin/chromium\n")
    with pytest.raises(system_packages.ListError, match="absolute path"):
        system_packages.read(path)
    path.write_text("# nothing\n")
    with pytest.raises(system_packages.ListError, match="no packages"):
        system_packages.read(path)


def test_missing_checks_commands_paths_and_overrides(tmp_path):
    browser = tmp_path / "my-chromium"
    browser.write_text("")
    browser.chmod(0o755)
    Need = system_packages.Need
    needs = [
        Need("default-jre-headless", "java"),
        Need("chromium", str(tmp_path / "absent"), "CHROMIUM"),
        Need("r-base-core", "Rscript"),
        Need("r-cran-glmnet", "Rscript"),  # two packages, one probe: each reported once
        Need("r-cran-jsonlite", str(tmp_path)),  # a folder the package installs
    ]
    assert system_packages.missing(needs, {}, _which({"java"})) == ["chromium", "r-base-core", "r-cran-glmnet"]
    assert system_packages.missing(needs, {"CHROMIUM": str(browser)}, _which({"java", "Rscript"})) == []
    # An override that points nowhere does not fall back silently to the default path.
    assert system_packages.missing(needs, {"CHROMIUM": str(tmp_path / "nope")}, _which({"java", "Rscript"})) == [
        "chromium"
    ]


def test_root_on_debian_updates_then_installs():
    steps = system_packages.plan(["chromium", "default-jre-headless"], is_root=True, is_debian=True)
    assert steps.message is None
    assert steps.commands == [
        ["apt-get", "update"],
        ["apt-get", "install", "-y", "--no-install-recommends", "chromium", "default-jre-headless"],
    ]
    assert system_packages.plan([], is_root=True, is_debian=True) == system_packages.Plan([])


@pytest.mark.parametrize("is_debian", [True, False])
def test_otherwise_one_message_names_the_exact_command(is_debian):
    steps = system_packages.plan(["chromium", "default-jre-headless"], is_root=False, is_debian=is_debian)
    assert steps.commands == []
    assert (
        "sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium default-jre-headless"
        in steps.message
    )


def _list(tmp_path, text: str):
    path = tmp_path / "system-packages.txt"
    path.write_text(text)
    return path


def test_main_installs_as_root_on_debian_and_checks_again(tmp_path):
    path = _list(tmp_path, f"fake-package {tmp_path / 'tool'}\n")
    ran = []

    def fake_run(command, env):
        ran.append(command)
        assert env["DEBIAN_FRONTEND"] == "noninteractive"
        if command[1] == "install":  # the package brings its program
            (tmp_path / "tool").write_text("")
            (tmp_path / "tool").chmod(0o755)
        return subprocess.CompletedProcess(command, 0)

    assert system_packages.main(["--list", str(path)], run=fake_run, env={}, root=True, debian=True) == 0
    assert [c[:2] for c in ran] == [["apt-get", "update"], ["apt-get", "install"]]
    ran.clear()
    assert system_packages.main(["--list", str(path)], run=fake_run, env={}, root=True, debian=True) == 0
    assert ran == []  # nothing missing: nothing run


def test_main_fails_when_the_install_does_not_bring_the_probe(tmp_path, capsys):
    path = _list(tmp_path, f"fake-package {tmp_path / 'never'}\n")

    def fake_run(command, env):
        return subprocess.CompletedProcess(command, 0)

    assert system_packages.main(["--list", str(path)], run=fake_run, env={}, root=True, debian=True) == 1
    assert "still not found: fake-package" in capsys.readouterr().err


def test_main_refuses_without_root_and_runs_nothing(tmp_path, capsys):
    path = _list(tmp_path, f"fake-package {tmp_path / 'never'}\n")

    def no_run(command, env):
        raise AssertionError(f"ran {command}")

    assert system_packages.main(["--list", str(path)], run=no_run, env={}, root=False, debian=True) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 2 and "sudo apt-get install -y --no-install-recommends fake-package" in err
    # --check never installs, even as root.
    assert system_packages.main(["--list", str(path), "--check"], run=no_run, env={}, root=True, debian=True) == 1


def test_dry_run_from_the_command_line_prints_and_installs_nothing(tmp_path):
    path = _list(tmp_path, f"fake-package {tmp_path / 'never'}\n")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--dry-run", "--list", str(path)], capture_output=True, text=True, check=False
    )
    if done.returncode == 0:  # root on Debian (CI): the commands it would run
        assert done.stdout.splitlines() == [
            "would run: apt-get update",
            "would run: apt-get install -y --no-install-recommends fake-package",
        ]
    else:  # elsewhere: the one message
        assert done.returncode == 1 and "sudo apt-get install" in done.stderr
    assert not (tmp_path / "never").exists()


def test_make_test_sets_up_system_packages_before_anything_else():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    test_rule = next(line for line in makefile.splitlines() if line.startswith("test:"))
    assert test_rule.split(":")[1].split()[0] == "system-packages"
    dry = subprocess.run(
        ["make", "-n", "--no-print-directory", "test"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert dry.stdout.splitlines()[0].endswith(".ci/system_packages.py")


WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
OFFICIAL = {"actions/checkout", "actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"}


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def test_pages_workflow_tests_then_builds_with_the_site_address_using_official_actions_only():
    import yaml

    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = _steps(workflow)
    assert {step["uses"].split("@")[0] for step in steps if "uses" in step} == OFFICIAL
    runs = [step.get("run", "").strip() for step in steps]
    assert runs.index("make test") < runs.index("make site")
    site = steps[runs.index("make site")]
    assert "steps.pages.outputs.base_url" in site["env"]["SITE_URL"]
    assert any("SOURCE_DATE_EPOCH" in run for run in runs[: runs.index("make test")])
    assert workflow["jobs"]["deploy"]["needs"] == "build"


def test_actionlint_passes_the_workflow_and_catches_a_broken_one(tmp_path):
    actionlint = ROOT / ".venv" / "bin" / "actionlint"
    assert subprocess.run([actionlint, WORKFLOW], capture_output=True, check=False).returncode == 0
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("steps.pages.outputs", "steps.nope.outputs"))
    done = subprocess.run([actionlint, broken], capture_output=True, text=True, check=False)
    assert done.returncode != 0 and "nope" in done.stdout
