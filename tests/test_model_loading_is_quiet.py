"""Loading the models prints nothing but our own output (no third-party progress bars)."""

import subprocess
import sys

import pytest


@pytest.mark.model
def test_loading_the_embedder_draws_no_progress_bar():
    code = (
        "from consilience.resources import load_embedder\n"
        "m = load_embedder()\n"
        "print(m.encode(['a ferry capsized']).shape[1])\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "384"
    assert "Loading weights" not in proc.stderr
    assert "it/s" not in proc.stderr
