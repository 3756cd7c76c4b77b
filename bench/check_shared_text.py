"""Check that no text of ../shared (seeds, PolNeAR, ECB+, BASIL) was copied into the repository.

Two checks over every tracked file (case, whitespace and quote style ignored): a common run of 50
or more characters, and a common run of 6 or more words that holds at least two content words (not
spaCy stop words). A 6-word run that 3 or more unrelated shared documents use, or one inside a stock
formula in ALLOW ("did not respond to requests for comment"), is idiom, not a copy. Each find is
printed with both places; exit status 1 when there is any. Real news may not enter tests,
docstrings or docs, not even one phrase.

    python bench/check_shared_text.py [SHARED] [--min 50] [--words 6]     (SHARED: ../shared)
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'",
                         "\u2014": "-", "\u2013": "-"})
K = 40  # indexed window; a common run of >= --min chars holds one at every position
WORD = re.compile(r"[a-z0-9]+(?:['.][a-z0-9]+)*")
COMMON_GROUPS = 3  # a word run used by this many unrelated shared documents is idiom
# stock formulas of news writing that fictional fixtures may use (add one only when it is such a
# formula, never to let a copied phrase through)
ALLOW = (
    "did not respond to requests for comment",
    "according to a person familiar with the",
    "for the rest of the week",
    "according to a report by a",
    "according to an analysis by the",
    "received a distress call from the",
)


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


def group(label: str) -> str:
    """Documents of one event (an ECB+ topic, a BASIL event, the seeds) count as one source."""
    kind, _, rest = label.partition("/")
    if kind == "ecbplus":
        return f"ecbplus/{rest.split('_')[0]}"
    if kind == "basil":
        return f"basil/{rest.split('/')[0]}"
    return "seeds" if kind == "seeds" else label


def word_runs(shared: list[tuple[str, str]], files: list[tuple[Path, str]], n: int
              ) -> Iterator[tuple[str, Path, int, list[str]]]:
    """(shared label, repo file, line, words) of each run of >= n words the two have in common
    (see the module docstring for what counts)."""
    seen: dict[int, str | set[str]] = {}  # hash of an n-word run -> the groups and one label
    first: dict[int, str] = {}
    for label, text in shared:
        g = group(label)
        words = WORD.findall(text)
        for i in range(len(words) - n + 1):
            k = hash(" ".join(words[i : i + n]))
            old = seen.get(k)
            if old is None:
                seen[k], first[k] = g, label
            elif isinstance(old, str):
                if old != g:
                    seen[k] = {old, g}
            else:
                old.add(g)
    from spacy.lang.en.stop_words import STOP_WORDS

    allow = [f" {a} " for a in ALLOW]
    for path, text in files:
        matches = list(WORD.finditer(text))
        words = [m.group() for m in matches]
        hit = []
        for i in range(len(words) - n + 1):
            gram = words[i : i + n]
            k = hash(" ".join(gram))
            groups = seen.get(k)
            hit.append(groups is not None
                       and (isinstance(groups, str) or len(groups) < COMMON_GROUPS)
                       and sum(w not in STOP_WORDS for w in gram) >= 2
                       and not any(f" {' '.join(gram)} " in a for a in allow))
        i = 0
        while i < len(hit):
            if not hit[i]:
                i += 1
                continue
            j = i
            while j + 1 < len(hit) and hit[j + 1]:
                j += 1
            label = first[hash(" ".join(words[i : i + n]))]
            yield label, path, text.count("\n", 0, matches[i].start()) + 1, words[i : j + n]
            i = j + 1


def repo_files(repo: Path) -> list[Path]:
    out = subprocess.run(["git", "ls-files"], cwd=repo, capture_output=True, text=True,
                         check=True).stdout.split("\n")
    return [repo / f for f in out if f and (repo / f).is_file()]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("shared", type=Path, nargs="?", help="the shared folder (seeds/, devdata/); "
                    "default ../shared next to the repository")
    ap.add_argument("--min", type=int, default=50, help="shortest common run reported, characters")
    ap.add_argument("--words", type=int, default=6, help="shortest common run reported, words")
    ap.add_argument("--repo", type=Path, default=Path(__file__).resolve().parent.parent)
    args = ap.parse_args()
    shared_dir = args.shared or args.repo / ".." / "shared"
    if not (shared_dir / "seeds").is_dir():
        print(f"error: {shared_dir}: no seeds/ folder here; pass the shared folder", file=sys.stderr)
        return 2
    index: dict[int, list[tuple[int, int]]] = {}
    files: list[tuple[Path, str]] = []
    lines: list[tuple[Path, str]] = []  # the files with line breaks kept, for word runs
    for p in repo_files(args.repo):
        try:
            raw = p.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        text = norm(raw)
        lines.append((p, raw.translate(_QUOTES).lower()))
        fi = len(files)
        files.append((p, text))
        for i in range(len(text) - K + 1):
            index.setdefault(hash(text[i : i + K]), []).append((fi, i))
    shared = [(label, norm(raw)) for label, raw in shared_texts(shared_dir)]
    hits = 0
    for label, text in shared:
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
    runs = 0
    for label, path, line, words in word_runs(shared, lines, args.words):
        print(f"{label}: {path.relative_to(args.repo)}:{line} ({len(words)} words): "
              f"{' '.join(words)[:120]!r}")
        runs += 1
    print(f"{runs} common runs of >= {args.words} words")
    return 1 if hits or runs else 0


if __name__ == "__main__":
    raise SystemExit(main())
