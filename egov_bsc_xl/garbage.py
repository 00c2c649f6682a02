"""Python's cycle collector around the product's bulk work: the one place that tunes it.

Reading a workbook builds a list per table row and a value per cell, none of them in a cycle, and
keeps them to the end of a command. The collector's full passes then walk all of them again and
again while finding next to nothing. Measured with gc.callbacks, `score` at 1,000,000 rows spent
1.1-2.0 s of a 6-11 s run in the collector (1,526 passes, nine over the whole heap), 0.21 s of
1.35 s at 100,000 rows; recalc at 1,000,000 rows took 33.3 s of CPU against 19.8 s with it paused.
Peak memory was the same each time. Two tools, both giving the previous state back:

- `collection_paused()` around a bulk step (calamine's rows, a recalc's read-score-write), for
  every caller, a Python that Excel keeps running included;
- `freeze_for_exit()` once the `egov-bsc` script's command is done and the process ends;
- `fewer_collections()` for the command's own process (and the workers it forks): the first
  generation at FIRST_GENERATION objects, so that what the pauses leave out (validation, JSON,
  the deck) collects in a few passes (at 1,000,000 rows 0.56 -> 0.21 s).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

FIRST_GENERATION = 100_000


@contextmanager
def collection_paused() -> Iterator[None]:
    """The cycle collector off for the block; on again after it unless it was off before."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def settle() -> None:
    """Every object the collector tracks moved to its oldest generation at once, none looked at
    (two list splices). After a bulk step made a million young objects in a pause (a table's rows,
    none in a cycle), the collector's next pass over the young generation walked every one of them
    (0.10 s at 1,000,000 rows); now it has nothing to walk. Nothing is kept from collection: a
    full pass still looks at them. (gc.unfreeze also frees what someone else froze; this package
    freezes nothing else.)"""
    gc.freeze()
    gc.unfreeze()


def freeze_for_exit() -> None:
    """Every object the collector tracks put out of its reach for good, for a process that ends
    next: the interpreter's shutdown runs full collections that walk every object again (after
    `score` at 100,000 rows the exit took 0.26 s, 0.06 s frozen; pandas' objects alone cost
    0.15 s). Objects are still freed as the modules are cleared; only the walks are saved. Never
    for a caller that goes on: nothing frozen is collected again."""
    gc.freeze()


@contextmanager
def fewer_collections() -> Iterator[None]:
    """The collector's first generation at FIRST_GENERATION objects for the block (700 by default)."""
    previous = gc.get_threshold()
    gc.set_threshold(FIRST_GENERATION, *previous[1:])
    try:
        yield
    finally:
        gc.set_threshold(*previous)
