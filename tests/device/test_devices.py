"""Choosing sound devices on the virtual sound card: the `devices` listing, and practice on a chosen microphone."""

from __future__ import annotations

import json

import pytest

from simulator.errors import EXIT_BAD_INPUT, EXIT_NO_DEVICE
from tests.integration.test_cli import run_cli


def cli(home, *args: str, env: dict | None = None):
    return run_cli(*args, env_home=home, env=env)


@pytest.mark.audio_device
def test_devices_lists_the_virtual_card_with_its_defaults(virtual_audio, isolated_home):
    listed = json.loads(cli(isolated_home, "devices", "--json").stdout)
    assert any(d["inputs"] > 0 for d in listed) and any(d["outputs"] > 0 for d in listed)
    defaults = {kind for d in listed for kind in d["default"]}
    assert defaults == {"input", "output"}
    table = cli(isolated_home, "devices")
    assert table.returncode == 0 and table.stdout.splitlines()[0].split() == ["#", "NAME", "IN", "OUT", "DEFAULT"]
    for d in listed:
        assert any(line.split()[:2] == [str(d["index"]), d["name"].split()[0]] for line in table.stdout.splitlines())


@pytest.mark.audio_device
@pytest.mark.slow
def test_practice_records_from_the_chosen_microphone_and_drops_a_silent_take(private_mic, isolated_home):
    from simulator.audio.recording_file import list_interrupted

    listed = json.loads(cli(isolated_home, "devices", "--json").stdout)
    mic = next(d for d in listed if "input" in d["default"])
    argv = ["practice", "--no-speak", "--input-device", str(mic["index"]), "--max-seconds", "3", "--quiet"]
    done = cli(isolated_home, *argv, env=private_mic["env"])  # a microphone of its own, hearing digital silence
    # The virtual microphone hears digital silence: the take is rejected, and not kept as a leftover.
    assert done.returncode == EXIT_BAD_INPUT, done.stderr
    assert "No speech detected" in done.stderr and "This take was not kept." in done.stderr
    assert list_interrupted() == [] and not list((isolated_home / "recordings").glob("*"))
    missing = cli(isolated_home, "practice", "--no-speak", "--input-device", "no such microphone")
    assert missing.returncode == EXIT_NO_DEVICE
    assert missing.stderr.strip() == (
        "mock-interview: No input device 'no such microphone'; see `mock-interview devices` for the ones there are."
    )


@pytest.mark.audio_device
@pytest.mark.parametrize("command", [("practice",), ("interview", "--count", "2")])
@pytest.mark.parametrize(("flag", "kind"), [("--input-device", "input"), ("--output-device", "output")])
def test_a_device_that_is_not_there_is_named_before_anything_is_asked(
    virtual_audio, isolated_home, command, flag, kind
):
    done = cli(isolated_home, *command, "--no-speak", flag, "no such device")
    assert done.returncode == EXIT_NO_DEVICE
    assert done.stderr.strip() == (
        f"mock-interview: No {kind} device 'no such device'; see `mock-interview devices` for the ones there are."
    )
    assert not (isolated_home / "interviews").exists() and not list(isolated_home.glob("recordings/*"))


@pytest.mark.audio_device
@pytest.mark.slow
def test_an_interview_records_from_the_chosen_microphone(private_mic, isolated_home):
    listed = json.loads(cli(isolated_home, "devices", "--json").stdout)
    mic = next(d for d in listed if "input" in d["default"])
    out = next(d for d in listed if "output" in d["default"])
    argv = ["interview", "--count", "2", "--no-speak", "--answer-limit", "2", "--quiet"]
    done = cli(
        isolated_home,
        *argv,
        "--input-device",
        str(mic["index"]),
        "--output-device",
        str(out["index"]),
        env=private_mic["env"],
    )
    # The chosen microphone hears digital silence: each answer is recorded for its 2 s, then left out as silent.
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("is left out: No speech detected") == 2, done.stderr
    assert "0 of 2 questions answered" in done.stdout
