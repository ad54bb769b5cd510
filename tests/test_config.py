"""Config files are validated on load, and a bad one gets one line naming file and field."""

from __future__ import annotations

import os
import subprocess
import sys
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


@pytest.mark.parametrize(("command", "settings", "args", "expected"), [
    ("run", "alerts:\n  bucket_minutes: 1\n", [], "alerts.bucket_minutes"),
    ("run", "", ["--outlet", "nonesuch"], "no outlet named 'nonesuch'"),
    ("backfill", "alerts:\n  bucket_minutes: 1\n", [], "alerts.bucket_minutes"),
    ("backfill", "", ["--outlet", "nonesuch"], "no outlet named 'nonesuch'"),
])
def test_a_bad_config_is_one_line_before_any_prefect_server_starts(
        tmp_path, command, settings, args, expected):
    config_dir = write(tmp_path, "settings.yaml", settings)
    archive = tmp_path / "crawl.warc"
    archive.write_bytes(b"")
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    newswatch = str(Path(sys.executable).with_name("newswatch"))
    done = subprocess.run([newswatch, command, *([str(archive)] if command == "backfill" else []),
                           "--config", str(config_dir), *args, "--db", str(tmp_path / "w.duckdb")],
                          env={**env, "PREFECT_HOME": str(tmp_path / "prefect"),
                               "PREFECT_LOGGING_LEVEL": "INFO"},
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("newswatch: ") and expected in line, done.stderr
    assert "Starting temporary server" not in done.stdout + done.stderr, done.stdout
    assert not (tmp_path / "w.duckdb").exists()


def test_health_thresholds_come_from_settings_and_are_checked(tmp_path):
    write(tmp_path, "settings.yaml", "health:\n  max_empty_share: 0.9\n")
    assert load_config(tmp_path).settings.health.max_empty_share == 0.9
    write(tmp_path, "settings.yaml", "health:\n  history_runs: 2\n  min_history: 5\n")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert "health" in str(caught.value) and "min_history (5)" in str(caught.value)


# --- hostile or careless config (issue 17, items 4 and 13) -------------------------------

OUTLET = """
outlets:
  - name: herald
    display_name: Herald
    domain: herald.example
    sources: [{type: listing, url: "https://herald.example/", link_selector: "a.story"}]
"""
TOPICS = """
topics:
  - name: iran
    label: Iran
    aliases: {en: [Iran]}
"""


@pytest.mark.parametrize(("before", "after", "field"), [
    ('link_selector: "a.story"', "link_selector: 'a[[['", "outlets.0.sources.0.link_selector"),
    ('link_selector: "a.story"', "link_selector: 'a::before'",
     "outlets.0.sources.0.link_selector"),
    ('link_selector: "a.story"}]', 'link_selector: "a.story"}]\n    rules: [{body: ["div[["]}]',
     "outlets.0.rules.0.body"),
    ('link_selector: "a.story"}]', 'link_selector: "a.story"}]\n    rules: [{remove: ["p::x"]}]',
     "outlets.0.rules.0.remove"),
    ('link_selector: "a.story"}]',
     'link_selector: "a.story"}]\n    url_filters: {include: ["/news/(x"]}',
     "outlets.0.url_filters.include"),
    ('link_selector: "a.story"}]', 'link_selector: "a.story"}]\n    boilerplate: ["Sign up (now"]',
     "outlets.0.boilerplate"),
])
def test_selectors_and_regexes_that_cannot_run_are_refused_at_load(tmp_path, before, after,
                                                                   field):
    write(tmp_path, "outlets.yaml", OUTLET.replace(before, after))
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    message = str(caught.value)
    assert "\n" not in message and str(tmp_path / "outlets.yaml") in message
    assert f"'{field}'" in message and ("does not parse" in message or "compile" in message)


def test_a_settings_boilerplate_regex_is_checked_too(tmp_path):
    write(tmp_path, "settings.yaml", "boilerplate: ['(unclosed']\n")
    with pytest.raises(ConfigError, match=r"settings\.yaml: field 'boilerplate'.*does not "
                                          r"compile"):
        load_config(tmp_path)


@pytest.mark.parametrize(("aliases", "problem"), [
    ('{en: [""]}', "has no letter or digit"),
    ('{en: ["*"]}', "has no letter or digit"),
    ("{en: []}", "no aliases listed for language 'en'"),
    ("{}", "needs aliases in at least one language"),
    ("{en: [[]]}", "valid string"),
    ("{en: [{}]}", "valid string"),
])
def test_aliases_that_can_never_match_are_refused(tmp_path, aliases, problem):
    write(tmp_path, "topics.yaml", TOPICS.replace("{en: [Iran]}", aliases))
    with pytest.raises(ConfigError, match=r"topics\.yaml: field 'topics\.0\.aliases") as caught:
        load_config(tmp_path)
    assert problem in str(caught.value)


def test_languages_are_read_as_the_codes_articles_carry(tmp_path):
    write(tmp_path, "settings.yaml", "languages: [en, eng, nb-NO]\n")
    assert load_config(tmp_path).settings.languages == ["en", "en", "no"]
    write(tmp_path, "settings.yaml", "languages: [en, english]\n")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert str(caught.value).endswith(
        "settings.yaml: field 'languages.1' = 'english': 'english' is not a language code "
        "(ISO 639-1, e.g. en, de, ar)")


def test_an_empty_exclusion_is_refused(tmp_path):
    write(tmp_path, "topics.yaml", TOPICS + '    exclude: ["  "]\n')
    with pytest.raises(ConfigError, match="exclusion '  ' has no letter or digit"):
        load_config(tmp_path)


def test_two_topics_of_one_name_are_refused(tmp_path):
    write(tmp_path, "topics.yaml", TOPICS + TOPICS.removeprefix("\ntopics:\n"))
    with pytest.raises(ConfigError, match="topic names must be unique; repeated: iran"):
        load_config(tmp_path)


def test_a_config_file_that_is_not_utf8_is_one_line_naming_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no demo database of the checkout's to fall back on
    (tmp_path / "topics.yaml").write_bytes(TOPICS.replace("Iran]", "Irán]").encode("cp1252"))
    with pytest.raises(ConfigError, match=r"topics\.yaml: is not UTF-8 text"):
        load_config(tmp_path)
    from typer.testing import CliRunner

    from flows.cli import app

    done = CliRunner().invoke(app, ["backtest", "--topic", "iran", "--config", str(tmp_path)])
    assert done.exit_code == 1
    assert done.stderr.strip().splitlines() == [
        f"newswatch: {tmp_path / 'topics.yaml'}: is not UTF-8 text (byte "
        f"{TOPICS.index('Iran]') + 2} is b'\\xe1'); save it as UTF-8"]


def test_a_yaml_alias_bomb_is_refused_before_validation(tmp_path):
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 10)}]")
    write(tmp_path, "topics.yaml", "\n".join(lines) + "\ntopics: *i\n")  # 10^9 values
    with pytest.raises(ConfigError, match=r"topics\.yaml: holds over 200,000 values"):
        load_config(tmp_path)
