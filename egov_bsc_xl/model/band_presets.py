"""Status band presets (SPEC 8): `egov-bsc new --bands P` fills tblBands from one of these.

Lower bounds are fractions of achievement (0.91 = 91 %), read top down; the lowest band
catches everything below. Sources are named in the README ("Pita status").
"""

from __future__ import annotations

from egov_bsc_xl.model.scorecard import DEFAULT_BANDS, Band

_INF = float("-inf")
DARK_GREEN, GREEN, YELLOW, ORANGE, RED = "#1B5E20", "#43A047", "#FDD835", "#FB8C00", "#E53935"

BAND_PRESETS: dict[str, tuple[Band, ...]] = {
    # the product's own five bands (SPEC 2)
    "default": DEFAULT_BANDS,
    # the five categories of Permendagri 86/2017 as LKjIPs of local governments use them
    "permendagri86": (
        Band(lower_bound=0.91, label_id="Sangat Tinggi", label_en="Very high", colour=DARK_GREEN),
        Band(lower_bound=0.76, label_id="Tinggi", label_en="High", colour=GREEN),
        Band(lower_bound=0.66, label_id="Sedang", label_en="Medium", colour=YELLOW),
        Band(lower_bound=0.51, label_id="Rendah", label_en="Low", colour=ORANGE),
        Band(lower_bound=_INF, label_id="Sangat Rendah", label_en="Very low", colour=RED),
    ),
    # the traffic light of the Nilai Kinerja Organisasi (NKO): target met / nearly / not met
    "nko": (
        Band(lower_bound=1.00, label_id="Memenuhi target", label_en="Target met", colour=GREEN),
        Band(lower_bound=0.80, label_id="Hampir memenuhi", label_en="Nearly met", colour=YELLOW),
        Band(lower_bound=_INF, label_id="Tidak memenuhi", label_en="Not met", colour=RED),
    ),
}
DEFAULT_PRESET = "default"


def preset_bands(name: str) -> list[Band]:
    """The bands of preset `name` (one of BAND_PRESETS); KeyError for an unknown name."""
    return list(BAND_PRESETS[name])


def preset_of(bands: list[Band]) -> str | None:
    """The name of the preset these bands equal (bounds, labels, colours), else None."""

    def key(items: list[Band] | tuple[Band, ...]) -> list[tuple[float, str, str, str]]:
        return sorted(
            (
                (b.lower_bound if b.lower_bound > _INF else 0.0),
                b.label_id,
                b.label_en,
                b.colour.upper(),
            )
            for b in items
        )

    wanted = key(bands)
    for name, preset in BAND_PRESETS.items():
        if key(preset) == wanted:
            return name
    return None
