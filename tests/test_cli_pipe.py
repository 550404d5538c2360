"""A reader that closes the pipe early (`communique show X | head`) gets no error message."""

from __future__ import annotations

import subprocess
import sys


def test_closed_pipe_is_quiet() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "communique", "show", "000_bd8b5cfe7c34e604"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=120) == 141
    assert "Traceback" not in stderr and "error" not in stderr.lower(), stderr
