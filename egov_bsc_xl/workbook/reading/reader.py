"""Reads a scorecard workbook by table names and column keys into a Scorecard, noting every parse problem."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from egov_bsc_xl.errors import UnusableInput
from egov_bsc_xl.garbage import collection_paused, settle
from egov_bsc_xl.i18n.catalogue import both
from egov_bsc_xl.model.enums import (
    Aggregation,
    Frequency,
    KpiType,
    Language,
    Polarity,
    parse_yes_no,
)
from egov_bsc_xl.model.issues import ParseProblem, Problem
from egov_bsc_xl.model.scorecard import (
    Initiative,
    Kpi,
    Objective,
    Perspective,
    Revision,
    Scorecard,
)
from egov_bsc_xl.workbook import contract as c
from egov_bsc_xl.workbook.reading.cells import (
    is_blank,
    number_shown,
    parse_date,
    parse_id,
    parse_ids,
    parse_number,
    parse_percent,
    parse_text,
)
from egov_bsc_xl.workbook.reading.follow_ups import read_follow_ups
from egov_bsc_xl.workbook.reading.measurements import read_measurements
from egov_bsc_xl.workbook.reading.settings import read_bands, read_profile, read_settings
from egov_bsc_xl.workbook.reading.source import FileSource, RawTable, TableSource
from egov_bsc_xl.workbook.reading.units import read_rollups, read_units

# Without these four there is nothing to score: the file is not a scorecard workbook (exit 2).
CORE_TABLES = ("tblPerspectives", "tblObjectives", "tblKpis", "tblMeasurements")
# Columns that must exist even though their cells may be blank.
NEEDED_COLUMNS = {"tblMeasurements": ("target", "actual")}


@dataclass
class ReadResult:
    """A read workbook: the scorecard (each item with its source row), the problems found while
    reading (as data; egov_bsc_xl.validate gives them codes), and where each table stands."""

    card: Scorecard
    problems: list[ParseProblem] = field(default_factory=list)
    tables: dict[str, RawTable] = field(default_factory=dict)
    columns: dict[str, dict[str, int]] = field(default_factory=dict)  # table -> column key -> index
    language: str = "id"

    def locate(self, table: str, row: int | None, key: str) -> tuple[str, str]:
        """(sheet, A1 cell) of a table cell; the header cell when `row` is None; the sheet the
        contract names (and no cell) for a table that is not there."""
        raw = self.tables.get(table)
        if raw is None:
            spec = c.TABLES.get(table)
            return (spec.sheet_id if spec else ""), ""
        j = self.columns.get(table, {}).get(key, 0)
        return (raw.sheet, raw.header_cell(j)) if row is None else (raw.sheet, raw.cell(row, j))


class Rows:
    """Data rows of one table with their cells looked up by column key."""

    def __init__(
        self, raw: RawTable, columns: dict[str, int], problems: list[ParseProblem], lang: str = "id"
    ):
        self.raw, self.columns, self.problems = raw, columns, problems
        self.lang = lang  # numbers typed as text are read in the workbook's language (SPEC 8)

    def flag(
        self, what: Problem, row: int | None, key: str = "", raw: Any = None, detail: Any = None
    ) -> None:
        """Note a problem of this table's data row `row` (0-based), column `key`."""
        self.problems.append(ParseProblem(what, self.raw.name, row, key, raw, detail))

    def __iter__(self) -> Iterator[tuple[int, dict[str, Any]]]:
        keys = self.columns
        where = list(keys.values())
        errors = self.raw.errors
        for i, row in enumerate(self.raw.rows):
            if all(is_blank(row[j]) for j in where):
                continue
            if errors:
                yield i, {k: (None if (i, j) in errors else row[j]) for k, j in keys.items()}
            else:  # no error cell in the table: the row's cells by key in C (10,000 KPIs: 0.02 s)
                yield i, dict(zip(keys, map(row.__getitem__, where), strict=True))

    def error_cells(self) -> None:
        """Every Excel error value in an input column (computed columns are the product's), and
        every formula cell there saved without its value."""
        spec = c.TABLES[self.raw.name]
        computed = {col.key for col in spec.columns if col.kind is c.Kind.COMPUTED}
        wanted = {j: k for k, j in self.columns.items() if k not in computed}
        for (i, j), text in sorted(self.raw.errors.items()):
            if j in wanted:
                self.flag(Problem.EXCEL_ERROR, i, wanted[j], text)
        for i, j in sorted(self.raw.uncached):
            if j in wanted:
                self.flag(Problem.NO_CACHED_VALUE, i, wanted[j])


def read_workbook(source: str | Path | TableSource) -> ReadResult:
    """Read every SPEC 3 table of a workbook. Raises UnusableInput when there is nothing to score."""
    src: TableSource = FileSource(source) if isinstance(source, str | Path) else source
    names = {n.lower(): n for n in src.table_names()}
    missing_core = [t for t in CORE_TABLES if t.lower() not in names]
    if missing_core:
        raise UnusableInput(both("msg.file.not_scorecard", tables=", ".join(missing_core)) + ".")
    problems: list[ParseProblem] = []
    raws: dict[str, RawTable] = {}
    with collection_paused():  # a list per row, then settled (egov_bsc_xl/garbage.py)
        for spec in c.TABLES.values():
            if spec.name.lower() in names and spec.name != c.KPI_LIBRARY.name:
                raws[spec.name] = src.table(names[spec.name.lower()])
            elif spec.required:
                problems.append(ParseProblem(Problem.MISSING_TABLE, spec.name))
        settle()
    rows = {name: _map_columns(raw, problems) for name, raw in raws.items()}
    result = ReadResult(
        card=Scorecard(),
        problems=problems,
        tables=raws,
        columns={name: r.columns for name, r in rows.items()},
    )
    card = result.card

    profile_rows = rows.get(c.PROFILE.name)
    settings_rows = rows.get(c.SETTINGS.name)
    # The language decides how numbers typed as text are read, so it is found first (from the
    # words of the settings and profile, read once without recording problems), then every table
    # is read in it.
    lang = language_of(raws.get)
    for r in rows.values():
        r.lang = lang
    card.profile = read_profile(profile_rows) if profile_rows else card.profile
    card.settings = read_settings(settings_rows) if settings_rows else card.settings
    if c.BANDS.name in rows:
        bands = read_bands(rows[c.BANDS.name])
        if bands:
            card.settings.bands = bands
    card.settings.language = Language(lang)
    result.language = lang

    for name, reader in (
        (c.PERSPECTIVES.name, _perspectives),
        (c.OBJECTIVES.name, _objectives),
        (c.KPIS.name, _kpis),
        (c.INITIATIVES.name, _initiatives),
        (c.REVISIONS.name, _revisions),
    ):
        if name in rows:
            reader(rows[name], card)
    if c.MEASUREMENTS.name in rows:
        polarity = {k.id: k.polarity for k in card.kpis}
        card.measurements = read_measurements(rows[c.MEASUREMENTS.name], polarity)
        card.follow_ups = read_follow_ups(
            rows[c.MEASUREMENTS.name], card.measurements["row"].to_numpy()
        )
    if c.KPIS.name in rows:  # SPEC 9: a parent's units and its rolled-up KPIs
        read_rollups(rows[c.KPIS.name], card)
    if c.UNITS.name in rows:
        read_units(rows[c.UNITS.name], card)
    for r in rows.values():
        r.error_cells()
    return result


def _map_columns(raw: RawTable, problems: list[ParseProblem]) -> Rows:
    """The table's rows with column key -> index (contract.map_headers); a problem for each needed
    column not found."""
    spec = c.TABLES[raw.name] if raw.name in c.TABLES else c.TABLES[_canonical(raw.name)]
    raw.name = spec.name
    rows = Rows(raw, c.map_headers(spec, raw.headers), problems)
    needed = {k.key for k in spec.columns if k.required} | set(NEEDED_COLUMNS.get(spec.name, ()))
    for key in sorted(needed - rows.columns.keys(), key=spec.keys.index):
        rows.flag(Problem.MISSING_COLUMN, None, key, None, spec.column(key).label_id)
    return rows


def _canonical(name: str) -> str:
    return next(t for t in c.TABLES if t.lower() == name.lower())


def workbook_language(source: TableSource, sheet_names: Iterable[str] = ()) -> str:
    """The workbook's language as language_of finds it, reading only the tables it needs; for a
    caller that has not read the workbook (a button choosing the words of its message box)."""
    try:
        names = {n.lower(): n for n in source.table_names()}
    except Exception:  # noqa: BLE001 - the language only picks a message's words; the sheet names still tell
        names = {}

    def table(name: str) -> RawTable | None:
        try:
            return source.table(names[name.lower()]) if name.lower() in names else None
        except Exception:  # noqa: BLE001 - an unreadable table says nothing about the language
            return None

    return language_of(table, sheet_names)


def language_of(table: Callable[[str], RawTable | None], sheet_names: Iterable[str] = ()) -> str:
    """The workbook's language ('id' or 'en'), the one rule everything asks, by the first that says:
    the language setting (tblSettings, when its `language` key holds a value), the profile's language
    (tblProfile), the KPI table's headers (more English labels than Indonesian ones), the product's
    own sheets (an English Dashboard or Validation sheet among `sheet_names`); else Indonesian.

    `table(name)` gives a table by its contract name, or None; the tables are read only as far as
    needed, and what they hold is not reported (that is the reader's job).
    """
    settings = table(c.SETTINGS.name)
    if settings is not None:
        rows = _map_columns(settings, [])
        if _has_key(rows, "language"):
            return read_settings(rows).language.value
    profile = table(c.PROFILE.name)
    if profile is not None:
        said = read_profile(_map_columns(profile, [])).language
        if said is not None:
            return said.value
    kpis = table(c.KPIS.name)
    if kpis is not None:
        english = {c.normalise_header(col.label_en) for col in c.KPIS.columns}
        indonesian = {c.normalise_header(col.label_id) for col in c.KPIS.columns}
        heads = {c.normalise_header(h) for h in kpis.headers}
        if len(heads & english - indonesian) > len(heads & indonesian - english):
            return "en"
        return "id"
    names = set(sheet_names)
    if c.DASHBOARD_SHEET["en"] in names or c.VALIDATION_SHEET["en"] in names:
        return "en"
    return "id"


def _has_key(rows: Rows, key: str) -> bool:
    return any(
        c.normalise_header(parse_text(r.get("key"))) == key and not is_blank(r.get("value"))
        for _, r in rows
    )


# --- one reader per table -------------------------------------------------------------------


def _required(rows: Rows, i: int, r: dict[str, Any], keys: tuple[str, ...]) -> None:
    for key in keys:
        if key in r and is_blank(r[key]) and (i, rows.columns[key]) not in rows.raw.errors:
            rows.flag(Problem.BLANK, i, key)


# (table, column key) -> the column's kind: the contract's, looked up once (a scan of the table's
# columns for every cell cost 10,000 KPIs 0.02 s).
_KINDS = {(t.name, col.key): col.kind for t in c.TABLES.values() for col in t.columns}


def _number(rows: Rows, i: int, key: str, value: Any) -> float | None:
    """A number cell (a problem when it is not one, or when read from text); percent columns by
    the contract's one percent rule (workbook.cells.parse_percent)."""
    if value == "" or value is None:  # the common empty cell: blank, as parse_number reads it
        return None
    kind = _KINDS[rows.raw.name, key]
    if kind in c.PERCENT_TOPS:
        parsed = parse_percent(value, kind, rows.lang)
    else:
        parsed = parse_number(value, rows.lang)
    if parsed.absurd is not None:
        rows.flag(Problem.ABSURD, i, key, number_shown(parsed.absurd))
        return None
    if not parsed.ok:
        rows.flag(Problem.NOT_NUMBER, i, key, value)
        return None
    if parsed.from_text and parsed.value is not None:
        rows.flag(Problem.TEXT_NUMBER, i, key, value, parsed.value)
    return parsed.value


def _choice(rows: Rows, i: int, key: str, value: Any, enum: Any, default: Any) -> Any:
    if is_blank(value):
        return default
    member = enum.parse(value)
    if member is None:
        words = enum.ambiguity(value) or (
            ", ".join(enum.choices("id")),
            ", ".join(enum.choices("en")),
        )
        rows.flag(Problem.NOT_CHOICE, i, key, parse_text(value), words)
        return default
    return member


def _perspectives(rows: Rows, card: Scorecard) -> None:
    for i, r in rows:
        _required(rows, i, r, ("id", "name", "weight"))
        weight = _number(rows, i, "weight", r.get("weight"))
        if weight is not None and weight < 0:
            rows.flag(Problem.NEGATIVE_WEIGHT, i, "weight", weight)
            weight = 0.0
        active_cell = r.get("active")
        active = parse_yes_no(active_cell) if not is_blank(active_cell) else True
        if active is None:
            rows.flag(
                Problem.NOT_CHOICE, i, "active", parse_text(active_cell), ("Ya, Tidak", "Yes, No")
            )
            active = True
        order = _number(rows, i, "order", r.get("order"))
        card.perspectives.append(
            Perspective(
                id=parse_id(r.get("id")),
                name=parse_text(r.get("name")),
                weight=weight or 0.0,
                order=int(order) if order is not None else len(card.perspectives) + 1,
                active=active,
                row=i,
            )
        )


def _objectives(rows: Rows, card: Scorecard) -> None:
    for i, r in rows:
        _required(rows, i, r, ("id", "perspective_id", "objective"))
        card.objectives.append(
            Objective(
                id=parse_id(r.get("id")),
                perspective_id=parse_id(r.get("perspective_id")),
                name=parse_text(r.get("objective")),
                supports=parse_ids(r.get("supports")),
                description=parse_text(r.get("description")),
                row=i,
            )
        )


def _kpis(rows: Rows, card: Scorecard) -> None:
    for i, r in rows:
        _required(rows, i, r, ("id", "objective_id", "name", "polarity"))
        weight = _number(rows, i, "weight", r.get("weight"))
        if weight is not None and weight < 0:
            rows.flag(Problem.NEGATIVE_WEIGHT, i, "weight", weight)
            weight = 0.0
        card.kpis.append(
            Kpi.model_construct(  # every field is parsed above; skipping re-validation keeps 10,000 KPIs fast
                id=parse_id(r.get("id")),
                objective_id=parse_id(r.get("objective_id")),
                name=parse_text(r.get("name")),
                definition=parse_text(r.get("definition")),
                unit=parse_text(r.get("unit")),
                polarity=_choice(
                    rows, i, "polarity", r.get("polarity"), Polarity, Polarity.MAXIMIZE
                ),
                weight=1.0 if weight is None else weight,
                baseline=_number(rows, i, "baseline", r.get("baseline")),
                frequency=_choice(
                    rows, i, "frequency", r.get("frequency"), Frequency, Frequency.QUARTERLY
                ),
                aggregation=_choice(
                    rows, i, "aggregation", r.get("aggregation"), Aggregation, Aggregation.LAST
                ),
                data_source=parse_text(r.get("data_source")),
                method=parse_text(r.get("method")),
                owner=parse_text(r.get("owner")),
                **_kpi_practice(rows, i, r),
                row=i,
            )
        )


def _kpi_practice(rows: Rows, i: int, r: dict[str, Any]) -> dict[str, Any]:
    """The SPEC 8 cells of a KPI row (each optional: a column that is not there reads as blank)."""
    kpi_type = _choice(rows, i, "kpi_type", r.get("kpi_type"), KpiType, None)
    public_cell = r.get("public")
    public = parse_yes_no(public_cell) if not is_blank(public_cell) else True
    if public is None:
        rows.flag(
            Problem.NOT_CHOICE, i, "public", parse_text(public_cell), ("Ya, Tidak", "Yes, No")
        )
        public = True
    return {
        "kpi_type": kpi_type.value if kpi_type is not None else "",
        "annual_target": _number(rows, i, "annual_target", r.get("annual_target")),
        "plan_target": _number(rows, i, "plan_target", r.get("plan_target")),
        "national_target": _number(rows, i, "national_target", r.get("national_target")),
        "public": public,
    }


def _initiatives(rows: Rows, card: Scorecard) -> None:
    for i, r in rows:
        _required(rows, i, r, ("id", "name"))
        dates = {}
        for key in ("start", "end"):
            day, ok = parse_date(r.get(key))
            if not ok:
                rows.flag(Problem.BAD_DATE, i, key, r.get(key))
            dates[key] = day
        progress = _number(rows, i, "progress", r.get("progress"))
        card.initiatives.append(
            Initiative(
                id=parse_id(r.get("id")),
                name=parse_text(r.get("name")),
                objective_ids=parse_ids(r.get("objective_ids")),
                kpi_ids=parse_ids(r.get("kpi_ids")),
                owner=parse_text(r.get("owner")),
                start=dates["start"],
                end=dates["end"],
                budget=_number(rows, i, "budget", r.get("budget")),
                spent=_number(rows, i, "spent", r.get("spent")),
                progress=progress,
                status=parse_text(r.get("status")),
                note=parse_text(r.get("note")),
                row=i,
            )
        )


def _revisions(rows: Rows, card: Scorecard) -> None:
    for i, r in rows:
        day, ok = parse_date(r.get("date"))
        if not ok:
            rows.flag(Problem.BAD_DATE, i, "date", r.get("date"))
        card.revisions.append(
            Revision(
                date=day,
                kpi_id=parse_id(r.get("kpi_id")),
                field=parse_text(r.get("field")),
                old_value=parse_text(r.get("old_value")),
                new_value=parse_text(r.get("new_value")),
                reason=parse_text(r.get("reason")),
                row=i,
            )
        )
