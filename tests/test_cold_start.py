"""A cold start loads only what the command needs: help, version and usage errors load no
model library; the default embedder runs without torch/transformers; spaCy loads without torch
and without components no stage reads."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.e2e  # fresh interpreter per check

HEAVY = ("spacy", "thinc", "torch", "transformers", "sentence_transformers", "onnxruntime",
         "numpy", "fastapi", "uvicorn")

RUN_CLI = """
import sys
from consilience.cli import app
code = 0
try:
    app(sys.argv[1:], prog_name="consilience")
except SystemExit as exc:
    code = exc.code
print("LOADED", ",".join(m for m in {heavy!r} if m in sys.modules), file=sys.stderr)
print("EXIT", code, file=sys.stderr)
"""


def _run(code: str, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          timeout=300, env=env)


@pytest.mark.parametrize("args", [
    ["--help"], ["--version"], ["compare", "--help"], ["compare"], ["analyze", "--bogus"],
    ["compare", "--format", "docx", "a.txt"], ["ingest"], ["stories", "--format", "xml"],
    ["report", "not-a-story"],
])
def test_help_version_and_usage_errors_load_no_model_library(args):
    proc = _run(RUN_CLI.format(heavy=HEAVY), *args)
    lines = dict(line.split(" ", 1) for line in proc.stderr.splitlines()
                 if line.startswith(("LOADED ", "EXIT ")))
    assert lines.get("LOADED", "missing") == "", proc.stderr
    assert lines["EXIT"] in ("0", "1", "2"), proc.stderr


def test_default_embedder_runs_without_torch(tmp_path):
    code = (
        "import sys\n"
        "from consilience.resources import load_embedder\n"
        "v = load_embedder().encode(['The ferry ran aground.', 'A fire broke out.'])\n"
        "print(v.shape)\n"
        "print([m for m in ('torch', 'transformers', 'sentence_transformers') "
        "if m in sys.modules])\n"
    )
    import os

    env = {**os.environ, "CONSILIENCE_CACHE_DIR": str(tmp_path)}
    proc = _run(code, env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split("\n")[:2] == ["(2, 384)", "[]"], proc.stdout


def test_spacy_loads_without_torch_and_unused_components():
    code = (
        "import sys\n"
        "from consilience.resources import load_nlp\n"
        "nlp = load_nlp()\n"
        "doc = nlp('Mayor Ann Lee opened the bridge in Tessingford on Monday.')\n"
        "print(','.join(nlp.pipe_names))\n"
        "print('torch' in sys.modules)\n"
        "print(doc[3].lemma_, doc[3].pos_, doc[3].dep_, bool(doc.ents))\n"
    )
    proc = _run(code)
    assert proc.returncode == 0, proc.stderr
    pipes, torch_loaded, sample = proc.stdout.strip().split("\n")[:3]
    assert "senter" not in pipes.split(",")
    assert {"tagger", "parser", "attribute_ruler", "lemmatizer", "ner"} <= set(pipes.split(","))
    assert torch_loaded == "False"
    assert sample == "open VERB ROOT True"  # lemmatizer, tagger/attribute_ruler, parser, ner
