"""Installs are reproducible: every dependency has a tested range and one pinned version."""

from __future__ import annotations

import re
import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from .conftest import REPO

README_COMMANDS = re.compile(r"^# [12]\..*\n(.*)$", re.M)


def declared_requirements() -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [Requirement(text) for text in project["dependencies"]]
    for extra in project["optional-dependencies"].values():
        requirements += [Requirement(text) for text in extra]
    return requirements


def pinned_versions() -> dict[str, Version]:
    pins = {}
    for line in (REPO / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = line.split("==")
            pins[canonicalize_name(name)] = Version(version)
    return pins


@pytest.mark.parametrize("requirement", declared_requirements(), ids=str)
def test_every_dependency_has_a_tested_range_and_a_pin_inside_it(requirement):
    if requirement.name == "setuptools":
        pytest.skip("the build backend comes with the environment, not from the pins")
    operators = {spec.operator for spec in requirement.specifier}
    assert ">=" in operators, f"{requirement}: no lower bound"
    assert "<" in operators or "<=" in operators, f"{requirement}: no upper bound"
    pinned = pinned_versions().get(canonicalize_name(requirement.name))
    assert pinned is not None, f"{requirement.name} is not pinned in constraints.txt"
    assert requirement.specifier.contains(pinned, prereleases=True), (
        f"constraints.txt pins {requirement.name}=={pinned}, outside {requirement.specifier}"
    )


def test_readme_commands_install_from_the_pins():
    commands = README_COMMANDS.findall((REPO / "README.md").read_text(encoding="utf-8"))
    assert len(commands) == 2
    for command in commands:
        assert "pip install -c constraints.txt" in command
