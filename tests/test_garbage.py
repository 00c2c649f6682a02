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
