"""Config files are validated on load, and a bad one gets one line naming file and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from tasks.config import DEFAULT_CONFIG_DIR, load_config
from tasks.errors import ConfigError


def test_bundled_config_loads_with_outlets_and_topics():
    config = load_config()
    assert len(config.outlets) >= 15
    assert {"iran", "drones", "ukraine", "russia", "israel"} <= {t.name for t in config.topics}
    assert len({o.language for o in config.outlets}) >= 4


def write(folder: Path, name: str, text: str) -> Path:
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_bad_field_names_file_field_value_and_rule(tmp_path):
    write(tmp_path, "settings.yaml", "fetch:\n  read_timeout: -3\n")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    message = str(caught.value)
    assert "\n" not in message
    assert str(tmp_path / "settings.yaml") in message
    assert "fetch.read_timeout" in message and "-3" in message and "greater than 0" in message


def test_unknown_source_type_lists_what_is_allowed(tmp_path):
    write(tmp_path, "outlets.yaml", """
outlets:
  - name: herald
    display_name: Herald
    domain: herald.example
    sources: [{type: rss-feed, url: "https://herald.example/rss"}]
""")
    with pytest.raises(ConfigError, match=r"outlets\.0\.sources\.0\.type.*'rss-feed'.*'feed'"):
        load_config(tmp_path)


def test_broken_yaml_names_the_line(tmp_path):
    write(tmp_path, "topics.yaml", "topics:\n  - name: iran\n    label: [unclosed\n")
    with pytest.raises(ConfigError, match=r"topics\.yaml: line \d+ is not valid YAML"):
        load_config(tmp_path)


def test_user_settings_override_only_what_they_set(tmp_path):
    write(tmp_path, "settings.yaml", "fetch:\n  min_host_delay: 0\n")
    config = load_config(tmp_path)
    assert config.settings.fetch.min_host_delay == 0
    default = load_config(DEFAULT_CONFIG_DIR)
    assert config.settings.fetch.read_timeout == default.settings.fetch.read_timeout


def test_missing_folder_is_named(tmp_path):
    with pytest.raises(ConfigError, match="config folder does not exist"):
        load_config(tmp_path / "nope")


def test_cli_prints_one_line_for_a_bad_config(tmp_path):
    from typer.testing import CliRunner

    from flows.cli import app

    write(tmp_path, "settings.yaml", "alerts:\n  bucket_minutes: 1\n")
    result = CliRunner().invoke(app, ["backtest", "--topic", "iran", "--config", str(tmp_path)])
    assert result.exit_code == 1
    assert "alerts.bucket_minutes" in result.output and "Traceback" not in result.output


def test_health_thresholds_come_from_settings_and_are_checked(tmp_path):
    write(tmp_path, "settings.yaml", "health:\n  max_empty_share: 0.9\n")
    assert load_config(tmp_path).settings.health.max_empty_share == 0.9
    write(tmp_path, "settings.yaml", "health:\n  history_runs: 2\n  min_history: 5\n")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert "health" in str(caught.value) and "min_history (5)" in str(caught.value)
