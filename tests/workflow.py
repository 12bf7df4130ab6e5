"""Run the deploy workflow's build step here, as GitHub Actions would run it for a given repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import yaml

WORKFLOWS = Path(__file__).resolve().parent.parent / ".github" / "workflows"
EXPRESSION = re.compile(r"\$\{\{\s*([\w.-]+)\s*\}\}")


def steps(workflow: str, job: str) -> list[dict]:
    return yaml.safe_load((WORKFLOWS / workflow).read_text(encoding="utf-8"))["jobs"][job]["steps"]


def evaluated(text: str, context: dict[str, str]) -> str:
    """``text`` with its ``${{ name }}`` expressions replaced; an expression missing from ``context``
    is a KeyError, so the workflow cannot come to depend on anything the caller did not give."""
    return EXPRESSION.sub(lambda m: context[m[1]], text)


def build_step(workflow: str = "deploy.yml", job: str = "build") -> dict:
    """The step that builds the site."""
    return next(step for step in steps(workflow, job) if "mkdocs build" in step.get("run", ""))


def uploaded_path(workflow: str = "deploy.yml", job: str = "build") -> str:
    """The folder the job hands to GitHub Pages, as written in the workflow."""
    return next(step["with"]["path"] for step in steps(workflow, job)
                if step.get("uses", "").startswith("actions/upload-pages-artifact@"))


def run_build(context: dict[str, str], env: dict[str, str], cwd: Path) -> Path:
    """Run the build step with ``context`` for its expressions; returns the folder Pages would get.

    ``env`` holds what the runner sets itself (GITHUB_REPOSITORY, RUNNER_TEMP …).
    """
    if shutil.which("uv") is None:
        raise RuntimeError("uv is missing: the workflow's build step runs `uv run` (see .ci/run)")
    step = build_step()
    step_env = {name: evaluated(str(value), context) for name, value in step.get("env", {}).items()}
    result = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", evaluated(step["run"], context)], cwd=cwd,
                            env={**os.environ, "UV_NO_SYNC": "1", **env, **step_env}, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"the build step failed:\n{result.stderr}")
    return Path(evaluated(uploaded_path(), context))
