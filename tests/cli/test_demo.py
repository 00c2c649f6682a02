"""`egov-bsc demo`: a newcomer's first command makes the workbook and both decks, and can be re-run."""

import json

from pptx import Presentation

from ..cli_run import egov_bsc as run


def test_demo_makes_workbook_and_decks_and_reruns_cleanly(tmp_path):
    folder = tmp_path / "demo"
    out = run("demo", folder)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    made = sorted(p.name for p in folder.iterdir())
    assert made == [
        "egov-bsc-demo-leadership-2026-Q3.pptx",
        "egov-bsc-demo-public-2026-Q3.pptx",
        "egov-bsc-demo.xlsm",
        "pemda",  # the Pemda family (SPEC 9): a parent and three units
    ]
    assert sorted(p.name for p in (folder / "pemda").iterdir()) == [
        "pemda-sukamaju.xlsm",
        "unit-bappeda.xlsm",
        "unit-dinkes.xlsm",
        "unit-diskominfo.xlsm",
    ]
    assert "egov-bsc-demo.xlsm" in out.stdout and "0 kesalahan" in out.stdout

    score = json.loads(run("score", folder / "egov-bsc-demo.xlsm", "--json").stdout)
    deck = Presentation(str(folder / "egov-bsc-demo-leadership-2026-Q3.pptx"))
    assert len(deck.slides) >= 10
    assert score["period"] == "2026-Q3"

    mine = folder / "catatan-saya.txt"
    mine.write_text("jangan dihapus")
    again = run("demo", folder)
    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in folder.iterdir()) == sorted([*made, "catatan-saya.txt"])
    assert mine.read_text() == "jangan dihapus"


def test_demo_into_a_file_path_is_refused(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    out = run("demo", blocker)
    assert out.returncode == 2 and "bukan folder" in out.stderr and "Traceback" not in out.stderr
