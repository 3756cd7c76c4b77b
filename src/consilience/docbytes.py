"""A parsed spaCy Doc as bytes and back (spaCy's DocBin), so that an article's one parse can
travel with its Analysis (pickles, Dask, worker processes) without the pipeline: the strings go
with it, and a blank Vocab reads it back. Imports spaCy only when a Doc is actually converted."""

from __future__ import annotations

from typing import Any

# what the stages read from a kept parse: words, lemmas, tags, the dependency tree, entities
ATTRS = ["ORTH", "NORM", "LEMMA", "POS", "TAG", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE",
         "SENT_START", "SPACY", "MORPH"]


def doc_to_bytes(doc: Any) -> bytes:
    from spacy.tokens import DocBin

    db = DocBin(attrs=ATTRS, store_user_data=False)
    db.add(doc)
    return db.to_bytes()


def doc_from_bytes(data: bytes) -> Any:
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    return next(iter(DocBin().from_bytes(data).get_docs(Vocab())))
