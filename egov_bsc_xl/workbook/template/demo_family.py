"""The demo's Pemda family (SPEC 9): a parent workbook and three unit workbooks, one of them late.

`egov-bsc demo` writes them into the subfolder `pemda/` beside the Diskominfo demo, so a planner
can try forms -> collect -> consolidate on files that look like theirs:

- `pemda-sukamaju.xlsm`: the Pemda's own scorecard (four perspectives, five IKU), with tblUnits
  listing the three units and two IKU fed by them: the number of digital public services (roll-up
  `sum` of the units' LAY-01) and the satisfaction index (roll-up `average` of the units' LAY-02).
  The parent has no measurement rows for these two: consolidate fills them.
- `unit-diskominfo.xlsm` (on track), `unit-bappeda.xlsm` (behind on several IKU) and
  `unit-dinkes.xlsm` (late: rows for 2026-Q1 and Q2 only, nothing for the report period 2026-Q3).

Every unit workbook has the same five unit IKU (a cascaded SPBE set every OPD reports), each
with its own targets and actuals. Built with the template builder (`build(content=...)`).
"""

from __future__ import annotations

from dataclasses import dataclass

from egov_bsc_xl.i18n.language import pick
from egov_bsc_xl.model import (
    Aggregation,
    Frequency,
    Kpi,
    Language,
    Measurement,
    Objective,
    Perspective,
    Polarity,
    Profile,
    Scorecard,
    Settings,
    parse_period,
)
from egov_bsc_xl.model.scorecard import Unit
from egov_bsc_xl.workbook.template.demo_data import REPORT_DATE, REPORT_PERIOD, demo_perspectives

FAMILY_FOLDER = "pemda"
PARENT_FILE = "pemda-sukamaju.xlsm"
LATE_UNIT = "DINKES"


@dataclass(frozen=True)
class FamilyUnit:
    id: str
    file: str
    name_id: str
    name_en: str
    weight: float
    owner_id: str
    owner_en: str
    short: str  # the unit's short name, in its KPI owners' names
    # KPI id -> [(period, target, actual)]
    values: dict[str, tuple[tuple[str, float, float | None], ...]]


Q = ("2026-Q1", "2026-Q2", "2026-Q3")


def _series(
    targets: tuple[float, ...], actuals: tuple[float | None, ...]
) -> tuple[tuple[str, float, float | None], ...]:
    return tuple(zip(Q[: len(actuals)], targets[: len(actuals)], actuals, strict=True))


UNITS: tuple[FamilyUnit, ...] = (
    FamilyUnit(
        "DISKOMINFO",
        "unit-diskominfo.xlsm",
        "Dinas Komunikasi dan Informatika",
        "Communication and Informatics Office",
        1.0,
        "Kepala Dinas Kominfo",
        "Head of the Communication and Informatics Office",
        "Diskominfo",
        {
            "LAY-01": _series((12, 14, 16), (12, 15, 17)),
            "LAY-02": _series((80, 80, 80), (82.0, 84.0, 85.5)),
            "PRO-01": _series((70, 80, 90), (72, 81, 88)),
            "SDM-01": _series((40, 60, 80), (45, 62, 78)),
            "KEU-01": _series((25, 50, 75), (24, 49, 72)),
        },
    ),
    FamilyUnit(
        "BAPPEDA",
        "unit-bappeda.xlsm",
        "Badan Perencanaan Pembangunan Daerah",
        "Regional Development Planning Agency",
        1.0,
        "Kepala Bappeda",
        "Head of the Planning Agency",
        "Bappeda",
        {
            "LAY-01": _series((4, 5, 6), (3, 4, 5)),
            "LAY-02": _series((80, 80, 80), (76.0, 78.0, 79.0)),
            "PRO-01": _series((70, 80, 90), (60, 66, 71)),
            "SDM-01": _series((40, 60, 80), (38, 55, 70)),
            "KEU-01": _series((25, 50, 75), (18, 35, 52)),
        },
    ),
    FamilyUnit(
        LATE_UNIT,
        "unit-dinkes.xlsm",
        "Dinas Kesehatan",
        "Health Office",
        2.0,  # the largest unit: twice the weight in a weighted roll-up
        "Kepala Dinas Kesehatan",
        "Head of the Health Office",
        "Dinkes",
        {  # late: nothing reported for the report period yet
            "LAY-01": _series((8, 9, 10), (7, 9)),
            "LAY-02": _series((80, 80, 80), (70.0, 73.0)),
            "PRO-01": _series((70, 80, 90), (55, 62)),
            "SDM-01": _series((40, 60, 80), (30, 48)),
            "KEU-01": _series((25, 50, 75), (20, 41)),
        },
    ),
)

# id, perspective, Indonesian, English
_OBJECTIVES = (
    ("SS1", "P1", "Layanan publik digital yang memuaskan", "Satisfying digital public services"),
    ("SS2", "P2", "Administrasi pemerintahan tanpa kertas", "Paperless government administration"),
    ("SS3", "P3", "ASN yang cakap digital", "Digitally skilled civil servants"),
    ("SS4", "P4", "Anggaran SPBE terserap tepat waktu", "SPBE budget spent on schedule"),
)

# The unit IKU: id, objective, unit (id, en), polarity, weight, Indonesian, English
_UNIT_KPIS = (
    (
        "LAY-01",
        "SS1",
        ("layanan", "services"),
        Polarity.MAXIMIZE,
        1.0,
        "Jumlah layanan publik digital yang beroperasi",
        "Digital public services in operation",
    ),
    (
        "LAY-02",
        "SS1",
        ("indeks (0-100)", "index (0-100)"),
        Polarity.MAXIMIZE,
        1.0,
        "Indeks Kepuasan Masyarakat (IKM) layanan digital",
        "Citizen satisfaction index of digital services",
    ),
    (
        "PRO-01",
        "SS2",
        ("%", "%"),
        Polarity.MAXIMIZE,
        1.0,
        "Persentase naskah dinas elektronik",
        "Share of official documents that are electronic",
    ),
    (
        "SDM-01",
        "SS3",
        ("%", "%"),
        Polarity.MAXIMIZE,
        1.0,
        "Persentase ASN yang mengikuti pelatihan digital",
        "Share of civil servants trained in digital skills",
    ),
    (
        "KEU-01",
        "SS4",
        ("%", "%"),
        Polarity.MAXIMIZE,
        1.0,
        "Persentase realisasi anggaran SPBE",
        "SPBE budget realisation",
    ),
)

# The parent's IKU: id, objective, unit (id, en), rollup, source, Indonesian, English; the ones
# without a roll-up carry the Pemda's own figures (_PARENT_VALUES).
_PARENT_KPIS = (
    (
        "IKU-01",
        "SS1",
        ("layanan", "services"),
        "sum",
        "LAY-01",
        "Jumlah layanan publik digital Pemda",
        "Digital public services of the Pemda",
    ),
    (
        "IKU-02",
        "SS1",
        ("indeks (0-100)", "index (0-100)"),
        "average",
        "LAY-02",
        "Rata-rata IKM layanan digital perangkat daerah",
        "Average satisfaction index over the regional offices",
    ),
    (
        "IKU-03",
        "SS2",
        ("%", "%"),
        "",
        "",
        "Persentase perangkat daerah yang memakai aplikasi umum SPBE",
        "Share of regional offices using the common SPBE applications",
    ),
    (
        "IKU-04",
        "SS3",
        ("%", "%"),
        "",
        "",
        "Persentase ASN Pemda yang tersertifikasi kompetensi digital",
        "Share of the Pemda's civil servants certified in digital skills",
    ),
    (
        "IKU-05",
        "SS4",
        ("%", "%"),
        "",
        "",
        "Persentase realisasi anggaran SPBE Pemda",
        "SPBE budget realisation of the Pemda",
    ),
)
_PARENT_VALUES: dict[str, tuple[tuple[str, float, float | None], ...]] = {
    "IKU-03": _series((50, 60, 70), (48, 61, 66)),
    "IKU-04": _series((20, 30, 40), (22, 31, 35)),
    "IKU-05": _series((25, 50, 75), (22, 45, 70)),
}


def _profile(lang: str, unit: str) -> Profile:
    return Profile(
        agency=pick(lang, "Pemerintah Kabupaten Sukamaju", "Sukamaju Regency Government"),
        unit=unit,
        year=2026,
        report_period=parse_period(REPORT_PERIOD),
        report_date=REPORT_DATE,
        vision=pick(
            lang,
            "Sukamaju Cerdas 2030: layanan publik digital yang mudah, cepat, dan terpercaya",
            "Smart Sukamaju 2030: digital public services that are easy, fast and trusted",
        ),
        missions=[
            pick(
                lang,
                "Menghadirkan layanan publik digital yang terintegrasi dan inklusif",
                "Deliver integrated and inclusive digital public services",
            )
        ],
        language=Language(lang),
    )


def _objectives(lang: str) -> list[Objective]:
    return [
        Objective(id=oid, perspective_id=pid, name=pick(lang, name_id, name_en))
        for oid, pid, name_id, name_en in _OBJECTIVES
    ]


def _measurements(
    values: dict[str, tuple[tuple[str, float, float | None], ...]],
) -> list[Measurement]:
    out = []
    for kid, series in values.items():
        for period, target, actual in series:
            period_of = parse_period(period)
            assert period_of is not None
            out.append(
                Measurement(kpi_id=kid, period=period_of, target=float(target), actual=actual)
            )
    return out


def _perspectives(lang: str) -> list[Perspective]:
    return demo_perspectives(lang)


def _kpi_owner(unit: FamilyUnit, kid: str, lang: str) -> str:
    """Two owners per unit, so `forms --by owner` makes two forms: the service IKU (LAY-*) belong
    to the unit's service division, the others to its secretariat."""
    if kid.startswith("LAY-"):
        return pick(lang, f"Bidang Layanan {unit.short}", f"{unit.short} Services Division")
    return pick(lang, f"Sekretariat {unit.short}", f"{unit.short} Secretariat")


def unit_scorecard(unit: FamilyUnit, lang: str = "id") -> Scorecard:
    """The scorecard of one unit of the family."""
    kpis = [
        Kpi(
            id=kid,
            objective_id=oid,
            name=pick(lang, name_id, name_en),
            unit=pick(lang, *units),
            polarity=polarity,
            weight=weight,
            frequency=Frequency.QUARTERLY,
            aggregation=Aggregation.AVERAGE if kid == "LAY-02" else Aggregation.LAST,
            owner=_kpi_owner(unit, kid, lang),
        )
        for kid, oid, units, polarity, weight, name_id, name_en in _UNIT_KPIS
    ]
    return Scorecard(
        profile=_profile(lang, pick(lang, unit.name_id, unit.name_en)),
        settings=Settings(language=Language(lang)),
        perspectives=_perspectives(lang),
        objectives=_objectives(lang),
        kpis=kpis,
        measurements=_measurements(unit.values),
    )


def parent_scorecard(lang: str = "id") -> Scorecard:
    """The Pemda's scorecard: its own IKU, two fed by the units, and tblUnits."""
    kpis = [
        Kpi(
            id=kid,
            objective_id=oid,
            name=pick(lang, name_id, name_en),
            unit=pick(lang, *units),
            frequency=Frequency.QUARTERLY,
            aggregation=Aggregation.AVERAGE if rollup == "average" else Aggregation.LAST,
            owner=pick(lang, "Bappeda (koordinator SAKIP)", "Bappeda (SAKIP coordinator)"),
            rollup=rollup,
            source_kpi=source,
        )
        for kid, oid, units, rollup, source, name_id, name_en in _PARENT_KPIS
    ]
    return Scorecard(
        profile=_profile(
            lang, pick(lang, "Konsolidasi Perangkat Daerah", "Consolidated regional offices")
        ),
        settings=Settings(language=Language(lang)),
        perspectives=_perspectives(lang),
        objectives=_objectives(lang),
        kpis=kpis,
        measurements=_measurements(_PARENT_VALUES),
        units=[
            Unit(
                id=u.id,
                name=pick(lang, u.name_id, u.name_en),
                file=u.file,
                weight=u.weight,
                owner=pick(lang, u.owner_id, u.owner_en),
            )
            for u in UNITS
        ],
    )


def family_books(lang: str = "id") -> dict[str, bytes]:
    """File name -> .xlsm bytes of the parent and its three units (native formulas, so that the
    numbers show where Python is not installed, like the demo workbook)."""
    from egov_bsc_xl.workbook.template.build import build

    books = {PARENT_FILE: build(lang, "native", content=parent_scorecard(lang))}
    for unit in UNITS:
        books[unit.file] = build(lang, "native", content=unit_scorecard(unit, lang))
    return books


__all__ = [
    "FAMILY_FOLDER",
    "LATE_UNIT",
    "PARENT_FILE",
    "UNITS",
    "family_books",
    "parent_scorecard",
    "unit_scorecard",
]
