"""Sound devices: the `devices` listing, and the devices that --input-device / --output-device choose."""

from __future__ import annotations

import json
import sys

from simulator.errors import NoDeviceError

KINDS = ("input", "output")


def parse_device(text: str | None) -> int | str | None:
    """A device as sounddevice takes it: its number in `mock-interview devices`, or part of its name."""
    if text is None or not text.strip():
        return None
    text = text.strip()
    return int(text) if text.isdigit() else text


def check_device(kind: str, device: int | str | None) -> None:
    """NoDeviceError, naming the `devices` command, when the chosen ``kind`` device does not exist."""
    if device is None:
        return
    from simulator.audio.player import device_info, import_sounddevice

    import_sounddevice()  # a missing PortAudio gets its own message
    if device_info(kind, device) is None:
        raise NoDeviceError(f"No {kind} device {device!r}; see `mock-interview devices` for the ones there are.")


def list_devices() -> list[dict]:
    """Every sound device: number, name, input and output channels, and whether it is a default."""
    from simulator.audio.player import import_sounddevice

    sd = import_sounddevice()
    try:
        found = sd.query_devices()
        default_in, default_out = sd.default.device
    except sd.PortAudioError as e:
        raise NoDeviceError(f"Cannot list the sound devices ({e}); check the sound system.") from e
    return [
        {
            "index": d["index"],
            "name": d["name"],
            "inputs": d["max_input_channels"],
            "outputs": d["max_output_channels"],
            "default": [k for k, i in zip(KINDS, (default_in, default_out)) if i == d["index"]],
        }
        for d in found
    ]


def cmd_devices(args) -> int:
    devices = list_devices()
    if args.json:
        print(json.dumps(devices, indent=2, ensure_ascii=False))
        return 0

    from rich.table import Table

    from simulator.report.style import Style, show, wants_color

    if not devices:
        print("No sound devices found; connect a microphone or speakers.")
        return 0
    s = Style(wants_color(sys.stdout))
    table = Table(box=None, pad_edge=False, header_style="bold" if s.color else "")
    for name, justify in (("#", "right"), ("NAME", "left"), ("IN", "right"), ("OUT", "right"), ("DEFAULT", "left")):
        table.add_column(name, justify=justify, overflow="fold")
    for d in devices:
        table.add_row(str(d["index"]), d["name"], str(d["inputs"]), str(d["outputs"]), ", ".join(d["default"]))
    how = "Choose one with --input-device N or --output-device N (its number or part of its name)."
    show([table, s(how, "dim")], color=s.color)
    return 0


def add_device_options(p, *, what: str = "speak") -> None:
    """--input-device / --output-device, for the commands that record and speak."""
    p.add_argument("--input-device", metavar="DEVICE", help="record from this device (see `mock-interview devices`)")
    p.add_argument("--output-device", metavar="DEVICE", help=f"{what} on this device (see `mock-interview devices`)")


def chosen_devices(args) -> tuple:
    """(input, output) devices chosen with --input-device / --output-device, checked to exist."""
    chosen = parse_device(args.input_device), parse_device(args.output_device)
    check_device("input", chosen[0])
    check_device("output", chosen[1])
    return chosen


def register(sub) -> None:
    p = sub.add_parser("devices", help="list the sound devices (for --input-device / --output-device)")
    p.add_argument("--json", action="store_true", help="print the devices as JSON")
    p.set_defaults(func=cmd_devices)
