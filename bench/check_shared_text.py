"""Check that no text of ../shared (seeds, PolNeAR, ECB+, BASIL) was copied into the repository.

Every run of 50 or more characters (case, whitespace and quote style ignored) that a shared text
and a tracked file of the repository have in common is printed with both places. Exit status 1
when there is any. Real news may not enter tests, docstrings or docs, not even one sentence.

    python bench/check_shared_text.py ../shared [--min 50]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'",
                         "\u2014": "-", "\u2013": "-"})
K = 40  # indexed window; a common run of >= --min chars holds one at every position


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_QUOTES).lower())


def shared_texts(root: Path) -> Iterator[tuple[str, str]]:
    """(label, text) of every shared document."""
    for p in sorted((root / "seeds").glob("*.txt")):
        yield f"seeds/{p.name}", p.read_text(encoding="utf-8", errors="replace")
    for p in sorted((root / "devdata" / "basil" / "texts").glob("*/*.txt")):
        yield f"basil/{p.parent.name}/{p.name}", p.read_text(encoding="utf-8", errors="replace")
    for name in ("polnear", "ecbplus"):
        path = root / "devdata" / name / "articles.jsonl"
        if not path.is_file():
            continue
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                rec = json.loads(line)
                text = "\n".join(str(rec.get(k) or "") for k in ("title", "text"))
                yield f"{name}/{rec.get('id', n)}", text


def repo_files(repo: Path) -> list[Path]:
    out = subprocess.run(["git", "ls-files"], cwd=repo, capture_output=True, text=True,
                         check=True).stdout.split("\n")
    return [repo / f for f in out if f and (repo / f).is_file()]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("shared", type=Path, help="the shared folder (seeds/, devdata/)")
    ap.add_argument("--min", type=int, default=50, help="shortest common run reported")
    ap.add_argument("--repo", type=Path, default=Path(__file__).resolve().parent.parent)
    args = ap.parse_args()
    index: dict[int, list[tuple[int, int]]] = {}
    files: list[tuple[Path, str]] = []
    for p in repo_files(args.repo):
        try:
            text = norm(p.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, OSError):
            continue
        fi = len(files)
        files.append((p, text))
        for i in range(len(text) - K + 1):
            index.setdefault(hash(text[i : i + K]), []).append((fi, i))
    hits = 0
    for label, raw in shared_texts(args.shared):
        text = norm(raw)
        i = 0
        while i <= len(text) - K:
            cands = index.get(hash(text[i : i + K]))
            best = None
            for fi, j in cands or ():
                ftext = files[fi][1]
                if ftext[j : j + K] != text[i : i + K]:
                    continue
                n = K
                while i + n < len(text) and j + n < len(ftext) and text[i + n] == ftext[j + n]:
                    n += 1
                if best is None or n > best[2]:
                    best = (fi, j, n)
            if best and best[2] >= args.min:
                fi, j, n = best
                path = files[fi][0].relative_to(args.repo)
                print(f"{label} @{i}: {path} ({n} chars): {text[i:i + n][:120]!r}")
                hits += 1
                i += n
            else:
                i += 1
    print(f"{hits} common runs of >= {args.min} characters")
    return 1 if hits else 0


if __name__ == "__main__":
    raise SystemExit(main())
