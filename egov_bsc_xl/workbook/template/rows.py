"""Table rows (dicts keyed by column key, cell values in the workbook language) from the model."""

from __future__ import annotations

from typing import Any

from egov_bsc_xl.i18n.language import pick
from egov_bsc_xl.model import (
    DEFAULT_BANDS,
    Initiative,
    Kpi,
    Measurement,
    Objective,
    Perspective,
    Polarity,
    Profile,
    Revision,
    Settings,
    Unit,
)
from egov_bsc_xl.model.band_presets import preset_of
from egov_bsc_xl.model.enums import KpiType, RollupMethod
from egov_bsc_xl.workbook import contract as c
from egov_bsc_xl.workbook.template.kpi_library import PERSPECTIVE_WORDS

YES_NO = {"id": ("Ya", "Tidak"), "en": ("Yes", "No")}
INITIATIVE_STATUS = {
    "id": ["Belum mulai", "Berjalan", "Selesai", "Ditunda"],
    "en": ["Not started", "In progress", "Done", "On hold"],
}


def _label(keys: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    id_label, en_label = keys[key]
    return pick(lang, id_label, en_label)


def profile_rows(profile: Profile, lang: str) -> list[dict[str, Any]]:
    """One row per PROFILE_KEYS entry, one per mission (at least one mission row)."""
    rows: list[dict[str, Any]] = []
    values: dict[str, Any] = {
        "agency": profile.agency,
        "unit": profile.unit,
        "year": profile.year,
        "report_period": profile.report_period.code if profile.report_period else None,
        "report_date": profile.report_date,
        "vision": profile.vision,
        "language": lang,
        "logo": profile.logo,
        "plan_start": profile.plan_start,
        "plan_end": profile.plan_end,
        "head_name": profile.head_name,
        "head_title": profile.head_title,
        "feedback_channel": profile.feedback_channel,
    }
    for key in c.PROFILE_KEYS:
        if key == "mission":
            missions = profile.missions or [""]
            for i, text in enumerate(missions, start=1):
                label = _label(c.PROFILE_KEYS, key, lang)
                rows.append({"key": key, "label": f"{label} {i}", "value": text or None})
        else:
            rows.append(
                {
                    "key": key,
                    "label": _label(c.PROFILE_KEYS, key, lang),
                    "value": values.get(key) or None,
                }
            )
    return rows


def settings_rows(settings: Settings, lang: str) -> list[dict[str, Any]]:
    values = {
        "cap": settings.cap,
        "minimize_method": settings.minimize_method.word(lang),
        "missing": settings.missing.word(lang),
        "language": lang,
        "attention_below": settings.attention_below,
        "band_preset": settings.band_preset or preset_of(settings.bands) or None,
    }
    return [
        {"key": k, "label": _label(c.SETTING_KEYS, k, lang), "value": values[k]}
        for k in c.SETTING_KEYS
    ]


def band_rows(settings: Settings | None = None) -> list[dict[str, Any]]:
    bands = sorted(settings.bands if settings else DEFAULT_BANDS, key=lambda b: -b.lower_bound)
    return [
        {
            "lower_bound": b.lower_bound if b.lower_bound > float("-inf") else 0.0,
            "label_id": b.label_id,
            "label_en": b.label_en,
            "colour": b.colour,
        }
        for b in bands
    ]


def default_perspectives(lang: str) -> list[Perspective]:
    """The four perspectives of step 2, pre-filled in a blank template (weights 30/30/20/20)."""
    weights = {"customer": 0.30, "process": 0.30, "learning": 0.20, "financial": 0.20}
    return [
        Perspective(id=f"P{i}", name=pick(lang, *PERSPECTIVE_WORDS[k]), weight=w, order=i)
        for i, (k, w) in enumerate(weights.items(), start=1)
    ]


def perspective_rows(items: list[Perspective], lang: str) -> list[dict[str, Any]]:
    yes, no = YES_NO[lang]
    return [
        {
            "id": p.id,
            "name": p.name,
            "weight": p.weight,
            "order": p.order,
            "active": yes if p.active else no,
        }
        for p in items
    ]


def objective_rows(items: list[Objective], lang: str) -> list[dict[str, Any]]:
    return [
        {
            "id": o.id,
            "perspective_id": o.perspective_id,
            "objective": o.name,
            "supports": ", ".join(o.supports) or None,
            "description": o.description or None,
        }
        for o in items
    ]


def kpi_rows(items: list[Kpi], lang: str) -> list[dict[str, Any]]:
    return [
        {
            "id": k.id,
            "objective_id": k.objective_id,
            "name": k.name,
            "definition": k.definition,
            "unit": k.unit,
            "polarity": k.polarity.word(lang),
            "weight": k.weight,
            "baseline": k.baseline,
            "frequency": k.frequency.word(lang),
            "aggregation": k.aggregation.word(lang),
            "data_source": k.data_source,
            "method": k.method,
            "owner": k.owner,
            "kpi_type": _word(KpiType, k.kpi_type, lang),
            "annual_target": k.annual_target,
            "plan_target": k.plan_target,
            "national_target": k.national_target,
            "public": YES_NO[lang][0 if k.public else 1],
            "rollup": _word(RollupMethod, k.rollup, lang),
            "source_kpi": k.source_kpi or None,
        }
        for k in items
    ]


def _word(enum: type[KpiType] | type[RollupMethod], key: str, lang: str) -> str | None:
    """The dropdown word of a machine key ('outcome' -> Outcome, 'sum' -> Jumlah); None when blank."""
    member = enum.parse(key)
    return member.word(lang) if member is not None else (key or None)


def _binary_word(value: float | None, lang: str) -> str | None:
    if value is None:
        return None
    yes, no = YES_NO[lang]
    return yes if value >= 0.5 else no


def measurement_rows(
    items: list[Measurement], polarities: dict[str, Polarity], lang: str
) -> list[dict[str, Any]]:
    """Binary KPIs' targets and actuals are written as Ya/Tidak (Yes/No)."""
    rows = []
    for m in items:
        binary = polarities.get(m.kpi_id) is Polarity.BINARY
        target = _binary_word(m.target, lang) if binary else m.target
        actual = _binary_word(m.actual, lang) if binary else m.actual
        rows.append(
            {
                "kpi_id": m.kpi_id,
                "period": m.period.code,
                "target": target,
                "target_upper": m.target_upper,
                "actual": actual,
                "note": m.note or None,
                "evidence": m.evidence or None,
                "analysis": m.analysis or None,
                "action": m.action or None,
                "action_owner": m.action_owner or None,
                "action_due": m.action_due,
            }
        )
    return rows


def initiative_rows(items: list[Initiative], lang: str) -> list[dict[str, Any]]:
    return [
        {
            "id": i.id,
            "name": i.name,
            "objective_ids": ", ".join(i.objective_ids) or None,
            "kpi_ids": ", ".join(i.kpi_ids) or None,
            "owner": i.owner,
            "start": i.start,
            "end": i.end,
            "budget": i.budget,
            "spent": i.spent,
            "progress": i.progress,
            "status": i.status or None,
            "note": i.note or None,
        }
        for i in items
    ]


def revision_rows(items: list[Revision], lang: str) -> list[dict[str, Any]]:
    return [
        {
            "date": r.date,
            "kpi_id": r.kpi_id,
            "field": r.field,
            "old_value": r.old_value,
            "new_value": r.new_value,
            "reason": r.reason,
        }
        for r in items
    ]


def unit_rows(items: list[Unit], lang: str) -> list[dict[str, Any]]:
    """tblUnits of a parent workbook (SPEC 9); Aktif as Ya/Tidak."""
    yes, no = YES_NO[lang]
    return [
        {
            "id": u.id,
            "name": u.name,
            "file": u.file,
            "weight": u.weight,
            "owner": u.owner or None,
            "active": yes if u.active else no,
        }
        for u in items
    ]
