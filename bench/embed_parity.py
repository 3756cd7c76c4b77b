"""Do reports change when the default embedder runs as ONNX instead of sentence-transformers?

    python bench/embed_parity.py                    # bundled events + ../shared/seeds/*.txt
    python bench/embed_parity.py --pair a.txt b.txt

Compares each input set twice in one process, with one spaCy pipeline and the two embedders,
and prints per set whether the JSON reports are byte-identical, plus the lowest cosine between
the two embedders' vectors of the set's sentences.
"""

from __future__ import annotations

import argparse
import glob
import json


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pair", nargs="*", default=sorted(glob.glob("../shared/seeds/*.txt")),
                    help="extra article files compared together (default: ../shared/seeds/*.txt)")
    args = ap.parse_args()

    from consilience import api
    from consilience.cli.compare import _demo_inputs, example_events
    from consilience.render import render_report
    from consilience.resources import Models, load_embedder, load_sentence_transformer

    onnx = Models()
    torch_models = Models()
    torch_models._nlp = onnx.nlp
    torch_models._embedder = load_sentence_transformer()
    onnx._embedder = load_embedder()
    assert type(onnx.embedder).__name__ == "OnnxSentenceEmbedder", type(onnx.embedder)

    sets = [(name, _demo_inputs(name, folder)) for name, folder in example_events()]
    if args.pair:
        sets.append(("seeds" if "seeds" in args.pair[0] else "pair", list(args.pair)))
    print("| input | articles | facts | same JSON | lowest sentence cosine |")
    print("|---|---|---|---|---|")
    all_same = True
    for name, inputs in sets:
        a = api.compare(inputs, models=onnx)
        b = api.compare(inputs, models=torch_models)
        ja, jb = render_report(a, "json"), render_report(b, "json")
        same = ja == jb
        all_same &= same
        analyses = api.analyze(inputs, models=onnx).analyses
        sents = [an.article.text[s.start : s.end] for an in analyses for s in an.sentences][:400]
        va = onnx.embed(sents)
        vb = torch_models.embed(sents)
        cos = float((va * vb).sum(axis=1).min()) if len(sents) else float("nan")
        facts = len(json.loads(ja).get("facts", []))
        print(f"| {name} | {len(a.articles)} | {facts} | {'yes' if same else 'NO'} | "
              f"{cos:.7f} |")
    print("\nall reports identical" if all_same else "\nSOME REPORTS DIFFER")


if __name__ == "__main__":
    main()
