"""The Petunjuk / Guide sheet: the ten steps of the BSC method mapped to sheets and buttons."""

from __future__ import annotations

from functools import partial
from typing import Any

from egov_bsc_xl.i18n.catalogue import tr
from egov_bsc_xl.i18n.language import pick
from egov_bsc_xl.workbook import contract as c
from egov_bsc_xl.workbook.template.guide_sakip import SAKIP, UNITS_FLOW
from egov_bsc_xl.workbook.template.sheets import COMPUTED_FILL, INPUT_FILL, Formats

# (title id, title en, what the method asks id, en, sheets (table specs or output sheet keys), how id, en)
STEPS: tuple[tuple[str, str, str, str, tuple[str, ...], str, str], ...] = (
    (
        "Identifikasi Visi, Misi, dan Tujuan Strategis",
        "Identify the vision, mission and strategic goals",
        "Tinjau visi, misi, dan tujuan strategis yang terkait dengan implementasi e-Government. "
        "Pastikan pemahaman yang jelas tentang arah dan fokus strategis dalam pengembangan e-Government.",
        "Review the vision, mission and strategic goals of the e-Government programme. "
        "Make sure the strategic direction and focus of e-Government development are clearly understood.",
        ("tblProfile", "tblObjectives"),
        "Isi Profil: instansi, unit kerja, tahun, periode laporan, visi, dan satu baris per misi. "
        "Tulis sasaran strategis di lembar Sasaran.",
        "Fill in Profile: agency, unit, year, report period, vision and one row per mission. "
        "Write the strategic objectives on the Objectives sheet.",
    ),
    (
        "Pemetaan Perspektif Balanced Scorecard (BSC)",
        "Map the Balanced Scorecard perspectives",
        "Tentukan perspektif utama yang paling relevan: Pelanggan (warga dan pengguna layanan), "
        "Proses Bisnis, Pembelajaran dan Pertumbuhan, dan Keuangan (opsional).",
        "Choose the perspectives that matter most: Customer (citizens and service users), "
        "Internal process, Learning and growth, and Financial (optional).",
        ("tblPerspectives",),
        "Perspektif sudah terisi empat baris; ubah nama dan bobot (jumlah 100 %), atau isi Aktif = Tidak "
        "untuk mematikan perspektif Keuangan.",
        "Four perspectives are already there; rename them, set the weights (adding up to 100 %), or set "
        "Active = No to switch the Financial perspective off.",
    ),
    (
        "Identifikasi KPI untuk Setiap Perspektif",
        "Identify KPIs for each perspective",
        "Tetapkan KPI per perspektif, misalnya kepuasan pengguna, pengguna aktif, waktu penyelesaian "
        "proses, otomatisasi, pelatihan SDM, adopsi inovasi, penghematan biaya, dan efisiensi anggaran.",
        "Set KPIs per perspective, such as user satisfaction, active users, process completion time, "
        "automation, staff training, innovation adoption, cost savings and budget efficiency.",
        ("tblKpis", "tblKpiLibrary"),
        "Pilih IKU dari Pustaka IKU dan salin ke lembar IKU; hubungkan ke sasaran (ID Sasaran), pilih "
        "polaritas, frekuensi, dan agregasi dari daftar.",
        "Pick KPIs from the KPI Library and copy them to the KPIs sheet; link each to an objective "
        "(Objective ID) and choose polarity, frequency and aggregation from the lists.",
    ),
    (
        "Tetapkan Target Kinerja untuk Setiap KPI",
        "Set performance targets for each KPI",
        "Tetapkan target yang realistis dan dapat dicapai untuk setiap KPI, sesuai tujuan strategis.",
        "Set realistic, achievable targets for each KPI, in line with the strategic goals.",
        ("tblKpis", "tblMeasurements"),
        "Isi baseline, Target Tahunan (PK) dan Target Akhir Renstra di lembar IKU, lalu satu baris "
        "per IKU dan periode di lembar Realisasi dengan Target (atau rentang Target sampai Target "
        "Atas).",
        "Enter the baseline, the annual (PK) and strategic plan targets on the KPIs sheet, then one "
        "row per KPI and period on the Measurements sheet with its Target (or a range from Target "
        "to Upper target).",
    ),
    (
        "Identifikasi Inisiatif Strategis",
        "Identify strategic initiatives",
        "Tentukan inisiatif atau program strategis yang mendukung tujuan dan kinerja KPI, dan pastikan "
        "terkait erat dengan perspektif BSC.",
        "Define the initiatives or programmes that support the goals and KPI performance, closely "
        "linked to the BSC perspectives.",
        ("tblInitiatives",),
        "Satu baris per inisiatif: sasaran dan IKU yang didukung, penanggung jawab, tanggal, anggaran, "
        "realisasi anggaran, dan progres.",
        "One row per initiative: objectives and KPIs it supports, owner, dates, budget, budget spent "
        "and progress.",
    ),
    (
        "Pengukuran dan Pengumpulan Data",
        "Measurement and data collection",
        "Tentukan metode pengukuran dan sumber data untuk mengukur KPI secara berkala, dan pastikan "
        "datanya akurat dan relevan.",
        "Define the measurement method and data source for measuring each KPI regularly, and make sure "
        "the data are accurate and relevant.",
        ("tblKpis", "tblMeasurements"),
        "Lengkapi Sumber Data, Metode, dan Penanggung Jawab di lembar IKU; isi Realisasi tiap periode "
        "beserta Bukti (tautan dokumen).",
        "Complete Data source, Method and Owner on the KPIs sheet; enter each period's Actual with its "
        "Evidence (a document link).",
    ),
    (
        "Implementasi dan Pemantauan",
        "Implementation and monitoring",
        "Terapkan BSC dalam manajemen dan pengambilan keputusan; pantau kinerja KPI dan inisiatif "
        "secara teratur.",
        "Use the BSC in management and decisions; monitor KPI performance and initiatives regularly.",
        ("dashboard", "validation"),
        "Tekan Validasi untuk memeriksa isian, lalu Hitung Ulang untuk mengisi Dasbor: skor, status, "
        "kelengkapan data.",
        "Press Validate to check the entries, then Recalculate to fill the Dashboard: scores, status, "
        "data coverage.",
    ),
    (
        "Evaluasi dan Penyesuaian",
        "Evaluation and adjustment",
        "Lakukan evaluasi periodik berdasarkan hasil BSC; sesuaikan tujuan, KPI, dan inisiatif bila perlu.",
        "Evaluate performance periodically from the BSC results; adjust goals, KPIs and initiatives "
        "where needed.",
        ("tblMeasurements", "tblRevisions", "lkjip"),
        "Isi Analisis dan Rencana Tindak Lanjut pada baris periode laporan IKU yang perlu perhatian "
        "(Hitung Ulang menulisnya ke lembar LKjIP); catat setiap perubahan target atau IKU di "
        "lembar Revisi.",
        "Fill in Analysis and Follow-up action on the report period's row of each KPI that needs "
        "attention (Recalculate writes them to the LKjIP sheet); record every change of a target "
        "or KPI on the Revisions sheet.",
    ),
    (
        "Komunikasi dan Keterlibatan Stakeholder",
        "Communication and stakeholder involvement",
        "Komunikasikan progres dan hasil BSC kepada pemangku kepentingan internal dan eksternal, "
        "termasuk masyarakat umum.",
        "Communicate BSC progress and results to internal and external stakeholders, including the "
        "general public.",
        ("dashboard",),
        "Tekan Buat Presentasi untuk membuat bahan paparan PowerPoint untuk pimpinan dan ringkasan publik.",
        "Press Make deck to create the PowerPoint briefing for leadership and the public summary.",
    ),
    (
        "Pengembangan Kemampuan Organisasi",
        "Organisational capability",
        "Kembangkan kapasitas dan kompetensi SDM terkait e-Government melalui pelatihan, dan dorong "
        "budaya inovasi dan pembelajaran.",
        "Build staff capacity and competence for e-Government through training, and encourage a "
        "culture of innovation and learning.",
        ("tblKpis", "tblKpiLibrary"),
        "Gunakan IKU perspektif Pembelajaran dan Pertumbuhan dari Pustaka IKU (pelatihan, sertifikasi, "
        "literasi digital, inovasi).",
        "Use the Learning and growth KPIs of the KPI Library (training, certification, digital "
        "literacy, innovation).",
    ),
)

BUTTONS = (
    (
        "Validasi",
        "Validate",
        "Memeriksa semua tabel dan menulis daftar temuan (kode E/W, lembar, sel, nilai) ke lembar Validasi.",
        "Checks every table and writes the findings (E/W code, sheet, cell, value) to the Validation sheet.",
    ),
    (
        "Hitung Ulang",
        "Recalculate",
        "Menghitung capaian, skor perspektif dan skor total periode laporan, lalu mengisi Dasbor.",
        "Computes achievement, perspective and overall scores for the report period and fills the Dashboard.",
    ),
    (
        "Buat Presentasi",
        "Make deck",
        "Membuat berkas PowerPoint (pimpinan dan publik) di folder yang sama dengan buku kerja.",
        "Writes the PowerPoint decks (leadership and public) next to the workbook.",
    ),
)


# Characters of a setup note on one line of the guide's columns A:E merged (160 characters wide).
SETUP_LINE = 150


def _sheet_name(key: str, lang: str) -> str:
    if key == "dashboard":
        return c.DASHBOARD_SHEET[lang]
    if key == "validation":
        return c.VALIDATION_SHEET[lang]
    if key == "lkjip":
        return c.LKJIP_SHEET[lang]
    return c.TABLES[key].sheet(lang)


def _column_name(sheet: str, key: str, lang: str) -> str:
    """The header (or profile row label) a SAKIP row of the guide names; empty for a sheet."""
    if not key:
        return ""
    if sheet == "tblProfile":
        return pick(lang, *c.PROFILE_KEYS[key])
    return c.TABLES[sheet].column(key).label(lang)


def write_guide(ws: Any, fmts: Formats, lang: str, formulas: str) -> None:
    """Fill the guide sheet: intro, the ten steps, the buttons, the colour legend, setup notes."""
    t = partial(pick, lang)  # the steps and buttons tables carry both languages beside each other
    ws.hide_gridlines(2)
    ws.set_column(0, 0, 6)
    ws.set_column(1, 1, 30)
    ws.set_column(2, 2, 52)
    ws.set_column(3, 3, 20)
    ws.set_column(4, 4, 52)
    ws.set_row(0, 28)
    ws.write_string(0, 0, tr("template.guide.title", lang), fmts.title())
    ws.write_string(1, 0, tr("template.guide.intro", lang), fmts.hint())
    head = fmts.header()
    body = fmts.get(text_wrap=True, border=1, border_color="#D9D9D9")
    step_fmt = fmts.get(
        bold=True,
        align="center",
        border=1,
        border_color="#D9D9D9",
        font_color="#1F4E79",
        font_size=12,
    )
    bold = fmts.get(bold=True, text_wrap=True, border=1, border_color="#D9D9D9")
    sheet_fmt = fmts.get(
        text_wrap=True,
        border=1,
        border_color="#D9D9D9",
        bg_color="#DDEBF7",
        bold=True,
        font_color="#1F4E79",
    )
    row = 3
    for j, key in enumerate(("no", "step", "what", "sheet", "how")):
        ws.write_string(row, j, tr(f"template.guide.header.{key}", lang), head)
    ws.set_row(row, 22)
    for i, (ti, te, wi, we, sheets, hi, he) in enumerate(STEPS, start=1):
        row += 1
        ws.set_row(row, 66 if max(len(hi), len(he)) > 180 else 52)
        ws.write_number(row, 0, i, step_fmt)
        ws.write_string(row, 1, t(ti, te), bold)
        ws.write_string(row, 2, t(wi, we), body)
        names = list(dict.fromkeys(_sheet_name(k, lang) for k in sheets))
        ws.write_string(row, 3, "\n".join(names), sheet_fmt)
        ws.write_string(row, 4, t(hi, he), body)
    row += 2
    ws.write_string(
        row,
        0,
        tr("template.guide.buttons_title", lang),
        fmts.get(bold=True, font_size=12, font_color="#1F4E79"),
    )
    for bid, ben, di, de in BUTTONS:
        row += 1
        ws.set_row(row, 30)
        ws.merge_range(row, 0, row, 1, t(bid, ben), bold)
        ws.merge_range(row, 2, row, 4, t(di, de), body)
    row = _sakip_rows(ws, fmts, lang, row + 2, bold, body, sheet_fmt)
    row += 2
    ws.write_string(
        row,
        0,
        tr("template.guide.colours_title", lang),
        fmts.get(bold=True, font_size=12, font_color="#1F4E79"),
    )
    row += 1
    ws.merge_range(
        row,
        0,
        row,
        1,
        tr("template.guide.input", lang),
        fmts.get(bg_color=INPUT_FILL, border=1, bold=True),
    )
    ws.merge_range(row, 2, row, 4, tr("template.guide.input_note", lang), body)
    row += 1
    ws.merge_range(
        row,
        0,
        row,
        1,
        tr("template.guide.computed", lang),
        fmts.get(bg_color=COMPUTED_FILL, italic=True, border=1, bold=True),
    )
    ws.merge_range(row, 2, row, 4, tr("template.guide.computed_note", lang), body)
    row += 2
    ws.write_string(
        row,
        0,
        tr("template.guide.setup_title", lang),
        fmts.get(bold=True, font_size=12, font_color="#1F4E79"),
    )
    notes = [tr("template.guide.setup_addin", lang)]
    if formulas == "native":
        # Capaian and Status are plain Excel formulas here: there is nothing to import.
        notes.append(tr("template.guide.setup_native", lang))
    else:
        notes.append(tr("template.guide.setup_udf", lang))
    udf_modules = "" if formulas == "native" else " UDF Modules = egov_bsc_xl.udfs."
    notes.append(tr("template.guide.setup_conf", lang, udf_modules=udf_modules))
    if formulas != "native":
        notes.append(tr("template.guide.setup_no_python", lang))
    notes += [
        tr("template.guide.setup_cli", lang),
        tr("template.guide.setup_update", lang),
    ]
    for note in notes:
        row += 1
        lines = -(-len(note) // SETUP_LINE)  # the xlwings.conf note takes two
        ws.set_row(row, 15 * lines + 3)
        ws.merge_range(row, 0, row, 4, note, body)
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)


def _sakip_rows(
    ws: Any, fmts: Formats, lang: str, row: int, bold: Any, body: Any, sheet_fmt: Any
) -> int:
    """The SAKIP columns and the LKjIP sheet, then the many-units flow; returns the last row."""
    t = partial(pick, lang)
    heading = fmts.get(bold=True, font_size=12, font_color="#1F4E79")
    ws.write_string(row, 0, tr("template.guide.sakip_title", lang), heading)
    for sheet, key, what_id, what_en in SAKIP:
        row += 1
        ws.set_row(row, 30)
        name = _column_name(sheet, key, lang)
        where = _sheet_name(sheet, lang) + (f": {name}" if name else "")
        ws.merge_range(row, 0, row, 1, where, sheet_fmt)
        ws.merge_range(row, 2, row, 4, t(what_id, what_en), body)
    row += 2
    ws.write_string(row, 0, tr("template.guide.units_title", lang), heading)
    for n, (_, text_id, text_en) in enumerate(UNITS_FLOW, start=1):
        row += 1
        ws.set_row(row, 30)
        ws.write_number(row, 0, n, bold)
        ws.merge_range(row, 1, row, 4, t(text_id, text_en), body)
    return row
