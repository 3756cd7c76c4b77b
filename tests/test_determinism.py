"""The same articles give a byte-identical report whatever the hash seed and the input order.

Runs `consilience compare` in fresh processes under different PYTHONHASHSEED values, each with
the files in another order, and compares the JSON. The event, outlets and people are fictional.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e  # fresh processes under other hash seeds

ARTICLES = {
    "harbor-gazette.txt": """Storm Closes Velm Harbour
Harbor Gazette
2031-05-06T08:30:00+02:00

VELM, Norland - A storm closed Velm harbour on Tuesday, stranding 14 ships, harbour master
Aldo Brenner said. Aldo Brenner Jr., who runs the pilot service, said two tugs were damaged.
"We will reopen when the wind drops," Aldo Brenner said. The coast guard rescued 12 sailors.
Officials said the closure may last until Thursday.
""",
    "valley-courier.txt": """Velm Harbour Shut as Storm Hits
Valley Courier

A storm shut Velm harbour on Tuesday and stranded 15 ships, officials said. Harbour master
Aldo Brenner said the port would reopen when the wind dropped. His son, Aldo Brenner Jr., said
three tugs were damaged. The coast guard said it rescued 12 sailors from a cargo ship.
The closure will last until Wednesday, the port authority said.
""",
    "norland-wire.jsonl": (
        '{"title": "Storm strands ships at Velm", "source": "Norland Wire", '
        '"published": "2031-05-06T07:00:00Z", "text": "A storm stranded 14 ships at Velm '
        'harbour on Tuesday. Harbour master Aldo Brenner said the harbour stays closed. The '
        'coast guard rescued 12 sailors. Brenner Jr. said two tugs were hit."}\n'
        '{"title": "Velm ferry cancelled", "source": "Norland Wire", "published": '
        '"2031-05-06T09:00:00Z", "text": "The Velm ferry was cancelled on Tuesday because of '
        'the storm, the operator Kessa Lines said. About 300 passengers were affected."}\n'
    ),
    "east-ledger.txt": """Velm Storm: Ships Stranded
By Mira Sol, East Ledger

Fourteen ships were stranded when a storm closed Velm harbour on Tuesday. The coast guard did not
rescue anyone, a spokesman said. Aldo Brenner, the harbour master, said damage was light.
""",
}


def _run(folder: Path, files: list[str], seed: int, out: Path) -> str:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    proc = subprocess.run(
        [sys.executable, "-m", "consilience", "compare", *files, "--format", "json", "-o", str(out)],
        cwd=folder, env=env, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    return out.read_text(encoding="utf-8")


def test_same_report_under_any_hash_seed_and_input_order(tmp_path: Path) -> None:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    names = sorted(ARTICLES)
    shuffled = names[:]
    random.Random(7).shuffle(shuffled)
    orders = [names, names[::-1], shuffled]
    assert len({tuple(o) for o in orders}) == 3
    outs = [_run(tmp_path, order, seed, tmp_path / f"r{seed}.json")
            for seed, order in zip((1, 2, 3), orders, strict=True)]
    assert '"Aldo Brenner Jr."' in outs[0]  # the son stays one person with his whole name
    assert outs[0] == outs[1] == outs[2]
