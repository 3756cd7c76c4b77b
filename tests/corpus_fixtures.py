"""Generated fictional corpora for the corpus-mode tests: invented towns, events and outlets,
written as JSONL, and the command line that ingests them."""

from __future__ import annotations

import json
import sys
from pathlib import Path

PLACES = ["Velmora", "Dastrek", "Quillon", "Brasket", "Orvane", "Tessaly Falls", "Marnock",
          "Elbridge", "Casterwell", "Norhaven", "Pellis", "Sundvik"]
THINGS = [
    ("bridge collapse", "The old {p} river bridge collapsed during the morning rush, and {n} "
     "commuters were hurt, the transport office of {p} said."),
    ("library fire", "A fire gutted the {p} municipal library overnight; fire chief Anna Roke "
     "said {n} firefighters fought the blaze for six hours."),
    ("dam leak", "Engineers found a leak in the {p} reservoir dam and evacuated {n} homes "
     "downstream as a precaution, the {p} water board said."),
    ("zoo escape", "Two snow leopards escaped from the {p} city zoo and were recaptured after "
     "{n} minutes, zoo director Hal Brenning told reporters."),
    ("tram strike", "Tram drivers in {p} walked out over pay, stranding {n} thousand riders, "
     "the {p} transit union announced."),
]


def gen_articles(n: int, prefix: str = "a") -> list[dict]:
    out = []
    for i in range(n):
        p = PLACES[i % len(PLACES)]
        what, body = THINGS[(i // len(PLACES)) % len(THINGS)]
        text = body.format(p=p, n=10 + i) + (
            f" Officials in {p} promised a full review of the {what}. Residents of {p} "
            f"described scenes of confusion. Report number {i} from the {p} desk."
        )
        out.append({"id": f"{prefix}{i}", "title": f"{p} {what}", "text": text,
                    "source": f"Outlet {i % 3}", "published": f"2031-04-0{1 + i % 9}T08:00:00"})
    return out


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "consilience", *args]
