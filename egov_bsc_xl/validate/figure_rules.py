"""The SPEC 8 checks of the LKjIP figures: W014 (needs attention without analysis or action) and
W015 (an annual target less ambitious than the period targets)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from egov_bsc_xl.calc.attention import needs_attention
from egov_bsc_xl.calc.engine import kpi_frame
from egov_bsc_xl.calc.figures import report_rows, year_rows
from egov_bsc_xl.model.enums import Aggregation, Polarity
from egov_bsc_xl.validate.codes import Code, raises
from egov_bsc_xl.validate.collector import show

if TYPE_CHECKING:
    from egov_bsc_xl.validate.rules import _Pass

# What W014 says is missing: (Indonesian, English) of each column key.
_MISSING_WORDS = {
    "analysis": ("analisis", "analysis"),
    "action": ("rencana tindak lanjut", "follow-up action"),
}
# How W015 names the figure the annual target is held against, by aggregation.
_EXPECTED_WORDS = {
    Aggregation.SUM: ("jumlah target periode", "the sum of the period targets"),
    Aggregation.AVERAGE: ("rata-rata target periode", "the average of the period targets"),
    Aggregation.LAST: ("target periode terakhir", "the last period's target"),
}
TOLERANCE = 1e-9  # relative: sums of decimal targets are not exact


@raises(Code.W014)
def attention_without_follow_up(s: _Pass) -> None:
    """W014 per KPI that needs attention at the report period and whose measurement row of that
    period has no analysis or no action: the blank cell of the row (analysis first), or the KPI's
    id cell when the period has no row. Only in a workbook whose tblMeasurements has the
    analysis or action column."""
    card, chosen = s.card, s.chosen
    if not {"analysis", "action"} & s.columns.get("tblMeasurements", {}).keys():
        return  # a workbook from before SPEC 8 has no place for them: it reads as before
    frame = s.frame if s.frame is not None else kpi_frame(card, chosen)
    attention = needs_attention(frame["achievement"].to_numpy(), card.settings)
    flagged = frame.index[attention].tolist()
    if not flagged:
        return
    rows = report_rows(card, chosen, frame)
    notes = card.follow_ups  # one row of notes per measurement row at most
    texts_of = dict(
        zip(
            notes["row"].tolist(),
            zip(notes["analysis"].tolist(), notes["action"].tolist(), strict=True),
            strict=True,
        )
    )
    kpi_rows = {k.id: k.row for k in reversed(card.kpis)}
    period = (chosen.label("id"), chosen.label("en"))
    for kpi_id in flagged:
        row = rows.get(kpi_id)
        texts = texts_of.get(row) if row is not None else None
        blank = [
            key
            for key, text in zip(("analysis", "action"), texts or (None, None), strict=True)
            if texts is None or not str(text or "")
        ]
        if not blank:
            continue
        missing = [_MISSING_WORDS[key] for key in blank]
        what = (
            " dan ".join(w[0] for w in missing) + f" untuk periode {period[0]}",
            " and ".join(w[1] for w in missing) + f" for {period[1]}",
        )
        if row is None:
            s.col.add(Code.W014, "tblKpis", kpi_rows.get(kpi_id), "id", kpi_id, what)
        else:
            s.col.add(Code.W014, "tblMeasurements", int(row), blank[0], kpi_id, what)


@raises(Code.W015)
def annual_target_ambition(s: _Pass) -> None:
    """W015 per KPI (higher or lower is better) whose annual target is below (above, for lower is
    better) the figure of its period targets of the report year: their sum, average or the last
    period's, by its aggregation. Judged only when every period of the year has a target."""
    card, chosen = s.card, s.chosen
    judged = (Polarity.MAXIMIZE, Polarity.MINIMIZE)
    first = {k.id: k for k in reversed(card.kpis)}  # a repeated id (E010): its first row is scored
    kpis = [k for k in first.values() if k.annual_target is not None and k.polarity in judged]
    if not kpis:
        return
    frame = s.frame if s.frame is not None else kpi_frame(card, chosen)
    m = year_rows(card, chosen, frame)
    m = m[m["kpi_id"].isin([k.id for k in kpis]) & m["target"].notna()]
    m = m.sort_values(["kpi_id", "end_month"])
    targets = {
        kpi_id: (group["target"].to_numpy(), group["end_month"].to_numpy())
        for kpi_id, group in m.groupby("kpi_id", sort=False)
    }
    for k in sorted(kpis, key=lambda k: (k.row is None, k.row or 0)):
        if k.id not in targets or k.annual_target is None:
            continue
        span = int(frame.loc[k.id, "span"])
        values, ends = targets[k.id]
        if len(values) != 12 // span or ends[-1] != 12:
            continue  # the year's targets are not all typed in yet
        expected = {
            Aggregation.SUM: float(np.sum(values)),
            Aggregation.AVERAGE: float(np.mean(values)),
            Aggregation.LAST: float(values[-1]),
        }[k.aggregation]
        slack = TOLERANCE * max(1.0, abs(expected))
        weaker = (
            k.annual_target < expected - slack
            if k.polarity is Polarity.MAXIMIZE
            else k.annual_target > expected + slack
        )
        if weaker:
            words = _EXPECTED_WORDS[k.aggregation]
            what = (f"{words[0]} ({show(expected, 'id')})", f"{words[1]} ({show(expected, 'en')})")
            s.col.add(Code.W015, "tblKpis", k.row, "annual_target", k.annual_target, what)
