"""Formulas of tblMeasurements' computed columns (achievement, status): UDF calls or plain Excel.

The native formulas give exactly `calc.achievement.achievement` per row (SPEC 2): four polarities
in either language, range targets, minimize_method and cap from tblSettings, blank actual -> blank,
target <= 0 or unknown polarity -> blank; status from tblBands (lower bounds inclusive, top down).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from egov_bsc_xl.model.enums import Polarity
from egov_bsc_xl.model.scorecard import NO_DATA_BAND, Settings
from egov_bsc_xl.workbook import contract as c

# Defined names the template creates for the settings cells the formulas need.
NAME_CAP = "BSC_CAP"
NAME_MINIMIZE = "BSC_MINIMIZE_METHOD"

_YES_WORDS = ("Ya", "Yes", "Y", "TRUE", "Benar", "Sudah")
_NO_WORDS = ("Tidak", "No", "N", "FALSE", "Salah", "Belum")


def _this_row(lang: str, key: str) -> str:
    label = c.MEASUREMENTS.column(key).label(lang)
    return f"{c.MEASUREMENTS.name}[[#This Row],[{label}]]"


def _col(spec: c.TableSpec, key: str, lang: str) -> str:
    return f"{spec.name}[{spec.column(key).label(lang)}]"


def polarity_lookup(lang: str) -> str:
    """The KPI's polarity word, looked up in tblKpis by the row's kpi_id."""
    return (f"INDEX({_col(c.KPIS, 'polarity', lang)},"
            f"MATCH({_this_row(lang, 'kpi_id')},{_col(c.KPIS, 'id', lang)},0))")


def polarity_kind(lang: str) -> str:
    """1 maximize, 2 minimize, 3 stabilize, 4 binary (either language's word); #N/A when unknown."""
    words = ",".join(f'"{m.word(lg)}"' for m in Polarity for lg in ("id", "en"))
    return f"INT((MATCH({polarity_lookup(lang)},{{{words}}},0)+1)/2)"


def _clip(expr: str) -> str:
    return f"MAX(0,MIN({NAME_CAP},{expr}))"


def native_achievement(lang: str) -> str:
    """Plain-Excel achievement (scored, clipped to [0, cap]) of one tblMeasurements row."""
    kpi, a, t, u = (_this_row(lang, k) for k in ("kpi_id", "actual", "target", "target_upper"))
    kind = polarity_kind(lang)
    yes = "OR(" + ",".join(f'{a}="{w}"' for w in _YES_WORDS) + ")"
    no = "OR(" + ",".join(f'{a}="{w}"' for w in _NO_WORDS) + ")"
    binary = (f"IF(ISNUMBER({a}),{_clip(f'MAX(0,MIN(1,{a}))')},"
              f'IF({yes},{_clip("1")},IF({no},0,"")))')
    inverse = f'{NAME_MINIMIZE}="inverse"'
    below_min = f"IF({inverse},IF({a}>0,{_clip(f'{t}/{a}')},{_clip(NAME_CAP)}),{_clip(f'2-{a}/{t}')})"
    single = f'CHOOSE({kind},{_clip(f"{a}/{t}")},{below_min},"")'
    above = (f"CHOOSE({kind},{_clip(f'{a}/{u}')},"
             f"IF({inverse},{_clip(f'{u}/{a}')},{_clip(f'2-{a}/{u}')}),{_clip(f'2-{a}/{u}')})")
    below = f"CHOOSE({kind},{_clip(f'{a}/{t}')},{below_min},{_clip(f'{a}/{t}')})"
    ranged = f'IF(OR({u}<=0,{t}>{u}),"",IF({a}<{t},{below},IF({a}>{u},{above},{_clip("1")})))'
    numeric = (f'IF(NOT(ISNUMBER({a})),"",IF(NOT(ISNUMBER({t})),"",IF({t}<=0,"",'
               f"IF(ISNUMBER({u}),{ranged},{single}))))")
    body = f"IF({kind}=4,{binary},{numeric})"
    # IFERROR turns an unknown KPI id or polarity (#N/A from the lookups) into a blank.
    return f'=IFERROR(IF(OR({kpi}="",{a}=""),"",{body}),"")'


def native_status(lang: str) -> str:
    """Plain-Excel status: label of the highest band whose lower bound <= achievement."""
    ach = _this_row(lang, "achievement")
    kpi = _this_row(lang, "kpi_id")
    lower = _col(c.BANDS, "lower_bound", lang)
    labels = _col(c.BANDS, "label_id" if lang == "id" else "label_en", lang)
    no_data = NO_DATA_BAND.label(lang)
    best = f"SUMPRODUCT(MAX(({lower}<={ach})*{lower}))"
    found = f"INDEX({labels},MATCH({best},{lower},0))"
    lowest = f"INDEX({labels},MATCH(MIN({lower}),{lower},0))"
    return (f'=IF({kpi}="","",IF(NOT(ISNUMBER({ach})),"{no_data}",'
            f"IFERROR(IF(COUNTIF({lower},\"<=\"&{ach})=0,{lowest},{found}),{lowest})))")


def udf_achievement(lang: str) -> str:
    kpi, a, t, u = (_this_row(lang, k) for k in ("kpi_id", "actual", "target", "target_upper"))
    return (f'=IF({kpi}="","",BSC_ACHIEVEMENT({a},{t},{polarity_lookup(lang)},{u},'
            f"{NAME_CAP},{NAME_MINIMIZE}))")


def udf_status(lang: str) -> str:
    ach, kpi = _this_row(lang, "achievement"), _this_row(lang, "kpi_id")
    lower = _col(c.BANDS, "lower_bound", lang)
    labels = _col(c.BANDS, "label_id" if lang == "id" else "label_en", lang)
    return f'=IF({kpi}="","",BSC_STATUS({ach},{lower},{labels}))'


FORMULAS = {
    "native": (native_achievement, native_status),
    "udf": (udf_achievement, udf_status),
}


def computed_formulas(mode: str, lang: str) -> tuple[str, str]:
    """(achievement formula, status formula) for `mode` ('udf' or 'native') in language `lang`."""
    if mode not in FORMULAS:
        raise ValueError(f"formulas must be 'udf' or 'native', not {mode!r}")
    ach, status = FORMULAS[mode]
    return ach(lang), status(lang)


def cached_values(rows: list[dict[str, Any]], polarities: dict[str, Polarity],
                  settings: Settings, lang: str) -> list[tuple[Any, str]]:
    """(achievement, status) per measurement row as the engine computes them; '' for blank."""
    from egov_bsc_xl.calc.achievement import achievement
    from egov_bsc_xl.calc.bands import band_labels

    if not rows:
        return []
    pol = [polarities.get(str(r.get("kpi_id") or ""), "") for r in rows]
    _, scored = achievement(
        np.array([_num(r.get("actual")) for r in rows], dtype="float64"),
        np.array([_num(r.get("target")) for r in rows], dtype="float64"),
        np.array([_num(r.get("target_upper")) for r in rows], dtype="float64"),
        [p.value if isinstance(p, Polarity) else p for p in pol],
        cap=settings.cap, minimize_method=settings.minimize_method,
    )
    labels = band_labels(scored, settings, lang)
    out: list[tuple[Any, str]] = []
    for row, value, label in zip(rows, scored.tolist(), labels, strict=True):
        if not row.get("kpi_id"):
            out.append(("", ""))
        elif value != value:
            out.append(("", label))
        else:
            out.append((value, label))
    return out


def _num(value: Any) -> float:
    if value is None or value == "":
        return float("nan")
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, int | float):
        return float(value)
    word = str(value).strip().lower()
    if word in {w.lower() for w in _YES_WORDS}:
        return 1.0
    if word in {w.lower() for w in _NO_WORDS}:
        return 0.0
    return float("nan")
