"""A fictional two-outlet pair for the web tests: each file has an outlet line and a dateline as
the plain-text reader recognises them, and the two disagree on one number."""

from __future__ import annotations

from pathlib import Path

TRIBUNE = """Dam spillway opened after storm on the Varnholm River
Varnholm Tribune

KESTRA, Norland - Engineers opened the spillway of the Varnholm dam on Sunday after two days of heavy rain, the regional water board said.

About 300 residents of Lower Kestra left their homes on Sunday evening.

"The dam is safe, but the river will rise quickly," said Mira Ostrand, head of the water board.
"""

EVENING_POST = """Residents leave Lower Kestra as the dam releases water
Kestra Evening Post

KESTRA, Norland - The water board opened the spillway of the Varnholm dam on Sunday after heavy rain.

About 500 residents of Lower Kestra left their homes on Sunday evening, police said.

"The dam is safe, but the river will rise quickly," Mira Ostrand told reporters.
"""

OUTLETS = ("Varnholm Tribune", "Kestra Evening Post")
DATELINE = "KESTRA, Norland -"


def write_pair(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / "tribune.txt", folder / "evening-post.txt"]
    paths[0].write_text(TRIBUNE, encoding="utf-8")
    paths[1].write_text(EVENING_POST, encoding="utf-8")
    return paths


def fact_signature(report_json: dict) -> list[tuple]:
    """What must not depend on the door: each fact's status, text, claim spans and conflicts."""
    out = []
    for f in report_json["facts"]:
        claims = tuple(sorted((c["article"], c["start"], c["end"], c["text"])
                              for c in f["claims"]))
        conflicts = tuple(sorted((k["kind"], k["severity"]) for k in f.get("conflicts", [])))
        out.append((f["status"], f["text"], claims, conflicts))
    return sorted(out)


def page_signature(cdata: dict) -> list[tuple]:
    """The same, from the data an HTML report embeds for its script."""
    out = []
    for f in cdata["facts"].values():
        claims = tuple(sorted((c["a"], c["text"]) for c in f["claims"]))
        conflicts = tuple(sorted((k["kind"], k["severity"]) for k in f["conflicts"]))
        out.append((f["status"], f["text"], claims, conflicts))
    return sorted(out)
