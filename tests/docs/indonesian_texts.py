"""Every Indonesian text the product shows, gathered from its catalogues (for the wording tests)."""

from __future__ import annotations

from collections.abc import Iterator

from egov_bsc_xl import cli, cli_view
from egov_bsc_xl.i18n import deck_texts, messages, sheet_texts
from egov_bsc_xl.i18n.catalogue import CATALOGUE
from egov_bsc_xl.model.band_presets import BAND_PRESETS
from egov_bsc_xl.model.enums import Aggregation, Frequency, Polarity
from egov_bsc_xl.workbook import contract
from egov_bsc_xl.workbook.template import guide as template_guide
from egov_bsc_xl.workbook.template import kpi_library
from egov_bsc_xl.workbook.template import texts as template_texts
from egov_bsc_xl.workbook.template.demo_data import demo_measurements, demo_scorecard


def _demo_texts() -> Iterator[tuple[str, str]]:
    card = demo_scorecard("id")
    p = card.profile
    yield from (("demo profile", t) for t in (p.agency, p.unit, p.vision, *p.missions))
    yield from (("demo perspective", x.name) for x in card.perspectives)
    yield from (("demo objective", x.name) for x in card.objectives)
    for k in card.kpis:
        yield from (
            (f"demo {k.id}", t)
            for t in (k.name, k.definition, k.unit, k.data_source, k.method, k.owner)
        )
    yield from (
        (f"demo note {m.kpi_id} {m.period.code}", m.note) for m in demo_measurements("id") if m.note
    )
    yield from (
        (f"demo follow-up {m.kpi_id} {m.period.code}", t)
        for m in demo_measurements("id")
        for t in (m.analysis, m.action, m.action_owner)
        if t
    )
    yield ("demo profile head", p.head_title)
    for i in card.initiatives:
        yield from ((f"demo {i.id}", t) for t in (i.name, i.owner, i.status, i.note) if t)
    yield from (
        (f"demo revision {r.kpi_id}", t) for r in card.revisions for t in (r.field, r.reason)
    )


def indonesian_texts() -> list[tuple[str, str]]:
    """(where, text) of every Indonesian text: messages, sheets, decks, CLI, template, library, demo."""
    out: list[tuple[str, str]] = []
    out += [(f"sheet_texts.{k}", v[0]) for k, v in sheet_texts.TEXTS.items()]
    out += [(f"deck_texts.{k}", v[0]) for k, v in deck_texts.TEXTS.items()]
    for code, (_, message, hint) in messages.MESSAGES.items():
        out += [(f"messages.{code}", message[0]), (f"messages.{code} hint", hint[0])]
    out += [(f"cli_view.{k}", v[0]) for k, v in cli_view._T.items()]
    out += [(f"cli.demo_steps.{k}", v.split(" / ")[0]) for k, v in cli._DEMO_STEPS.items()]
    for key, (title, hint) in template_texts.sheet_texts("id").items():
        out += [(f"template_texts.{key}", title), (f"template_texts.{key} hint", hint)]
    for n, step in enumerate(template_guide.STEPS, start=1):
        out += [(f"guide step {n}", step[i]) for i in (0, 2, 5)]
    out += [(f"guide button {b[0]}", t) for b in template_guide.BUTTONS for t in (b[0], b[2])]
    for spec in contract.TABLES.values():
        out += [(f"{spec.name}.{col.key}", col.label_id) for col in spec.columns]
    out += [(f"profile key {k}", v[0]) for k, v in contract.PROFILE_KEYS.items()]
    out += [(f"setting key {k}", v[0]) for k, v in contract.SETTING_KEYS.items()]
    for k in kpi_library.LIBRARY:
        out += [
            (f"library {k.code}", t) for t in (k.name_id, k.definition_id, k.unit_id, k.source_id)
        ]
    out += [
        (f"band preset {name}", b.label_id) for name, bands in BAND_PRESETS.items() for b in bands
    ]
    for enum in (Polarity, Frequency, Aggregation):
        out += [(f"{enum.__name__}.{m.value}", m.word("id")) for m in enum]
    # the rest of the catalogue (template notes, prompts and guide, period words, deck errors);
    # a line quoting the command line (egov-bsc validate / score / deck) names commands, not words
    seen = {text for _, text in out}
    out += [
        (f"catalogue.{k}", v[0])
        for k, v in CATALOGUE.items()
        if v[0] not in seen and "egov-bsc validate" not in v[0]
    ]
    out += list(_demo_texts())
    return out
