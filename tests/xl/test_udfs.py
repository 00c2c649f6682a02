"""The Excel functions as plain Python: cells or whole columns in, readable text for bad input."""

import pytest

from egov_bsc_xl.udfs import BSC_ACHIEVEMENT, BSC_STATUS, BSC_WEIGHTED_SCORE


def test_single_cells():
    assert BSC_ACHIEVEMENT(85, 100, "Maksimal") == pytest.approx(0.85)
    assert BSC_ACHIEVEMENT(6.5, 7, "Minimal", 8) == pytest.approx(2 - 6.5 / 7)
    assert BSC_ACHIEVEMENT(150, 100, "maximize") == pytest.approx(1.2)
    assert BSC_ACHIEVEMENT(150, 100, "maximize", None, 1.5) == pytest.approx(1.5)
    assert BSC_ACHIEVEMENT("Ya", None, "Ya/Tidak") == 1.0
    assert BSC_ACHIEVEMENT(None, 100, "Maksimal") is None
    assert BSC_ACHIEVEMENT(4, 5, "Minimal", None, None, "inverse") == pytest.approx(1.2)


def test_whole_columns_return_a_column():
    out = BSC_ACHIEVEMENT(
        [[6.5], [9], [70], ["85,5"], [None]],
        [[7], [7], [80], [100], [5]],
        [["Minimal"], ["Minimal"], ["Maksimal"], ["Maksimal"], ["Maksimal"]],
        [[8], [8], [90], [None], [None]],
    )
    assert [row[0] for row in out[:4]] == pytest.approx([2 - 6.5 / 7, 0.875, 0.875, 0.855])
    assert out[4] == [None]
    assert BSC_STATUS([[0.95], [0.8], [0.7], [0.6], [0.1], [None]]) == [
        ["Sangat Baik"],
        ["Baik"],
        ["Cukup"],
        ["Kurang"],
        ["Sangat Kurang"],
        ["Belum ada data"],
    ]


def test_status_reads_bands_from_table_columns():
    bounds = [[0.91], [0.76], [0.66], [0.51], [0]]
    labels = [["Excellent"], ["Good"], ["Fair"], ["Poor"], ["Very poor"]]
    assert BSC_STATUS(0.8, bounds, labels) == "Good"
    assert BSC_STATUS(0.3, bounds, labels) == "Very poor"


def test_weighted_score_renormalises_over_scores_with_data():
    assert BSC_WEIGHTED_SCORE([[0.9], [None], [0.5]], [[1], [1], [3]]) == pytest.approx(0.6)
    assert BSC_WEIGHTED_SCORE([[None]], [[1]]) == ""


@pytest.mark.parametrize(
    ("call", "text"),
    [
        (lambda: BSC_ACHIEVEMENT("banyak", 100, "Maksimal"), "bukan angka"),
        (lambda: BSC_ACHIEVEMENT(50, 0, "Maksimal"), "target"),
        (lambda: BSC_ACHIEVEMENT(50, 10, "naik-turun"), "polaritas"),
        (lambda: BSC_ACHIEVEMENT([[1], [2]], [[1], [2], [3]], "Maksimal"), "panjang"),
        (lambda: BSC_STATUS("abc"), "bukan angka"),
        (lambda: BSC_WEIGHTED_SCORE([[0.5]], [[-1]]), "negatif"),
    ],
)
def test_bad_input_returns_readable_text(call, text):
    result = call()
    assert isinstance(result, str) and result.startswith("#BSC!") and text in result


def test_words_of_spec_8_and_zero_targets():
    assert BSC_ACHIEVEMENT(0, 0, "Semakin rendah semakin baik") == 1.0
    assert BSC_ACHIEVEMENT(2, 0, "Lower is better") == 0.0
    assert BSC_ACHIEVEMENT(2, 0, "negatif", None, None, "Kebalikan (T/R)") == 0.0
    assert BSC_ACHIEVEMENT(85, 100, "Semakin tinggi semakin baik") == pytest.approx(0.85)
    assert BSC_ACHIEVEMENT(50, 40, "Dalam rentang", 60) == 1.0
    assert BSC_ACHIEVEMENT("Done", None, "Ya/Tidak") == 1.0
    assert BSC_ACHIEVEMENT("0,125", 1, "positif") == pytest.approx(0.125)
    assert BSC_ACHIEVEMENT(1, 0, "Higher is better").startswith("#BSC! target harus > 0")
    assert BSC_ACHIEVEMENT(1, -1, "Lower is better").startswith("#BSC! target harus >= 0")
