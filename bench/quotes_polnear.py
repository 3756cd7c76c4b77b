"""Quote attribution benchmark on PolNeAR: consilience's extract_quotes against textacy's
direct_quotations, both run on the same spaCy docs and scored the same way.

Usage: python bench/quotes_polnear.py PATH_TO_POLNEAR [--split dev] [--limit N]
       [--entities real|fallback] [--write-docs docs/quality.md] [--cache DIR]
       [--dump-errors N] [--digits 4] [--dump-preds FILE] [--rule NAME=0|1 ...]

--cache keeps the spaCy parses (DocBin) in DIR between runs; --dump-errors prints, for the
reported-speech subset with speaker, the errors grouped by type with counts and N examples each
(use it on train; dev is the held-out check). --digits sets the decimals of the printed table
(4 for per-step before/after figures); --dump-preds writes our predictions, one JSON line per
attribution (article, content span, speaker text and name), so two runs can be diffed.
--rule sets one of analysis.quotes.RULES for the run (e.g. `--rule learned_check=0`), so a
switch is measured on and off with one command.

Gold set. PolNeAR gives one annotator per article, except 19 articles annotated by 5-6 annotators;
for those we keep one annotator: the alphabetically first (deterministic, and it keeps the gold
density comparable to single-annotator articles). Attributions without content are dropped.
Pieces of a discontinuous gold content span are united.

Predictions. Quotes that share a cue span (a split quote, or a partial quote inside the reported
clause of the same cue) form one predicted attribution whose content is the union of the pieces.
A quote with neither a cue nor a speaker (quoted words nobody is said to have said) is not an
attribution -- PolNeAR's every attribution has a cue -- so it is left out and only counted.

Content match. Compared on alphanumeric character positions only (quotation marks, spaces and
punctuation do not count). A prediction P matches gold G when |P & G| >= 0.5 |G| (it covers at
least half of the gold content) and |P & G| >= 0.5 |P| (at most half of it lies outside, so a
span more than 2x the gold never matches). Matching is one-to-one, greedy by overlap F1.

Speaker match. The predicted speaker span overlaps the gold source span, or the resolved speaker
name shares a content word (not a title like "president"/"mr.") with the gold source text. When
the gold source is a pronoun (he, she, it, they, who, ...), a resolved name also matches when it
shares a word with the nearest preceding non-pronoun gold source of the same annotator (the
pronoun's likely antecedent). A gold relative-pronoun source ("a builder who said") is
compared with the words just before it in its sentence, which is what "who" stands for; a gold
source that is itself a speech word (annotation slips such as source "said" in "said Robert
McAtee") with the words just after it. In those two cases the predicted speaker's surface text
counts too. A gold attribution without a source matches a prediction with no speaker. textacy does not resolve pronouns, so its speaker name is its speaker text.

Reported-speech subset. Gold whose content is inside quotation marks, or whose cue contains a
speech word (said, told, according to, wrote, added, stated, asked, ...). Precision on the subset
leaves out predictions that matched gold outside the subset (they are neither right nor wrong
there); unmatched predictions count as false positives in both views.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

SPEECH_WORDS = {
    "said", "say", "says", "saying", "told", "tell", "tells", "telling", "according", "wrote",
    "write", "writes", "writing", "added", "add", "adds", "adding", "stated", "state", "states",
    "asked", "ask", "asks", "asking", "noted", "note", "notes", "noting", "announced", "announce",
    "tweeted", "tweet", "explained", "argued", "argue", "argues", "arguing", "claimed", "claim",
    "claims", "warned", "warn", "warns", "declared", "insisted", "stressed", "emphasized",
    "replied", "responded", "continued", "recalled", "acknowledged", "admitted", "suggested",
    "confirmed", "denied", "reported", "reports", "commented", "urged", "accused", "testified",
    "quoted", "remarked", "conceded", "vowed", "promised", "predicted", "concluded", "statement",
}
RELATIVES = {"who", "which", "that", "whom"}
PRONOUNS = {"he", "she", "it", "they", "who", "which", "that", "i", "we", "you", "his", "her",
            "him", "them", "their", "its", "this", "whom"}
NAME_STOP = {"the", "a", "an", "of", "mr", "mrs", "ms", "dr", "sen", "senator", "president",
             "gov", "governor", "rep", "secretary", "minister", "s", "and", "former", "his", "her",
             "candidate", "republican", "democratic", "presidential", "spokesman", "spokeswoman"}
QUOTE_CHARS = "\"“”‘’'"
UNATTRIBUTED = [0]  # count of our quotes left out as unattributed
ROW = "{:<34} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}"


@dataclass
class Att:
    content: frozenset[int]
    spk_span: tuple[int, int] | None
    spk_name: str | None
    gold_src_text: str | None = None
    antecedent: str | None = None
    subset: bool = True
    spk_text: str | None = None  # predicted speaker span text


def alnum_positions(text: str, pieces: list[tuple[int, int]]) -> frozenset[int]:
    return frozenset(i for s, e in pieces for i in range(s, min(e, len(text))) if text[i].isalnum())


def words(s: str | None) -> set[str]:
    if not s:
        return set()
    return {w for w in re.findall(r"[a-z0-9]+", s.lower()) if w not in NAME_STOP and len(w) > 1}


def load(path: Path, split: str, limit: int | None) -> tuple[list[dict], dict[str, list[Att]]]:
    try:
        arts = [json.loads(line) for line in open(path / "articles.jsonl", encoding="utf-8")]
        raw = [json.loads(line) for line in open(path / "attributions.jsonl", encoding="utf-8")]
    except (OSError, json.JSONDecodeError) as exc:
        sys.exit(f"{path}: cannot read PolNeAR files ({exc})")
    arts = [a for a in arts if split == "all" or a["gold"].get("split") == split]
    if limit:
        arts = arts[:limit]
    keep = {a["id"] for a in arts}
    texts = {a["id"]: a["text"] for a in arts}
    annotators: dict[str, set[str]] = defaultdict(set)
    for r in raw:
        annotators[r["article"]].add(r["annotator"])
    chosen = {k: min(v) for k, v in annotators.items()}
    gold: dict[str, list[Att]] = defaultdict(list)
    rows = [r for r in raw if r["article"] in keep and r["annotator"] == chosen[r["article"]]]
    rows.sort(key=lambda r: (r["article"], (r.get("source_offsets") or [[10**9]])[0][0]))
    last_named: dict[str, str] = {}
    for r in sorted(rows, key=lambda r: (r["article"], _first(r))):
        text = texts[r["article"]]
        pieces = [tuple(p) for p in r.get("content_offsets") or []]
        if not pieces:
            continue
        content = alnum_positions(text, pieces)
        if not content:
            continue
        src = r.get("source_offsets") or []
        span = (src[0][0], src[-1][1]) if src else None
        src_text = text[span[0] : span[1]] if span else None
        antecedent = None
        if src_text is not None:
            low = src_text.strip().lower()
            if low in RELATIVES:
                # "a builder who said": the noun phrase right before the relative pronoun
                antecedent = _window(text, span[0] - 80, span[0], True)
            elif low in SPEECH_WORDS:
                # malformed gold: the cue marked as source ("said Robert McAtee"); the
                # speaker is named right after it
                antecedent = _window(text, span[1], span[1] + 60, False)
            elif low in PRONOUNS:
                antecedent = last_named.get(r["article"])
            else:
                last_named[r["article"]] = src_text
        gold[r["article"]].append(
            Att(content, span, src_text, src_text, antecedent, _in_subset(text, r, pieces))
        )
    return arts, gold


def _window(text: str, s: int, e: int, before: bool) -> str:
    """text[s:e] cut at sentence and paragraph breaks, keeping the part next to the source
    (the end of it when the window lies before the source, the start when after)."""
    parts = re.split(r"[.!?]\s|\n", text[max(0, s) : max(0, min(len(text), e))])
    return parts[-1] if before else parts[0]


def _first(r: dict) -> int:
    offs = (r.get("source_offsets") or []) + (r.get("cue_offsets") or []) + (
        r.get("content_offsets") or [])
    return min((o[0] for o in offs), default=0)


def _in_subset(text: str, r: dict, pieces: list[tuple[int, int]]) -> bool:
    s = min(p[0] for p in pieces)
    e = max(p[1] for p in pieces)
    body = text[s:e].strip()
    before = text[max(0, s - 2) : s].strip()
    if body[:1] in QUOTE_CHARS or (before and before[-1] in QUOTE_CHARS):
        return True
    cue = (r.get("cue") or "").lower()
    return bool(set(re.findall(r"[a-z]+", cue)) & SPEECH_WORDS) or cue.strip() == ":"


def speaker_ok(p: Att, g: Att) -> bool:
    if g.spk_span is None:
        return p.spk_span is None and not p.spk_name
    if p.spk_span and p.spk_span[0] < g.spk_span[1] and g.spk_span[0] < p.spk_span[1]:
        return True
    pw = words(p.spk_name)
    if pw & words(g.gold_src_text):
        return True
    if g.antecedent and g.gold_src_text and g.gold_src_text.strip().lower() in (
            RELATIVES | SPEECH_WORDS):
        pw |= words(p.spk_text)  # the surface words stand in for an unmarked antecedent
    return bool(g.antecedent and pw & words(g.antecedent))


def match(preds: list[Att], gold: list[Att], need_speaker: bool) -> dict[int, int]:
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(gold):
            inter = len(p.content & g.content)
            if inter < 0.5 * len(g.content) or inter < 0.5 * len(p.content):
                continue
            if need_speaker and not speaker_ok(p, g):
                continue
            f = 2 * inter / (len(p.content) + len(g.content))
            pairs.append((f, i, j))
    pairs.sort(reverse=True)
    used_p: dict[int, int] = {}
    used_g: set[int] = set()
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p[i] = j
        used_g.add(j)
    return used_p


def ours(doc, art: dict, real_entities: bool = True) -> list[Att]:
    from consilience.analysis.entities import extract_entities
    from consilience.analysis.quotes import extract_quotes
    from consilience.model import Article

    text = art["text"]
    article = Article(id=art["id"], text=text)
    mentions, entities = extract_entities(doc, article) if real_entities else ([], [])
    quotes = extract_quotes(doc, article, mentions, entities)
    groups: dict[object, list] = defaultdict(list)
    for k, q in enumerate(quotes):
        groups[q.cue_start if q.cue_start is not None else ("nocue", k)].append(q)
    out = []
    for qs in groups.values():
        content = alnum_positions(text, [(q.start, q.end) for q in qs])
        sp = next((q for q in qs if q.speaker_start is not None or q.speaker_name), None)
        if sp is None and all(q.cue is None for q in qs):
            UNATTRIBUTED[0] += 1  # quoted words with no cue and no speaker: not an attribution
            continue
        span = (sp.speaker_start, sp.speaker_end) if sp and sp.speaker_start is not None else None
        out.append(Att(content, span, sp.speaker_name if sp else None,
                       spk_text=text[span[0] : span[1]] if span else None))
    return out


def textacy_preds(doc) -> list[Att]:
    from textacy.extract.triples import direct_quotations

    out = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # textacy gives up on an odd number of quotation marks
        return out
    for t in triples:
        content = alnum_positions(doc.text, [(t.content.start_char, t.content.end_char)])
        span = None
        name = None
        if t.speaker:
            span = (min(x.idx for x in t.speaker), max(x.idx + len(x) for x in t.speaker))
            name = " ".join(x.text for x in t.speaker)
        out.append(Att(content, span, name))
    return out


def score(runs: list[tuple[list[Att], list[Att]]], need_speaker: bool, subset: bool):
    tp = fp = fn = 0
    for preds, gold in runs:
        m = match(preds, gold, need_speaker)
        for i in range(len(preds)):
            if i in m:
                if subset and not gold[m[i]].subset:
                    continue
                tp += 1
            else:
                fp += 1
        matched = set(m.values())
        fn += sum(1 for j, g in enumerate(gold) if j not in matched and (g.subset or not subset))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("--split", default="dev", choices=["train", "dev", "all"])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--entities", default="real", choices=["real", "fallback"],
                    help="speakers from analyze.entities (real) or from doc.ents (fallback)")
    ap.add_argument("--write-docs", type=Path, default=None,
                    help="update the 'Quote attribution (PolNeAR)' section of this markdown file")
    ap.add_argument("--cache", type=Path, default=None,
                    help="directory for cached spaCy parses (DocBin), e.g. /tmp/polnear_cache; "
                         "a split is also read from the whole corpus's cached parses")
    ap.add_argument("--dump-errors", type=int, default=0, metavar="N",
                    help="print error types with counts and N examples each (ours, with speaker)")
    ap.add_argument("--digits", type=int, default=3, help="decimals of the printed table")
    ap.add_argument("--dump-preds", type=Path, default=None, metavar="FILE",
                    help="write our predictions as JSON lines, for diffing two runs")
    ap.add_argument("--rule", action="append", default=[], metavar="NAME=0|1",
                    help="set a switch of analysis.quotes.RULES for this run")
    args = ap.parse_args()
    if not args.path.is_dir():
        sys.exit(f"{args.path}: not a directory with PolNeAR articles.jsonl/attributions.jsonl")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from consilience.analysis.quotes import RULES
    from consilience.resources import Models

    for item in args.rule:
        name, _, value = item.partition("=")
        if name not in RULES or value not in ("0", "1"):
            sys.exit(f"--rule {item}: expected NAME=0 or NAME=1 with NAME one of {sorted(RULES)}")
        RULES[name] = value == "1"

    arts, gold = load(args.path, args.split, args.limit)
    nlp = Models().nlp
    t0 = time.time()
    ours_runs, tx_runs = [], []
    t_ours = t_tx = 0.0
    for art, doc in zip(arts, parsed(nlp, arts, args), strict=True):
        g = gold.get(art["id"], [])
        a = time.time()
        ours_runs.append((ours(doc, art, args.entities == "real"), g))
        b = time.time()
        tx_runs.append((textacy_preds(doc), g))
        t_ours += b - a
        t_tx += time.time() - b
    n_gold = sum(len(g) for g in gold.values())
    n_sub = sum(g.subset for gs in gold.values() for g in gs)
    lines = [f"split={args.split} articles={len(arts)} gold={n_gold} reported-speech gold={n_sub}"
             f" (parse+extract {time.time() - t0:.0f}s; ours {t_ours:.1f}s, textacy {t_tx:.1f}s;"
             f" {UNATTRIBUTED[0]} unattributed quotes of ours not scored)",
             ROW.format("view", "P", "R", "F1", "tx P", "tx R", "tx F1")]
    table = {}
    for subset in (True, False):
        for need in (True, False):
            name = ("reported speech" if subset else "all attributions") + (
                ", content+speaker" if need else ", content only")
            o = score(ours_runs, need, subset)
            t = score(tx_runs, need, subset)
            table[name] = (o, t)
            lines.append(ROW.format(name, *(f"{x:.{args.digits}f}" for x in o + t)))
    print("\n".join(lines))
    if args.dump_preds:
        with open(args.dump_preds, "w", encoding="utf-8") as fh:
            for art, (preds, _) in zip(arts, ours_runs, strict=True):
                for p in preds:
                    span = (min(p.content), max(p.content) + 1) if p.content else (0, 0)
                    fh.write(json.dumps({"article": art["id"], "content": span,
                                         "text": art["text"][span[0]:span[1]][:200],
                                         "speaker": p.spk_text, "name": p.spk_name}) + "\n")
    if args.dump_errors:
        dump_errors(arts, ours_runs, args.dump_errors)
    if args.write_docs:
        write_docs(args, table, len(arts), n_gold, n_sub)


def parsed(nlp, arts: list[dict], args) -> list:
    """spaCy docs of the articles, read from / written to a DocBin cache when --cache is given."""
    if args.cache is None:
        return list(nlp.pipe((a["text"] for a in arts), batch_size=16))
    from spacy.tokens import DocBin

    key = f"{args.split}_{args.limit or 'all'}_{nlp.meta.get('name')}_{nlp.meta.get('version')}"
    path = args.cache / f"polnear_{key}.spacy"
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if [d.text for d in docs] == [a["text"] for a in arts]:
            return docs
    whole = args.cache / f"polnear_all_all_{nlp.meta.get('name')}_{nlp.meta.get('version')}.spacy"
    if whole.exists() and args.split != "all":  # a split is a subset of the whole corpus's parses
        by_text = {d.text: d for d in DocBin().from_disk(whole).get_docs(nlp.vocab)}
        if all(a["text"] in by_text for a in arts):
            return [by_text[a["text"]] for a in arts]
    docs = list(nlp.pipe((a["text"] for a in arts), batch_size=16))
    args.cache.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs).to_disk(path)
    return docs


def _snip(text: str, pos: frozenset[int] | None, width: int = 110) -> str:
    if not pos:
        return "-"
    s, e = min(pos), max(pos) + 1
    body = text[s:e].replace("\n", " / ")
    return body if len(body) <= width else body[: width // 2] + " … " + body[-width // 2 :]


def _classify(p: Att, g: Att, text: str) -> str:
    """The kind of a speaker error (content matched, speaker did not)."""
    if g.spk_span is None:
        return "speaker: predicted, gold has none"
    if p.spk_span is None and not p.spk_name:
        return "speaker: null, gold has one"
    st = (text[p.spk_span[0] : p.spk_span[1]] if p.spk_span else "").strip().lower()
    if st in PRONOUNS:
        return "speaker: pronoun resolved wrong/unresolved"
    return "speaker: wrong"


def dump_errors(arts: list[dict], runs: list[tuple[list[Att], list[Att]]], n: int) -> None:
    """Errors of the reported-speech view with speaker, grouped by type with counts."""
    groups: dict[str, list[str]] = defaultdict(list)
    for art, (preds, gold) in zip(arts, runs, strict=True):
        text = art["text"]
        full = match(preds, gold, True)
        loose = match(preds, gold, False)
        matched_g = set(full.values())
        inv_loose = {j: i for i, j in loose.items()}
        for j, g in enumerate(gold):
            if j in matched_g or not g.subset:
                continue
            gs = f"gold [{g.gold_src_text}] {_snip(text, g.content)}"
            if j in inv_loose and inv_loose[j] not in full:
                p = preds[inv_loose[j]]
                kind = _classify(p, g, text)
                groups[kind].append(f"{gs}\n      pred spk=[{p.spk_text}]->{p.spk_name}"
                                    f"  ant={g.antecedent!r}")
                continue
            over = [p for p in preds if len(p.content & g.content) > 0]
            kind = "missed: boundary (a prediction overlaps)" if over else "missed: nothing"
            extra = f"\n      pred [{over[0].spk_text}] {_snip(text, over[0].content)}" if over \
                else ""
            groups[kind].append(gs + extra)
        for i, p in enumerate(preds):
            if i in full:
                continue
            if i in loose and gold[loose[i]].subset:
                continue  # counted above as a speaker error
            if i in loose:
                continue
            over = [g for g in gold if len(p.content & g.content) > 0]
            kind = ("fp: boundary (overlaps gold)" if over else "fp: no gold overlap")
            extra = f"\n      gold [{over[0].gold_src_text}] {_snip(text, over[0].content)}" \
                if over else ""
            groups[kind].append(f"pred [{p.spk_text}]->{p.spk_name} {_snip(text, p.content)}"
                                + extra)
    for kind, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"\n== {kind}: {len(items)}")
        for item in items[:n]:
            print("  - " + item)


def write_docs(args, table, n_arts: int, n_gold: int, n_sub: int) -> None:
    path: Path = args.write_docs
    cmd = (f"python bench/quotes_polnear.py PATH_TO_POLNEAR --split {args.split} "
           f"--entities {args.entities}" + (f" --limit {args.limit}" if args.limit else ""))
    rows = ["| view | ours P | ours R | ours F1 | textacy P | textacy R | textacy F1 | F1 ratio |",
            "|---|---|---|---|---|---|---|---|"]
    for name, (o, t) in table.items():
        ratio = f"{o[2] / t[2]:.1f}x" if t[2] else "n/a"
        rows.append(f"| {name} | " + " | ".join(f"{x:.3f}" for x in o + t) + f" | {ratio} |")
    block = (f"### split {args.split}, entities {args.entities} ({n_arts} articles, {n_gold} gold attributions, {n_sub} "
             f"reported speech), {dt.date.today().isoformat()}\n\n`{cmd}`\n\n" + "\n".join(rows))
    text = path.read_text(encoding="utf-8") if path.exists() else "# Quality\n"
    marker = f"### split {args.split}, entities {args.entities} "
    head = "## Quote attribution (PolNeAR)"
    if head not in text:
        text = text.rstrip() + f"\n\n{head}\n\n"
    start = text.index(head)
    nxt = text.find("\n## ", start + len(head))
    section = text[start : nxt if nxt >= 0 else len(text)]
    if marker in section:
        s = section.index(marker)
        e = section.find("\n### ", s + 1)
        section = section[:s] + block + ("\n" + section[e:] if e >= 0 else "\n")
    else:
        section = section.rstrip() + "\n\n" + block + "\n"
    text = text[:start] + section + (text[nxt:] if nxt >= 0 else "")
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
