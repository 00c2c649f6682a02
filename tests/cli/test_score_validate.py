"""`egov-bsc validate` and `egov-bsc score`: JSON shapes, exit codes, unusable input, untouched files."""

import hashlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from ..books import sample_book, sample_tables, write_book
from ..cli_run import egov_bsc


def run(*args):
    return egov_bsc(*args, env={"COLUMNS": "160"})


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_score_json_has_the_shape_of_spec_5(tmp_path):
    book = sample_book(tmp_path)
    before = digest(book)
    out = run("score", book, "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert list(data) == ["period", "overall", "perspectives", "objectives", "kpis", "initiatives"]
    assert data["period"] == "2026-Q2"
    assert set(data["overall"]) == {"score", "band", "coverage"}
    assert set(data["perspectives"][0]) == {"id", "name", "weight", "score", "band", "coverage"}
    assert set(data["objectives"][0]) == {
        "id",
        "perspective_id",
        "score",
        "band",
        "coverage",
        *("budget", "spent", "absorption"),  # SPEC 8
    }
    assert set(data["kpis"][0]) == {
        "id",
        "objective_id",
        "perspective_id",
        "target",
        "target_upper",
        "actual",
        "achievement_raw",
        "achievement",
        "band",
        "needs_attention",
        # SPEC 8
        *("kpi_type", "annual_target", "achievement_annual", "last_year_actual"),
        *("last_year_achievement", "change", "plan_target", "achievement_plan"),
        *("national_target", "achievement_national"),
        *("analysis", "action", "action_owner", "action_due"),
    }
    assert all(
        k["needs_attention"] is (k["achievement"] is not None and k["achievement"] < 1.0)
        for k in data["kpis"]
    )
    assert set(data["initiatives"][0]) == {
        "id",
        "progress",
        "planned_progress",
        "budget_absorption",
        "behind_schedule",
    }
    k5 = next(k for k in data["kpis"] if k["id"] == "K5")
    assert k5["achievement"] is None and k5["band"] == "Belum ada data"
    assert sum(p["weight"] for p in data["perspectives"]) == pytest.approx(1.0)
    assert digest(book) == before


def test_score_period_option_and_human_table(tmp_path):
    book = sample_book(tmp_path)
    data = json.loads(run("score", book, "--period", "TW I 2026", "--json").stdout)
    assert data["period"] == "2026-Q1"
    human = run("score", book)
    assert human.returncode == 0
    assert "Skor keseluruhan TW II 2026" in human.stdout and "Pelanggan" in human.stdout


def test_validate_json_and_exit_codes(tmp_path):
    clean = sample_book(tmp_path)
    out = run("validate", clean, "--json")
    assert out.returncode == 0 and json.loads(out.stdout) == {
        "errors": 0,
        "warnings": 0,
        "issues": [],
    }
    tables = sample_tables()
    tables["tblKpis"][1][0][4] = "Naik"  # alias of maximize: fine
    tables["tblKpis"][1][1][4] = "Naik-turun"  # E022
    tables["tblMeasurements"][1][0][4] = "78,5"  # W030
    bad = write_book(tmp_path / "bad.xlsx", tables)
    before = digest(bad)
    out = run("validate", bad, "--json")
    assert out.returncode == 1
    data = json.loads(out.stdout)
    assert (data["errors"], data["warnings"]) == (1, 1)
    assert set(data["issues"][0]) == {
        "code",
        "severity",
        "sheet",
        "cell",
        "field",
        "value",
        "message",
        "hint",
    }
    assert data["issues"][0]["code"] == "E022" and data["issues"][0]["cell"] == "E3"
    human = run("validate", bad)
    assert human.returncode == 1 and "E022" in human.stdout and "IKU!E3" in human.stdout
    assert run("score", bad, "--json").returncode == 1
    assert digest(bad) == before


def _unusable(tmp_path):
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    noise = tmp_path / "noise.xlsx"
    noise.write_bytes(os.urandom(4096))
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(sample_book(tmp_path).read_bytes()[:3000])
    foreign = tmp_path / "foreign.xlsx"
    with zipfile.ZipFile(foreign, "w") as zf:
        zf.writestr("readme.txt", "not a workbook")
    plain = tmp_path / "plain.xlsx"
    wb = Workbook()
    wb.active["A1"] = "hello"
    wb.save(plain)
    partial = write_book(tmp_path / "partial.xlsx", {"tblProfile": sample_tables()["tblProfile"]})
    return {
        "missing": tmp_path / "nope.xlsx",
        "empty": empty,
        "noise": noise,
        "broken": broken,
        "foreign": foreign,
        "no tables": plain,
        "partial": partial,
        "folder": tmp_path,
    }


@pytest.mark.parametrize("command", ["validate", "score"])
def test_unusable_input_exits_2_with_one_sentence(tmp_path, command):
    for kind, path in _unusable(tmp_path).items():
        before = digest(path) if path.is_file() else None
        out = run(command, path, "--json")
        assert out.returncode == 2, (kind, out.stdout, out.stderr)
        assert "Traceback" not in out.stderr and out.stdout == ""
        assert out.stderr.strip().count("\n") == 0, (kind, out.stderr)
        assert str(path.name) in out.stderr or kind == "folder" or "egov-bsc" in out.stderr, (
            kind,
            out.stderr,
        )
        if before:
            assert digest(path) == before


def test_bad_period_is_a_usage_error(tmp_path):
    out = run("score", sample_book(tmp_path), "--period", "Kuartal 9")
    assert out.returncode == 2 and "Kuartal 9" in out.stderr and "Traceback" not in out.stderr


def test_unknown_option_is_a_usage_error(tmp_path):
    out = run("score", sample_book(tmp_path), "--bogus")
    assert out.returncode == 2 and "Traceback" not in out.stderr


def test_the_installed_console_script_scores_like_the_in_process_runs(tmp_path):
    """The one run of the installed `egov-bsc` script here: the entry point, exit code and JSON."""
    book = sample_book(tmp_path)
    script = Path(sys.executable).with_name("egov-bsc")
    done = subprocess.run(
        [str(script), "score", str(book), "--json"],
        capture_output=True,
        text=True,
        env=dict(os.environ, COLUMNS="160"),
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == json.loads(run("score", book, "--json").stdout)
    bad = subprocess.run(
        [str(script), "score", str(tmp_path / "tidak-ada.xlsx")], capture_output=True, text=True
    )
    assert bad.returncode == 2 and "tidak-ada.xlsx" in bad.stderr and "Traceback" not in bad.stderr


def test_the_command_collects_garbage_less_often_and_gives_the_setting_back(tmp_path, monkeypatch):
    # garbage.FIRST_GENERATION while a command runs; the caller's setting afterwards (tests and any
    # Python that calls main() keep theirs)
    import gc

    from egov_bsc_xl import cli, garbage

    seen = []
    real = cli.app

    def app(**kwargs):
        seen.append(gc.get_threshold()[0])
        return real(**kwargs)

    monkeypatch.setattr(cli, "app", app)
    before = gc.get_threshold()
    out = run("score", sample_book(tmp_path), "--json")
    assert out.returncode == 0, out.stderr
    assert seen == [garbage.FIRST_GENERATION]
    assert gc.get_threshold() == before
