"""Formulas of tblMeasurements' computed columns (achievement, status): UDF calls or plain Excel.

The native formulas give exactly `calc.achievement.achievement` per row (SPEC 2 and 8): four
polarities by any word the engine reads, range targets, zero targets of minimize KPIs, numbers
typed as text in the workbook's language, yes/no words, minimize_method and cap from tblSettings;
blank actual, unusable target or unknown polarity -> blank; status from tblBands (lower bounds
inclusive, top down).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from egov_bsc_xl.i18n.language import pick
from egov_bsc_xl.i18n.numbers import number_from_text
from egov_bsc_xl.model.enums import NO_WORDS, YES_WORDS, MinimizeMethod, Polarity, parse_yes_no
from egov_bsc_xl.model.scorecard import NO_DATA_BAND, Settings
from egov_bsc_xl.workbook import contract as c

# Defined names the template creates for the settings cells the formulas need.
NAME_CAP = "BSC_CAP"
NAME_MINIMIZE = "BSC_MINIMIZE_METHOD"
# Defined names holding the words the engine reads (model.enums), as array constants: the formulas
# match them, so every word the engine accepts is a word the formula accepts.
NAME_POLARITY_WORDS = "BSC_POLARITY_WORDS"
NAME_POLARITY_KINDS = "BSC_POLARITY_KINDS"  # 1 maximize, 2 minimize, 3 stabilize, 4 binary
NAME_YES_WORDS = "BSC_YES_WORDS"
NAME_NO_WORDS = "BSC_NO_WORDS"
NAME_INVERSE_WORDS = "BSC_INVERSE_WORDS"

_KIND = {Polarity.MAXIMIZE: 1, Polarity.MINIMIZE: 2, Polarity.STABILIZE: 3, Polarity.BINARY: 4}
# Decimal mark and thousands separator of numbers typed as text, by workbook language (SPEC 8).
_MARKS = {"id": (",", "."), "en": (".", ",")}


def _array(values: list[str] | list[int]) -> str:
    items = (f'"{v}"' if isinstance(v, str) else str(v) for v in values)
    return "={" + ",".join(items) + "}"


def word_names() -> dict[str, str]:
    """Defined name -> array constant of the vocabulary the native formulas match (from model.enums)."""
    words: list[str] = []
    kinds: list[int] = []
    for member in Polarity:
        for word in member.accepted():
            words.append(word)
            kinds.append(_KIND[member])
    return {
        NAME_POLARITY_WORDS: _array(words),
        NAME_POLARITY_KINDS: _array(kinds),
        NAME_YES_WORDS: _array(list(YES_WORDS)),
        NAME_NO_WORDS: _array(list(NO_WORDS)),
        NAME_INVERSE_WORDS: _array(MinimizeMethod.INVERSE.accepted()),
    }


def _this_row(lang: str, key: str) -> str:
    label = c.MEASUREMENTS.column(key).label(lang)
    return f"{c.MEASUREMENTS.name}[[#This Row],[{label}]]"


def _col(spec: c.TableSpec, key: str, lang: str) -> str:
    return f"{spec.name}[{spec.column(key).label(lang)}]"


def polarity_lookup(lang: str) -> str:
    """The KPI's polarity word, looked up in tblKpis by the row's kpi_id."""
    return (
        f"INDEX({_col(c.KPIS, 'polarity', lang)},"
        f"MATCH({_this_row(lang, 'kpi_id')},{_col(c.KPIS, 'id', lang)},0))"
    )


def polarity_kind(lang: str) -> str:
    """1 maximize, 2 minimize, 3 stabilize, 4 binary (any word the engine reads); #N/A when unknown."""
    return (
        f"INDEX({NAME_POLARITY_KINDS},MATCH(TRIM({polarity_lookup(lang)}),{NAME_POLARITY_WORDS},0))"
    )


def _value(ref: str, lang: str) -> str:
    """A cell's number: the number itself, or text read in the workbook's language (NUMBERVALUE
    with the language's marks, 'Rp' dropped), as i18n.numbers reads it; #VALUE! for other text."""
    decimal, group = pick(lang, _MARKS["id"], _MARKS["en"])
    return f'IF(ISTEXT({ref}),_xlfn.NUMBERVALUE(SUBSTITUTE(UPPER({ref}),"RP",""),"{decimal}","{group}"),{ref})'


def native_achievement(lang: str) -> str:
    """Plain-Excel achievement (scored, clipped to [0, cap]) of one tblMeasurements row.

    The steps of calc.achievement.achievement: M = MEDIAN(L, A, U) is the actual brought into the
    target range (U = L for a single target); maximize A/M; minimize 2 - A/M or M/A, with a zero
    target scoring 1 for A <= 0 and 0 above; stabilize A/L, 1 or 2 - A/U. NA() marks "no
    achievement" and the outer IFERROR turns it, like an unknown KPI or polarity, into a blank.
    """
    kpi, a_cell, t_cell, u_cell = (
        _this_row(lang, k) for k in ("kpi_id", "actual", "target", "target_upper")
    )
    a, t, u = (_value(r, lang) for r in (a_cell, t_cell, u_cell))
    kind = polarity_kind(lang)
    has_u = f'{u_cell}<>""'
    top = f"IF({has_u},{u},{t})"
    m = f"MEDIAN({t},{a},{top})"
    inv = f"ISNUMBER(MATCH(TRIM({NAME_MINIMIZE}),{NAME_INVERSE_WORDS},0))"
    maximize = f"IF({t}<=0,NA(),{a}/{m})"
    # 2*(1-INV)+(2*INV-1)*(A/M)^(1-2*INV) is 2 - A/M (permenpan) or M/A (inverse) with M written once;
    # M = 0 (a zero target, A > 0) divides by zero: 0 %.
    ratio = f"IFERROR(2*(1-{inv})+(2*{inv}-1)*({a}/{m})^(1-2*{inv}),0)"
    minimize = f"IF({t}<0,NA(),IF({a}<=0,IF({t}=0,1,IF({inv},{NAME_CAP},2-{a}/{t})),{ratio}))"
    stabilize = (
        f"IF(OR(NOT({has_u}),{t}<0,{u}<=0),NA(),"
        f"IF({a}>{u},2-{a}/{u},IF({a}>={t},1,IFERROR({a}/{t},0))))"
    )
    yes = f"ISNUMBER(MATCH(TRIM({a_cell}),{NAME_YES_WORDS},0))"
    no = f"ISNUMBER(MATCH(TRIM({a_cell}),{NAME_NO_WORDS},0))"
    binary = (
        f"IF(ISNUMBER({a_cell}),MAX(0,MIN(1,{a_cell})),IF({yes},1,IF({no},0,MAX(0,MIN(1,{a})))))"
    )
    guard = f'OR({t_cell}="",NOT(ISNUMBER({t})),AND({has_u},{t}>{u}))'
    numeric = f"IF({guard},NA(),CHOOSE({kind},{maximize},{minimize},{stabilize}))"
    body = f"MAX(0,MIN({NAME_CAP},IF({kind}=4,{binary},{numeric})))"
    return f'=IFERROR(IF(OR({kpi}="",TRIM({a_cell})=""),"",{body}),"")'


def native_status(lang: str) -> str:
    """Plain-Excel status: label of the highest band whose lower bound <= achievement."""
    ach = _this_row(lang, "achievement")
    kpi = _this_row(lang, "kpi_id")
    lower = _col(c.BANDS, "lower_bound", lang)
    labels = _col(c.BANDS, pick(lang, "label_id", "label_en"), lang)
    no_data = NO_DATA_BAND.label(lang)
    best = f"SUMPRODUCT(MAX(({lower}<={ach})*{lower}))"
    found = f"INDEX({labels},MATCH({best},{lower},0))"
    lowest = f"INDEX({labels},MATCH(MIN({lower}),{lower},0))"
    return (
        f'=IF({kpi}="","",IF(NOT(ISNUMBER({ach})),"{no_data}",'
        f"IFERROR(IF(COUNTIF({lower},\"<=\"&{ach})=0,{lowest},{found}),{lowest})))"
    )


def udf_achievement(lang: str) -> str:
    kpi, a, t, u = (_this_row(lang, k) for k in ("kpi_id", "actual", "target", "target_upper"))
    return (
        f'=IF({kpi}="","",BSC_ACHIEVEMENT({a},{t},{polarity_lookup(lang)},{u},'
        f"{NAME_CAP},{NAME_MINIMIZE}))"
    )


def udf_status(lang: str) -> str:
    ach, kpi = _this_row(lang, "achievement"), _this_row(lang, "kpi_id")
    lower = _col(c.BANDS, "lower_bound", lang)
    labels = _col(c.BANDS, pick(lang, "label_id", "label_en"), lang)
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


def cached_values(
    rows: list[dict[str, Any]], polarities: dict[str, Polarity], settings: Settings, lang: str
) -> list[tuple[Any, str]]:
    """(achievement, status) per measurement row as recalc writes them (calc.cells); '' for blank."""
    from egov_bsc_xl.calc.cells import measurement_cells

    if not rows:
        return []
    pol = [polarities.get(str(r.get("kpi_id") or ""), "") for r in rows]
    binary = [p is Polarity.BINARY for p in pol]
    cells = measurement_cells(
        np.array(
            [_num(r.get("actual"), lang, b) for r, b in zip(rows, binary, strict=True)],
            dtype="float64",
        ),
        np.array(
            [_num(r.get("target"), lang, b) for r, b in zip(rows, binary, strict=True)],
            dtype="float64",
        ),
        np.array([_num(r.get("target_upper"), lang, False) for r in rows], dtype="float64"),
        [p.value if isinstance(p, Polarity) else p for p in pol],
        settings,
        lang,
    )
    return [cell if row.get("kpi_id") else ("", "") for row, cell in zip(rows, cells, strict=True)]


def _num(value: Any, lang: str, binary: bool) -> float:
    """A measurement cell as the reader reads it: numbers, yes/no words (yes/no KPIs), text numbers."""
    if value is None or value == "":
        return float("nan")
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, int | float):
        return float(value)
    if binary and parse_yes_no(value) is not None:
        return 1.0 if parse_yes_no(value) else 0.0
    number = number_from_text(str(value), lang)
    return float("nan") if number is None else number
