"""A plain (non-editable) `pip install .` still finds the migrations and loads seeds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from .conftest import FIXTURES, REPO


def test_installed_package_finds_its_migrations(tmp_path):
    target = tmp_path / "site"
    source = tmp_path / "source"
    # Build from a copy so no build/ or egg-info/ lands in the working tree.
    shutil.copytree(
        REPO,
        source,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "*.db", "__pycache__", "*.egg-info", "build"
        ),
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(target),
            str(source),
        ],
        check=True,
    )
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    db = workdir / "t.db"

    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "import timeline, timeline.database as d, sys; "
            "print(timeline.__file__); print(d.migrations_directory()); "
            f"timeline.load({str(FIXTURES / 'minimal')!r}, {str(db)!r})",
        ],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )

    package_file, migrations = run.stdout.splitlines()[:2]
    assert package_file.startswith(str(target))
    assert migrations.startswith(str(target))
    assert (target / "timeline" / "migrations" / "versions" / "0001_initial_schema.py").exists()
    assert db.exists()
    # The editable install in the test environment would quietly supply a sub-package
    # the wheel lacks (its finder maps `timeline.*` to the source tree), so compare the
    # installed tree with the source tree directly: every sub-package and every page
    # template, stylesheet and script must ship.
    source_packages = {
        path.parent.relative_to(REPO).as_posix()
        for path in (REPO / "timeline").rglob("__init__.py")
        if "__pycache__" not in path.parts
    }
    installed = {
        path.parent.relative_to(target).as_posix()
        for path in (target / "timeline").rglob("__init__.py")
    }
    assert source_packages <= installed, f"not installed: {sorted(source_packages - installed)}"
    web = REPO / "timeline" / "web"
    for folder in ("templates", "static"):
        for asset in (web / folder).iterdir():
            assert (target / "timeline" / "web" / folder / asset.name).exists(), asset
    assert (target / "timeline" / "web" / "datasette_metadata.yaml").exists()
