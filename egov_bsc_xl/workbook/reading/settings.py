"""Reading the key/value tables (tblProfile, tblSettings) and the bands table."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from egov_bsc_xl.model.enums import Language, MinimizeMethod, MissingPolicy
from egov_bsc_xl.model.issues import Problem
from egov_bsc_xl.model.period import parse_period
from egov_bsc_xl.model.scorecard import Band, Profile, Settings
from egov_bsc_xl.workbook.contract import (
    BANDS,
    PROFILE_KEYS,
    SETTING_KEYS,
    SETTING_KINDS,
    normalise_header,
)
from egov_bsc_xl.workbook.reading.cells import (
    is_blank,
    number_shown,
    parse_date,
    parse_number,
    parse_percent,
    parse_text,
)

if TYPE_CHECKING:
    from egov_bsc_xl.workbook.reading.reader import Rows


REPEATABLE_KEYS = frozenset({"mission"})  # keys that may stand on several rows
_YEAR_KEYS = frozenset({"year", "plan_start", "plan_end"})  # profile keys holding a year


def _entries(rows: Rows, known: dict[str, tuple[str, str]]) -> list[tuple[int, str, Any]]:
    """(row, key, value) of each row whose key (or label) names a known key."""
    by_label: dict[str, str] = {}
    for key, labels in known.items():
        by_label[normalise_header(key)] = key
        for label in labels:
            by_label[normalise_header(label)] = key
    out = []
    seen: set[str] = set()
    for i, r in rows:
        name = normalise_header(parse_text(r.get("key"))) if not is_blank(r.get("key")) else ""
        key = by_label.get(name) or by_label.get(normalise_header(parse_text(r.get("label")))) or ""
        if key:
            if key in seen and key not in REPEATABLE_KEYS and not is_blank(r.get("value")):
                rows.flag(Problem.REPEATED_KEY, i, "key", key)  # the later row would win unseen
            if not is_blank(r.get("value")):
                seen.add(key)
            out.append((i, key, r.get("value")))
    return out


def read_profile(rows: Rows) -> Profile:
    profile = Profile()
    for i, key, value in _entries(rows, PROFILE_KEYS):
        if is_blank(value):
            continue
        if key in _YEAR_KEYS:  # year, and the Renstra's first and last years (SPEC 8)
            number = parse_number(value, rows.lang)
            if number.absurd is not None:
                rows.flag(Problem.ABSURD, i, "value", number_shown(number.absurd))
            elif number.value is None or (key != "year" and not number.value.is_integer()):
                rows.flag(Problem.NOT_NUMBER, i, "value", value)
            else:
                setattr(profile, key, int(number.value))
        elif key == "report_period":
            period = parse_period(value)
            if period is None:
                rows.flag(Problem.BAD_PERIOD, i, "value", parse_text(value))
            profile.report_period = period
        elif key == "report_date":
            day, ok = parse_date(value)
            if not ok:
                rows.flag(Problem.BAD_DATE, i, "value", value)
            profile.report_date = day
        elif key == "mission":
            profile.missions.append(parse_text(value))
        elif key == "language":
            profile.language = _word(rows, i, key, value)
        else:
            setattr(profile, key, parse_text(value))
    return profile


# Settings whose value is one of a few words: key -> (enum, the words to suggest).
_WORD_SETTINGS: dict[str, Any] = {
    "minimize_method": MinimizeMethod,
    "missing": MissingPolicy,
    "language": Language,
}


def setting_choices(key: str, lang: str) -> list[str]:
    """The dropdown words of a word setting (the machine keys id/en for the language)."""
    enum = _WORD_SETTINGS[key]
    return [m.value for m in enum] if enum is Language else enum.choices(lang)


def read_settings(rows: Rows) -> Settings:
    settings = Settings()
    for i, key, value in _entries(rows, SETTING_KEYS):
        if is_blank(value):
            continue
        if key in SETTING_KINDS:  # cap, attention_below: percentages (120 typed for 120 %)
            number = parse_percent(value, SETTING_KINDS[key], rows.lang).value
            low_ok = number is not None and (number > 0 if key == "cap" else number >= 0)
            if number is None or not low_ok:
                example = "120 %" if key == "cap" else "100 %"
                rows.flag(Problem.NOT_CHOICE, i, "value", parse_text(value), example)
            else:
                setattr(settings, key, number)
        elif key == "band_preset":
            settings.band_preset = parse_text(value)  # informative: tblBands stays the truth
        elif key in _WORD_SETTINGS:
            word = _word(rows, i, key, value)
            if word is not None:
                setattr(settings, key, word)
    return settings


def _word(rows: Rows, i: int, key: str, value: Any) -> Any:
    """The member a settings word names, or None with a problem noted (suggesting the allowed words)."""
    enum = _WORD_SETTINGS[key]
    member = enum.parse(value)
    if member is None:
        allowed = tuple(", ".join(setting_choices(key, lang)) for lang in ("id", "en"))
        rows.flag(Problem.NOT_CHOICE, i, "value", parse_text(value), allowed)
    return member


def read_bands(rows: Rows) -> list[Band]:
    """Bands from tblBands; lower bounds typed as percent points (91) are read as 91 %."""
    bands = []
    for i, r in rows:
        bound = parse_percent(r.get("lower_bound"), BANDS.column("lower_bound").kind, rows.lang)
        if bound.absurd is not None:
            rows.flag(Problem.ABSURD, i, "lower_bound", number_shown(bound.absurd))
            continue
        if bound.value is None:
            rows.flag(
                Problem.NOT_NUMBER if not bound.ok else Problem.BLANK,
                i,
                "lower_bound",
                r.get("lower_bound"),
            )
            continue
        value = bound.value
        colour = parse_text(r.get("colour")) or "#9E9E9E"
        bands.append(
            Band(
                lower_bound=value,
                label_id=parse_text(r.get("label_id")),
                label_en=parse_text(r.get("label_en")) or parse_text(r.get("label_id")),
                colour=colour if colour.startswith("#") else f"#{colour}",
            )
        )
    return bands
