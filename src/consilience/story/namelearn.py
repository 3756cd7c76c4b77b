"""Whether two person-name forms of one story name one person, learned across naming traditions.

A tradition-agnostic pair model (r20, docs/quality.md "r20-namelearn"): it reads two name forms
as written (a full name, initials and a surname, a surname alone, a name in another
romanisation or word order) and returns a calibrated probability that they name one person.
The features read only the two forms and a little story evidence, never a table of one
tradition: token counts, shared tokens, the best fuzzy alignment of the tokens in either order,
character n-grams of the folded forms, a loose romanisation key and a consonant skeleton of the
aligned tokens, whether one form's tokens are all inside the other's (initials standing for
words), a generational mark on one side only, a given name's gendered ending, and how many other
persons of the story share a token with either form. Gradient boosted trees trained
by `bench/train_name_learned.py` (ECB+ train person chains and the spent fresh sets' name items)
and stored in `data/name_learned.json`; its join bar was chosen out of fold for precision.

The resolver asks it (`ResolveOptions.name_learned`) about the person entities its rules left
apart, after every rule (`resolve._learned_joins`); with `ResolveOptions.name_learned_veto` it
also keeps apart two full names the rules would cluster when the model scores them below its
veto bar.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import jellyfish
from rapidfuzz import fuzz

from ..analysis.names import a_ending_split, ascii_fold, roman_key, translit_key
from ..lexicon.names import (
    GENERATION_MARKERS,
    GENERATION_MARKERS_BEFORE,
    KIN_GENERATION,
    KIN_WORDS,
    ORG_LAST_WORDS,
    ORG_NOUNS,
)
from ..lexicon.people import NAME_TITLES, ROLE_MODIFIERS, ROLE_WORDS
from ..lexicon.spelling import SPELLING_FOLDS, SPELLING_VOWELS
from .mentionctx import NO_CONTEXT, MentionContext, context_features
from .modelfile import read_model
from .nameforms import letter_fold, strip_stacked_honorifics, strip_title_words
from .resolve import given_related, norm_text, strip_honours

MODEL_PATH = Path(__file__).parent / "data" / "name_learned.json"
# round 25's model (`AlignParams.resolve_name_learned_r25`): FEATURES_R25, fresh sets 2..14
MODEL_PATH_R25 = Path(__file__).parent / "data" / "name_learned_r25.json"
# round 26's model (`AlignParams.resolve_name_learned_r26`): FEATURES_R26, fresh sets 2..15
MODEL_PATH_R26 = Path(__file__).parent / "data" / "name_learned_r26.json"

FEATURES: tuple[str, ...] = (
    "ntok_min", "ntok_max", "single", "both_single", "shared_frac", "contained",
    "align_mean", "align_min", "align_in_order", "unaligned_long", "mismatch_short",
    "char3", "char2", "char3_sorted", "ratio", "sort_ratio", "set_ratio",
    "last_ratio", "last_eq", "first_ratio", "first_initial_eq", "cross_ratio",
    "initials_short", "initials_ok", "roman_last_eq", "skeleton_last_eq", "skeleton_ratio",
    "gen_mark_diff", "gendered", "given_related", "same_article", "kin_diff", "role_diff",
    "role_same",
)
# round 25 (docs/quality.md "r25-spell"): spellings and romanisations across traditions, read
# through a spelling key (`spelling_key`: the letter groups of `lexicon.spelling`), its
# consonant frame, and phonetic codes (metaphone, NYSIIS); a token of one form that begins or
# ends a longer token of the other (a short form of a given name)
FEATURES_R25: tuple[str, ...] = FEATURES + (
    "sp_align_mean", "sp_align_min", "sp_last_ratio", "sp_first_ratio", "sp_ratio",
    "frame_ratio", "frame_last_eq", "meta_last_eq", "meta_ratio", "nysiis_first_eq",
    "affix_tok", "len_diff",
)
# round 26 (docs/quality.md "r26-spell"): what the text around the two persons' mentions says
# (`mention_context`): their stated ages (both stated, the gap, one stated), their role words
# (both written, how many shared, none shared), a kinship reading at either ("his son, X"), and
# the content words of the sentences around the mentions (an office, a place, a quoted phrase:
# Jaccard and count shared); -1 where a side has nothing written
FEATURES_R26: tuple[str, ...] = FEATURES_R25 + (
    "ctx_age_both", "ctx_age_gap", "ctx_age_one", "ctx_role_both", "ctx_role_shared",
    "ctx_role_disjoint", "ctx_kin", "ctx_jac", "ctx_shared",
)

# a form as the model reads it: (name tokens, generation mark, words around it: kinship nouns
# and office words)
Form = tuple[tuple[str, ...], str | None, frozenset[str]]
_KIN = KIN_WORDS | frozenset(KIN_GENERATION)

_DET = {"the", "a", "an", "this", "that", "his", "her", "my", "their", "our", "its"}
_SKIP = ROLE_WORDS | ROLE_MODIFIERS | NAME_TITLES | _DET
_RUN = re.compile(r"[^\W\d_][\w'.\-]*", re.UNICODE)
_VOWELS = re.compile(r"[aeiouy]")


def _runs(text: str) -> list[list[str]]:
    """Runs of capitalised words (lower-case particles allowed inside) of each comma- or
    bracket-separated part of a form."""
    out = []
    for part in re.split(r"[,;:()\[\]\"\u201c\u201d]", text):
        cur: list[str] = []
        for w in _RUN.findall(part):
            if w[:1].isupper() or (cur and len(w) <= 3 and w.islower()):
                cur.append(w)
            else:
                if cur:
                    out.append(cur)
                cur = []
        if cur:
            out.append(cur)
    return out


def name_form(text: str) -> tuple[list[str], str | None]:
    """(normalised name tokens, generation mark) of a person form as written: honorifics,
    titles, role words and post-nominal letters dropped, the longest run of capitalised words
    kept ("The branch manager, R. K. Vardan" -> ["r", "k", "vardan"]); a generational marker
    ("Jr.", "Filho", "the younger") is taken off and returned apart."""
    t = letter_fold(text.replace("\n", " "))
    t = strip_title_words(strip_stacked_honorifics(strip_honours(t)))
    best: list[str] = []
    for run in _runs(t):
        words = [w for w in norm_text(ascii_fold(" ".join(run))).split() if w]
        while words and words[0] in _SKIP:
            words = words[1:]
        while words and words[-1] in _SKIP | {"ji", "sahib", "san", "sama", "ips", "ias"}:
            words = words[:-1]
        if len(words) > len(best):
            best = words
    gen = None
    for n in (2, 1):
        if len(best) > n and " ".join(best[-n:]) in GENERATION_MARKERS:
            gen = GENERATION_MARKERS[" ".join(best[-n:])]
            best = best[:-n]
            break
    while best and best[-1] in _SKIP:
        best = best[:-1]
    if gen is None and any(w in GENERATION_MARKERS for w in best[1:]):  # "X Jr. y Santos"
        gen = next(GENERATION_MARKERS[w] for w in best[1:] if w in GENERATION_MARKERS)
    best = best[:1] + [w for w in best[1:] if w not in GENERATION_MARKERS]
    return best[:6], gen


def form_words(text: str) -> frozenset[str]:
    """The kinship nouns (`KIN_WORDS`, `KIN_GENERATION`; as "kin") and office words
    (`ROLE_WORDS`) written in a form beside the name, and a generation word before it
    (`GENERATION_MARKERS_BEFORE`, as "gen:" + its mark)."""
    words = norm_text(ascii_fold(text)).split()
    out = {w for w in words if w in ROLE_WORDS}
    if any(w in _KIN for w in words):
        out.add("kin")
    for i, w in enumerate(words):
        if w in GENERATION_MARKERS_BEFORE and i + 1 < len(words):
            out.add("gen:" + GENERATION_MARKERS_BEFORE[w])
        elif w in GENERATION_MARKERS and i > 0:  # "X Jr. y Santos", "X (senior)"
            out.add("gen:" + GENERATION_MARKERS[w])
    return frozenset(out)


def read_form(text: str, extra: frozenset[str] = frozenset()) -> Form:
    """A form as written read for the model: `name_form` and `form_words` (plus `extra`
    words known about it, as `form_words` gives them)."""
    toks, gen = name_form(text)
    words = form_words(text) | extra
    if gen is None:
        gen = next((w[4:] for w in sorted(words) if w.startswith("gen:")), None)
    return tuple(toks), gen, frozenset(w for w in words if not w.startswith("gen:"))


def is_org_form(tokens: list[str]) -> bool:
    """A form whose words make it an organisation's name (for the training pairs)."""
    return any(t in ORG_NOUNS or t in ORG_LAST_WORDS for t in tokens)


def _skeleton(tok: str) -> str:
    k = roman_key(tok)
    return k[:1] + _VOWELS.sub("", k[1:]) if k else ""


def _grams(s: str, n: int) -> set[str]:
    s = f"#{s}#"
    return {s[i:i + n] for i in range(max(len(s) - n + 1, 1))}


def _jac(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _tok_sim(x: str, y: str) -> float:
    """Similarity of two tokens: an initial against a word it begins is 0.9."""
    if len(x) == 1 or len(y) == 1:
        return 0.9 if x[:1] == y[:1] else 0.0
    return max(fuzz.ratio(translit_key(x), translit_key(y)),
               fuzz.ratio(roman_key(x), roman_key(y))) / 100


def spelling_key(token: str) -> str:
    """A token folded by `lexicon.spelling.SPELLING_FOLDS` (after diacritics are dropped),
    doubled letters collapsed: "Dzhaparidze"/"Japaridze", "Grigoryan"/"Grigorian",
    "Goikoetxea"/"Goicoechea" come close or meet."""
    t = "".join(c for c in ascii_fold(token) if c.isalpha())
    for a, b in SPELLING_FOLDS:
        t = t.replace(a, b)
    t = re.sub(r"(.)\1+", r"\1", t)
    return re.sub(r"h$", "", t) or t


def _frame(token: str) -> str:
    """The spelling key's consonant frame: its first letter and its consonants."""
    k = spelling_key(token)
    return k[:1] + "".join(c for c in k[1:] if c not in SPELLING_VOWELS) if k else ""


def _sp_sim(x: str, y: str) -> float:
    if len(x) == 1 or len(y) == 1:
        return 0.9 if x[:1] == y[:1] else 0.0
    return max(_tok_sim(x, y), fuzz.ratio(spelling_key(x), spelling_key(y)) / 100)


def _affix(x: str, y: str) -> bool:
    """One token of at least 3 letters begins or ends a longer one ("Fano"/"Fanomezantsoa",
    "Nonso"/"Chinonso")."""
    a, b = sorted((spelling_key(x), spelling_key(y)), key=len)
    return len(a) >= 3 and len(b) > len(a) and (b.startswith(a) or b.endswith(a))


def _meta(t: str) -> str:
    return jellyfish.metaphone(ascii_fold(t)) if t else ""


@lru_cache(maxsize=65536)
def _features_r25(a: Form, b: Form) -> tuple[float, ...]:
    ta, tb = a[0], b[0]
    if not ta or not tb:
        return (0.0,) * (len(FEATURES_R25) - len(FEATURES))
    short, long_ = sorted((list(ta), list(tb)), key=lambda t: (len(t), t))
    sims = sorted(((_sp_sim(x, y), i, j) for i, x in enumerate(short)
                   for j, y in enumerate(long_)), reverse=True)
    used_i: set[int] = set()
    used_j: set[int] = set()
    best = [0.0] * len(short)
    for s, i, j in sims:
        if i in used_i or j in used_j:
            continue
        used_i.add(i)
        used_j.add(j)
        best[i] = s
    full = len(ta) > 1 and len(tb) > 1
    ka = "".join(sorted(spelling_key(t) for t in ta if len(t) > 1))
    kb = "".join(sorted(spelling_key(t) for t in tb if len(t) > 1))
    fa = "".join(sorted(_frame(t) for t in ta if len(t) > 1))
    fb = "".join(sorted(_frame(t) for t in tb if len(t) > 1))
    ma = " ".join(sorted(_meta(t) for t in ta if len(t) > 1))
    mb = " ".join(sorted(_meta(t) for t in tb if len(t) > 1))
    long_a = [t for t in ta if len(t) > 1]
    long_b = [t for t in tb if len(t) > 1]
    nys = float(full and len(ta[0]) > 1 and len(tb[0]) > 1
                and jellyfish.nysiis(ascii_fold(ta[0])) == jellyfish.nysiis(ascii_fold(tb[0])))
    return (
        sum(best) / len(best), min(best),
        _sp_sim(ta[-1], tb[-1]),
        _sp_sim(ta[0], tb[0]) if full else 0.0,
        fuzz.ratio(ka, kb) / 100 if ka and kb else 0.0,
        fuzz.ratio(fa, fb) / 100 if fa and fb else 0.0,
        float(len(ta[-1]) > 1 and _frame(ta[-1]) == _frame(tb[-1])),
        float(len(ta[-1]) > 1 and len(tb[-1]) > 1 and _meta(ta[-1]) == _meta(tb[-1])),
        fuzz.ratio(ma, mb) / 100 if ma and mb else 0.0,
        nys,
        float(any(_affix(x, y) for x in long_a for y in long_b)),
        float(min(abs(len(ka) - len(kb)), 10)),
    )


@dataclass(frozen=True)
class Context:
    """Story evidence around a pair: the two forms come from one article; (round 26) what the
    text around each side's mentions says."""

    same_article: bool = False
    ca: MentionContext = NO_CONTEXT
    cb: MentionContext = NO_CONTEXT


@lru_cache(maxsize=65536)
def _features(a: Form, b: Form, same_article: bool) -> tuple[float, ...]:
    (ta, ga, wa), (tb, gb, wb) = a, b
    if not ta or not tb:
        return (0.0,) * len(FEATURES)
    short, long_ = sorted((list(ta), list(tb)), key=lambda t: (len(t), t))
    # best one-to-one alignment of the short form's tokens, greedily by similarity
    sims = sorted(((_tok_sim(x, y), i, j) for i, x in enumerate(short) for j, y in enumerate(long_)),
                  reverse=True)
    used_i: set[int] = set()
    used_j: set[int] = set()
    match: dict[int, tuple[int, float]] = {}
    for s, i, j in sims:
        if i in used_i or j in used_j:
            continue
        used_i.add(i)
        used_j.add(j)
        match[i] = (j, s)
    best = [match.get(i, (0, 0.0))[1] for i in range(len(short))]
    order = [match[i][0] for i in sorted(match)]
    in_order = float(order == sorted(order))
    exact = {translit_key(t) for t in short} & {translit_key(t) for t in long_}
    shared = len(exact) / len(set(short))
    contained = float(all(s >= 0.85 for s in best))
    unaligned = min(len(long_) - len(match), 3)
    mismatch = min(sum(1 for s in best if s < 0.6), 3)
    fa, fb = "".join(translit_key(t) for t in ta), "".join(translit_key(t) for t in tb)
    sa, sb = "".join(sorted(translit_key(t) for t in ta)), "".join(sorted(translit_key(t)
                                                                         for t in tb))
    la, lb = ta[-1], tb[-1]
    last_ratio = _tok_sim(la, lb)
    first_ratio = _tok_sim(ta[0], tb[0]) if len(ta) > 1 and len(tb) > 1 else 0.0
    first_init = float(len(ta) > 1 and len(tb) > 1 and ta[0][:1] == tb[0][:1])
    cross = max(_tok_sim(ta[0], tb[-1]), _tok_sim(ta[-1], tb[0])) if len(ta) > 1 and len(
        tb) > 1 else 0.0
    inits_short = float(any(len(t) == 1 for t in short))
    inits_ok = 1.0
    for i, t in enumerate(short):
        if len(t) == 1 and match.get(i, (0, 0.0))[1] < 0.85:
            inits_ok = 0.0
    ska = [_skeleton(t) for t in ta if len(t) > 1]
    skb = [_skeleton(t) for t in tb if len(t) > 1]
    sk_ratio = fuzz.ratio("".join(sorted(ska)), "".join(sorted(skb))) / 100 if ska and skb \
        else 0.0
    gen_diff = float(ga != gb)
    g1, g2 = ta[0], tb[0]
    full = len(ta) > 1 and len(tb) > 1 and len(g1) > 1 and len(g2) > 1
    gendered = float(full and a_ending_split(translit_key(g1), translit_key(g2)))
    grel = float(full and given_related(g1, g2))
    return (
        float(min(len(short), 4)), float(min(len(long_), 4)), float(len(short) == 1),
        float(len(short) == len(long_) == 1), shared, contained,
        sum(best) / len(best), min(best), in_order, float(unaligned), float(mismatch),
        _jac(_grams(fa, 3), _grams(fb, 3)), _jac(_grams(fa, 2), _grams(fb, 2)),
        _jac(_grams(sa, 3), _grams(sb, 3)),
        fuzz.ratio(fa, fb) / 100, fuzz.token_sort_ratio(" ".join(ta), " ".join(tb)) / 100,
        fuzz.token_set_ratio(" ".join(ta), " ".join(tb)) / 100,
        last_ratio, float(translit_key(la) == translit_key(lb)), first_ratio, first_init, cross,
        inits_short, inits_ok, float(roman_key(la) == roman_key(lb)),
        float(_skeleton(la) == _skeleton(lb)), sk_ratio,
        gen_diff, gendered, grel, float(same_article),
        float(("kin" in wa) != ("kin" in wb)),
        float(bool(ra := wa - {"kin"}) and bool(rb := wb - {"kin"}) and not ra & rb),
        float(bool(wa & wb - {"kin"})),
    )


def features(a: str, b: str, ctx: Context = Context()) -> list[float]:
    """FEATURES of two person forms as written (symmetric in a and b)."""
    return form_features(read_form(a), read_form(b), ctx)


def form_features(a: Form, b: Form, ctx: Context = Context(),
                  r25: bool = False, r26: bool = False) -> list[float]:
    """FEATURES (with `r25`, FEATURES_R25; with `r26`, FEATURES_R26: `ctx.ca` and `ctx.cb` are
    the contexts of `a` and `b`) of two forms already read by `read_form`."""
    fa, fb = sorted((a, b), key=lambda f: (f[0], f[1] or "", sorted(f[2])))
    out = list(_features(fa, fb, ctx.same_article))
    if r25 or r26:
        out += list(_features_r25(fa, fb))
    if r26:
        out += list(context_features(ctx.ca, ctx.cb))
    return out


@dataclass(frozen=True)
class _Tree:
    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]

    def leaf(self, x: list[float]) -> float:
        n = 0
        while self.left[n] >= 0:
            n = self.left[n] if x[self.feature[n]] <= self.threshold[n] else self.right[n]
        return self.value[n]


@dataclass(frozen=True)
class LearnedModel:
    """Gradient boosted trees over FEATURES: log-odds `init` plus `rate` times each tree's
    leaf; `threshold` joins, `veto` keeps apart."""

    init: float
    rate: float
    trees: tuple[_Tree, ...]
    threshold: float
    veto: float
    r25: bool = False  # reads FEATURES_R25
    r26: bool = False  # reads FEATURES_R26 (the pair's mention contexts)

    def prob(self, feats: list[float]) -> float:
        z = self.init + self.rate * sum(t.leaf(feats) for t in self.trees)
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))


def model_from_dict(data: dict) -> LearnedModel:
    """A LearnedModel from the JSON object `bench/train_name_learned.py` writes."""
    trees = tuple(_Tree(tuple(t["feature"]), tuple(t["threshold"]), tuple(t["left"]),
                        tuple(t["right"]), tuple(t["value"])) for t in data["trees"])
    return LearnedModel(float(data["init"]), float(data["rate"]), trees,
                        float(data["threshold"]), float(data["veto"]),
                        tuple(data.get("features", FEATURES)) == FEATURES_R25,
                        tuple(data.get("features", FEATURES)) == FEATURES_R26)


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> LearnedModel:
    """The packaged model (or the JSON at `path`); its features must match FEATURES (the
    round 25 file's, FEATURES_R25)."""
    p = Path(path) if path else MODEL_PATH
    data = json.loads(p.read_text(encoding="utf-8"))
    have = tuple(data.get("features", ()))
    want = have if have in (FEATURES_R25, FEATURES_R26) else FEATURES
    return model_from_dict(read_model(p, want, "learned name-pair",
                                      "bench/train_name_learned.py"))


@dataclass(frozen=True)
class LearnedScorer:
    """The model as the resolver asks it: `prob` of two forms (`name_form` output) in context;
    `threshold` joins, `veto` keeps two rule-compatible full names apart."""

    model: LearnedModel

    @property
    def threshold(self) -> float:
        return self.model.threshold

    @property
    def veto(self) -> float:
        return self.model.veto

    @staticmethod
    def form(text: str, words: frozenset[str] = frozenset()) -> Form:
        """`read_form` of a form as written (`words`: its entity's stated roles' words)."""
        return read_form(text, words & (ROLE_WORDS | _KIN))

    @property
    def contextual(self) -> bool:
        """The model reads the mentions' contexts (round 26)."""
        return self.model.r26

    def pair(self, a: Form, b: Form, same_article: bool, ca: MentionContext = NO_CONTEXT,
             cb: MentionContext = NO_CONTEXT) -> float:
        """The probability for two forms read by `form` (written in one article or two; `ca`,
        `cb`: their persons' mention contexts, read by a round 26 model only)."""
        return self.model.prob(form_features(a, b, Context(same_article, ca, cb),
                                             self.model.r25, self.model.r26))


def learned_scorer(threshold: float | None = None, path: str | None = None) -> LearnedScorer:
    """The packaged model (or the one at `path`) as the resolver asks it (its own join bar
    unless one is given)."""
    model = load_model(path)
    return LearnedScorer(model if threshold is None else replace(model, threshold=threshold))


def same_person_prob(a: str, b: str, ctx: Context = Context()) -> float:
    """The packaged model's probability that two forms of one story name one person."""
    model = load_model()
    return model.prob(form_features(read_form(a), read_form(b), ctx, model.r25, model.r26))


@dataclass(frozen=True)
class EitherScorer:
    """Two learned models asked as one (round 26, `AlignParams.resolve_name_learned_r26_either`):
    a pair passes when either model scores it at its own bar. `pair` returns the first model's
    probability or the second's shifted onto the first's bar (p2 - bar2 + bar1), whichever is
    higher, so the resolver's bar and mutual-best test read one scale."""

    first: LearnedScorer
    second: LearnedScorer

    @property
    def threshold(self) -> float:
        return self.first.threshold

    @property
    def veto(self) -> float:
        return self.first.veto

    @property
    def contextual(self) -> bool:
        return self.first.contextual or self.second.contextual

    @staticmethod
    def form(text: str, words: frozenset[str] = frozenset()) -> Form:
        return LearnedScorer.form(text, words)

    def pair(self, a: Form, b: Form, same_article: bool, ca: MentionContext = NO_CONTEXT,
             cb: MentionContext = NO_CONTEXT) -> float:
        """The higher of the two models' scores on the first model's scale."""
        return max(self.first.pair(a, b, same_article, ca, cb),
                   self.second.pair(a, b, same_article, ca, cb) - self.second.threshold
                   + self.first.threshold)
