"""The machine a benchmark ran on, for labelling its numbers."""

from __future__ import annotations

import os
import platform
from pathlib import Path


def cpu_name() -> str:
    """The CPU's model name (from /proc/cpuinfo on Linux), else what platform knows."""
    cpuinfo = Path("/proc/cpuinfo")
    lines = cpuinfo.read_text().splitlines() if cpuinfo.exists() else []
    name = next((ln.split(":", 1)[1].strip() for ln in lines if ln.startswith("model name")), "")
    return name or platform.processor() or platform.machine()


def cpu_line() -> str:
    return f"{cpu_name()}, {os.cpu_count()} CPU cores"
