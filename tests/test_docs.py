"""The README tells the truth: commands, tables, views, queries and deployments it names
exist, and what exists is named."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import yaml
from typer.main import get_command

from flows.cli import app
from warehouse.db import connect, migrate

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme_with_an_example_in_its_help():
    group = get_command(app)
    for name, command in group.commands.items():
        assert f"newswatch {name}" in README, f"`newswatch {name}` is not in the README"
        subcommands = getattr(command, "commands", None)
        for sub in (subcommands or {name: command}).values():
            assert "Example:" in (sub.help or ""), f"{name} {sub.name}: no example in --help"


def test_every_table_and_view_is_documented(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    migrate(con)
    names = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables").fetchall()}
    con.close()
    for name in names:
        assert f"| `{name}` |" in README, f"table or view {name} is not in the README's schema"


def test_example_queries_run_and_are_listed(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    migrate(con)
    for path in sorted((ROOT / "warehouse" / "queries").glob("*.sql")):
        assert f"`{path.name}`" in README, f"{path.name} is not listed in the README"
        con.execute(path.read_text(encoding="utf-8")).fetchall()
    con.close()


def test_prefect_yaml_entrypoints_import_and_are_flows():
    spec = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    for deployment in spec["deployments"]:
        module_path, name = deployment["entrypoint"].split(":")
        module = importlib.import_module(module_path.removesuffix(".py").replace("/", "."))
        flow = getattr(module, name)
        assert flow.name == deployment["name"]
        assert set(deployment["parameters"]) <= set(flow.parameters.properties)


def test_quick_start_is_two_commands_that_exist():
    block = re.search(r"## Quick start\n\n```bash\n(.*?)```", README, re.S).group(1)
    commands = block.strip().splitlines()
    assert commands == ["python3 bootstrap.py demo", "python3 bootstrap.py test"]
    assert (ROOT / ".ci" / "run").read_text().strip().endswith(commands[1])


def test_every_test_docs_security_names_exists():
    text = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    current = None
    for file, name in re.findall(r"`(?:(tests/\w+\.py))?(?:::(\w+))?`", text):
        if file:
            assert (ROOT / file).is_file(), file
            current = file
        if name:
            assert f"def {name}(" in (ROOT / current).read_text(encoding="utf-8"), name
