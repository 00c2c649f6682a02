"""Fixtures of the deck tests: realistic scorecards scored by the engine, decks built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from egov_bsc_xl.app import analysis_of as deck_data
from egov_bsc_xl.deck.build import build_deck

from .sample_card import sample_card


@pytest.fixture(scope="session")
def data16():
    return deck_data(sample_card(16))


@pytest.fixture(scope="session")
def data40():
    return deck_data(sample_card(40))


@pytest.fixture(scope="session")
def decks_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("decks")


@pytest.fixture(scope="session")
def leadership_path(data16, decks_dir) -> Path:
    return build_deck(data16, "leadership", decks_dir / "leadership.pptx")


@pytest.fixture(scope="session")
def public_path(data16, decks_dir) -> Path:
    return build_deck(data16, "public", decks_dir / "public.pptx")


@pytest.fixture(scope="session")
def leadership(leadership_path):
    return Presentation(str(leadership_path))


@pytest.fixture(scope="session")
def public(public_path):
    return Presentation(str(public_path))
