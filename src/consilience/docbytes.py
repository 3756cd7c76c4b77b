"""A parsed spaCy Doc as bytes and back (spaCy's DocBin), so that an article's one parse can
travel with its Analysis (pickles, Dask, worker processes) without the pipeline. The bytes name
the parse's language, and it is read back into that language's vocabulary, so the word forms
computed from the lexicon (lower_, shape_, is_stop, like_num, noun_chunks) are the live ones.
Imports spaCy only when a Doc is actually converted."""

from __future__ import annotations

from typing import Any

# what the stages read from a kept parse: words, lemmas, tags, the dependency tree, entities
# (the lexical attributes, lower_ to is_stop, come from the language's vocabulary instead)
ATTRS = ["ORTH", "NORM", "LEMMA", "POS", "TAG", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE",
         "SENT_START", "SPACY", "MORPH"]

# b"consilience-doc/1 <lang>\n" + DocBin bytes; bytes without it are read as English
_MAGIC = b"consilience-doc/1 "
_LEGACY_LANG = "en"


def doc_to_bytes(doc: Any) -> bytes:
    from spacy.tokens import DocBin

    db = DocBin(attrs=ATTRS, store_user_data=False)
    db.add(doc)
    return _MAGIC + (doc.vocab.lang or "").encode("ascii") + b"\n" + db.to_bytes()


def doc_from_bytes(data: bytes) -> Any:
    from spacy.tokens import DocBin

    lang = _LEGACY_LANG
    if data.startswith(_MAGIC):
        head, _, data = data.partition(b"\n")
        lang = head[len(_MAGIC):].decode("ascii")
    return next(iter(DocBin().from_bytes(data).get_docs(language_vocab(lang))))


# one vocabulary per language and process, as a loaded pipeline keeps one: a word's lexical
# attributes are computed once, not once per restored Doc (that doubled the unpickling time)
_VOCABS: dict[str, Any] = {}
# a fresh one past this many strings, so a long-running process does not grow without end
# (Docs restored before keep the old one alive as long as they live)
MAX_STRINGS = 500_000


def language_vocab(lang: str) -> Any:
    """The Vocab restored parses of language `lang` share: the lexical attribute getters, stop
    words and noun-chunk iterator of spaCy's language (what a loaded pipeline of that language
    computes), or a bare Vocab when spaCy does not know the language."""
    vocab = _VOCABS.get(lang)
    if vocab is None or len(vocab.strings) > MAX_STRINGS:
        vocab = _VOCABS[lang] = _new_vocab(lang)
    return vocab


def _new_vocab(lang: str) -> Any:
    from spacy.util import get_lang_class
    from spacy.vocab import Vocab, create_vocab

    if not lang:
        return Vocab()
    try:
        defaults = get_lang_class(lang).Defaults
    except (ImportError, KeyError, ValueError):  # spaCy's E048: no such language
        return Vocab()
    return create_vocab(lang, defaults)
