"""The cycle collector settings of egov_bsc_xl/garbage.py: each block gives the previous state back."""

from __future__ import annotations

import gc

import pytest

from egov_bsc_xl import garbage


def test_a_pause_gives_the_collector_back_as_it_found_it() -> None:
    assert gc.isenabled()
    with garbage.collection_paused():
        assert not gc.isenabled()
        with garbage.collection_paused():  # nested: the outer block stays paused
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), garbage.collection_paused():
        raise ValueError("stop")
    assert gc.isenabled()


def test_fewer_collections_sets_the_first_generation_and_gives_it_back() -> None:
    before = gc.get_threshold()
    with pytest.raises(ValueError), garbage.fewer_collections():
        assert gc.get_threshold() == (garbage.FIRST_GENERATION, *before[1:])
        raise ValueError("stop")
    assert gc.get_threshold() == before


def test_settle_moves_young_objects_to_the_oldest_generation_and_freezes_nothing() -> None:
    with garbage.collection_paused():
        rows = [[i, str(i)] for i in range(10_000)]
        assert gc.get_count()[0] >= 10_000
        garbage.settle()
        assert gc.get_count()[0] == 0  # nothing young left for the next pass to walk
    assert gc.get_freeze_count() == 0
    assert gc.is_tracked(rows[0]) and gc.isenabled()
    cycle: list[object] = []
    cycle.append(cycle)
    del cycle
    garbage.settle()
    assert gc.collect() >= 1  # a full pass still collects what was settled


def test_the_script_freezes_its_objects_for_the_exit_and_main_does_not() -> None:
    """`egov-bsc` (cli.command) freezes before the process ends, which spares the shutdown's
    collections; `main`, which callers in the same process use, leaves the collector alone."""
    import subprocess
    import sys

    from egov_bsc_xl import cli

    with pytest.raises(SystemExit):
        sys_argv, sys.argv = sys.argv, ["egov-bsc", "--help"]
        try:
            cli.main()
        finally:
            sys.argv = sys_argv
    assert gc.get_freeze_count() == 0
    code = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('frozen', gc.get_freeze_count() > 0))\n"
        "sys.argv = ['egov-bsc', '--help']\n"
        "from egov_bsc_xl.cli import command\n"
        "command()\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.rstrip().endswith("frozen True")
