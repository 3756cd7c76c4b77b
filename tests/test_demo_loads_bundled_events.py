"""cli demo: bundled events load through examples.load_event (file-stem ids, outlet and date from
answers.json); any other folder is passed on as a path."""

from __future__ import annotations

import consilience.cli.compare as cli
from consilience.examples import event_dir


def test_bundled_event_loads_with_file_stem_ids_and_outlets():
    arts = cli._demo_inputs("skarn-ferry", event_dir("skarn-ferry"))
    assert sorted(a.id for a in arts) == ["alder-gazette", "coastal-herald", "kallio-dagblad",
                                          "meridian-wire", "nma-press-release"]
    by_id = {a.id: a for a in arts}
    assert by_id["meridian-wire"].source == "Meridian Wire"
    assert by_id["meridian-wire"].published is not None


def test_other_folder_is_passed_as_a_path(tmp_path):
    assert cli._demo_inputs("ferry", tmp_path) == [str(tmp_path)]
