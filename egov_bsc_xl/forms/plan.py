"""Which KPIs a form asks for: the rows due in a period, grouped by owner or unit; the workbook id; safe file names."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from egov_bsc_xl.model.enums import Frequency
from egov_bsc_xl.model.period import Period
from egov_bsc_xl.model.scorecard import Kpi, Scorecard

GROUPINGS = ("owner", "unit")
# The months of one period of each frequency.
FREQUENCY_MONTHS = {
    Frequency.MONTHLY: 1,
    Frequency.QUARTERLY: 3,
    Frequency.SEMESTER: 6,
    Frequency.ANNUAL: 12,
}
UNIT_SEPARATOR = re.compile(
    r"\s+[-–—]\s+"
)  # "Diskominfo - Bidang Aplikasi": the unit is "Diskominfo"


@dataclass(frozen=True)
class DueRow:
    """One measurement a form asks for: a KPI and one of its periods."""

    kpi_id: str
    period: Period

    @property
    def key(self) -> str:
        return f"{self.kpi_id}@{self.period.code}"


@dataclass
class Group:
    """The KPIs of one owner (or unit) due in the period, in the KPI table's order."""

    name: str  # the owner (or unit) as typed; "" for KPIs without an owner
    kpis: list[Kpi] = field(default_factory=list)
    rows: list[DueRow] = field(default_factory=list)


def due_periods(kpi: Kpi, period: Period) -> list[Period]:
    """The periods of `kpi` a form for `period` asks for.

    A KPI measured as often as the period is due once; one measured more often is due for each of
    its periods inside it (a monthly KPI three times in a quarter); one measured less often is due
    only when its own period ends with this one (an annual KPI in TW IV, in Semester II and in
    December; a semester KPI in TW II and TW IV).
    """
    months = FREQUENCY_MONTHS[kpi.frequency]
    if months >= period.months:
        return (
            [Period(period.year, period.end_month, months)]
            if period.end_month % months == 0
            else []
        )
    first = period.end_month - period.months + months
    return [Period(period.year, end, months) for end in range(first, period.end_month + 1, months)]


def group_name(kpi: Kpi, by: str) -> str:
    """The owner of a KPI, or with `by="unit"` the unit: the owner's text before ' - ' (the whole
    owner when it has no ' - ')."""
    owner = " ".join(kpi.owner.split())
    if by == "unit":
        return UNIT_SEPARATOR.split(owner, maxsplit=1)[0].strip()
    return owner


def plan(card: Scorecard, period: Period, by: str = "owner") -> list[Group]:
    """The groups that have KPIs due in `period`, in the order their first KPI appears."""
    groups: dict[str, Group] = {}
    for kpi in card.kpis:
        periods = due_periods(kpi, period)
        if not periods or not kpi.id:
            continue
        name = group_name(kpi, by)
        group = groups.setdefault(name.casefold(), Group(name))
        group.kpis.append(kpi)
        group.rows += [DueRow(kpi.id, p) for p in periods]
    return list(groups.values())


def workbook_id(card: Scorecard) -> str:
    """A stable id of the workbook a form belongs to, from what the workbook says of itself: a hash
    of agency, unit, year and the sorted KPI ids (16 hex digits). The workbook itself is not written."""
    profile = card.profile
    parts = [
        " ".join(profile.agency.split()).casefold(),
        " ".join(profile.unit.split()).casefold(),
        str(profile.year or ""),
        ",".join(sorted(k.id for k in card.kpis if k.id)),
    ]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]


_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{p}{n}" for p in ("COM", "LPT") for n in range(1, 10)}
_UNSAFE = re.compile(r"[^A-Za-z0-9]+")
MAX_NAME = 60


def safe_name(text: str, fallback: str) -> str:
    """A file-name part that is safe on Windows, macOS and Linux: ASCII letters and digits joined
    by '-', at most MAX_NAME characters, never a reserved device name; `fallback` when empty."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _UNSAFE.sub("-", ascii_text).strip("-")[:MAX_NAME].strip("-")
    if not slug:
        slug = _UNSAFE.sub("-", fallback).strip("-") or "form"
    if slug.upper() in _RESERVED:
        slug += "-form"
    return slug


def file_names(groups: list[Group], period: Period, fallback: str) -> list[str]:
    """One distinct file name per group: form-<period>-<owner>.xlsx (a number added on a clash)."""
    seen: set[str] = set()
    names = []
    for group in groups:
        base = f"form-{period.code}-{safe_name(group.name, fallback)}"
        name, n = base, 1
        while name.casefold() in seen:
            n += 1
            name = f"{base}-{n}"
        seen.add(name.casefold())
        names.append(f"{name}.xlsx")
    return names
