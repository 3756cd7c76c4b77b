"""bench/examples_eval.py keeps seed phrase pairs as anchors (file, start, end, digest), never as
text: an anchor reads its phrase back from the file, and a changed file is refused by name."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import examples_eval  # noqa: E402

# fictional report: a title line, an outlet line, then the body
STORY = (
    "Harbour Crane Falls in Kessby\n"
    "The Kessby Courier\n"
    "KESSBY - A loading crane toppled onto the east quay on Friday, the port authority said.\n"
    "Nobody was hurt, a spokeswoman for the port said.\n"
)


def test_seed_pairs_hold_only_file_names_offsets_and_digests():
    for a, b, want in examples_eval.SEED_PAIRS:
        assert isinstance(want, bool)
        for name, start, end, digest in (a, b):
            assert re.fullmatch(r"\d{3}_[0-9a-f]{16}\.txt", name)
            assert 0 <= start < end
            assert re.fullmatch(r"[0-9a-f]{12}", digest)


def test_anchor_reads_its_phrase_back_and_finds_it_in_the_body(tmp_path):
    path = tmp_path / "000_0123456789abcdef.txt"
    path.write_text(STORY, encoding="utf-8")
    anchor = examples_eval.make_anchor(path, "a  Loading crane toppled")
    assert anchor[0] == path.name
    phrase = examples_eval.anchored_text(tmp_path, anchor)
    assert phrase == "A loading crane toppled"
    # the file offset is not the body offset (the title and outlet lines come first)
    body = STORY.split("\n", 2)[2]
    assert examples_eval.locate(body, phrase) == (9, 9 + len(phrase))
    assert anchor[1] != 9


def test_changed_seed_file_is_refused_with_its_name(tmp_path):
    path = tmp_path / "000_0123456789abcdef.txt"
    path.write_text(STORY, encoding="utf-8")
    anchor = examples_eval.make_anchor(path, "toppled onto the east quay")
    path.write_text(STORY.replace("east", "west"), encoding="utf-8")
    with pytest.raises(examples_eval.SeedAnchorError, match=path.name):
        examples_eval.anchored_text(tmp_path, anchor)
    with pytest.raises(examples_eval.SeedAnchorError, match="cannot read"):
        examples_eval.anchored_text(tmp_path, ("001_0123456789abcdef.txt", 0, 4, "0" * 12))


def test_ambiguous_or_missing_phrase_gets_no_anchor(tmp_path):
    path = tmp_path / "000_0123456789abcdef.txt"
    path.write_text(STORY, encoding="utf-8")
    with pytest.raises(ValueError, match="more than once"):
        examples_eval.make_anchor(path, "the port")
    with pytest.raises(ValueError, match="not found"):
        examples_eval.make_anchor(path, "a ferry sank")
