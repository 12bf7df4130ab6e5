"""The GitHub Actions workflows pass actionlint and zizmor and pin every action to a full commit SHA."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")
RELEASE_COMMENT = re.compile(r"@[0-9a-f]{40} +# v\d+\.\d+\.\d+$")


def reported(tool: str, *args: str | Path) -> list[dict]:
    """What a linter installed by uv sync reports as JSON about workflow files."""
    binary = shutil.which(tool)
    if binary is None:
        pytest.fail(f"{tool} is missing: run uv sync")
    result = subprocess.run([binary, *map(str, args)], capture_output=True, text=True, cwd=ROOT)
    return json.loads(result.stdout or "[]")


def actionlint_findings(*paths: Path) -> list[dict]:
    """What actionlint reports about the given workflow files."""
    return reported("actionlint", "-format", "{{json .}}", *paths)


def zizmor_findings(*paths: Path) -> list[str]:
    """What zizmor's every audit reports about the given workflow files (its auditor persona, which
    includes the pedantic and regular ones), offline: the audits that ask GitHub are left out."""
    return [f"{finding['ident']}: {finding['desc']}"
            for finding in reported("zizmor", "--offline", "--persona", "auditor", "--format", "json", *paths)]


def action_refs(path: Path) -> list[str]:
    """Every `uses:` of every step of a workflow."""
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [step["uses"] for job in workflow["jobs"].values() for step in job.get("steps", []) if "uses" in step]


def test_there_is_a_deploy_a_canary_and_an_audit_workflow() -> None:
    assert {path.name for path in WORKFLOWS} >= {"deploy.yml", "canary.yml", "audit.yml"}


def test_actionlint_finds_nothing_in_the_workflows() -> None:
    assert actionlint_findings(*WORKFLOWS) == []


def test_actionlint_does_report_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n"
                      "      - run: echo ${{ github.nope }}\n", encoding="utf-8")
    assert actionlint_findings(broken) != []


def test_zizmor_finds_nothing_in_the_workflows() -> None:
    assert zizmor_findings(*WORKFLOWS) == []


def test_zizmor_does_report_a_workflow_open_to_injection(tmp_path: Path) -> None:
    unsafe = tmp_path / "unsafe.yml"
    unsafe.write_text("on: issues\npermissions: {}\njobs:\n  x:\n    name: x\n    runs-on: ubuntu-24.04\n"
                      "    steps:\n      - run: echo \"${{ github.event.issue.title }}\"\n", encoding="utf-8")
    assert "template-injection: code injection via template expansion" in zizmor_findings(unsafe)


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_full_commit_sha(workflow: Path) -> None:
    refs = action_refs(workflow)
    assert refs and [ref for ref in refs if not PINNED.match(ref)] == []


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_every_pinned_action_names_its_release_beside_the_sha(workflow: Path) -> None:
    uses = [line.strip() for line in workflow.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert uses and [line for line in uses if not RELEASE_COMMENT.search(line)] == []


def test_deployment_alone_may_write_to_pages() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert workflow["concurrency"]["group"]


def test_the_deploy_workflow_names_no_repository() -> None:
    """The site's address and the repository's come from the repository the workflow runs in."""
    text = (ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8")
    assert "vraem-reader" not in text and "OWNER" not in text


def test_the_canary_runs_weekly_and_never_gates_a_deployment() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "canary.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert set(triggers) == {"schedule", "workflow_dispatch"}
    assert "properdocs" in (ROOT / ".github" / "workflows" / "canary.yml").read_text(encoding="utf-8")
