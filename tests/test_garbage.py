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
