"""The egov-bsc command: validate, score, new, recalc, update-vba, deck, demo (SPEC 5); forms, collect (SPEC 9)."""

from __future__ import annotations

import errno
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from egov_bsc_xl.cli_json import dumps, finite
from egov_bsc_xl.errors import BscError
from egov_bsc_xl.garbage import fewer_collections, freeze_for_exit
from egov_bsc_xl.i18n.catalogue import Words, both, slash
from egov_bsc_xl.i18n.formats import os_reason

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Kartu skor berimbang SPBE di Excel / Balanced Scorecard for e-Government in Excel.",
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",  # docstring lines are joined into paragraphs
)

EXIT_OK, EXIT_INVALID, EXIT_UNUSABLE = 0, 1, 2

PathArg = Annotated[Path, typer.Argument(help="Buku kerja .xlsx/.xlsm / workbook file.")]
PeriodOpt = Annotated[
    str | None,
    typer.Option("--period", help="Periode laporan, mis. 2026-Q2 / report period, e.g. 2026-Q2."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Keluaran JSON / JSON output.")]
ForceOpt = Annotated[
    bool,
    typer.Option(
        "--force",
        help="Timpa OUT walau bukan buatan egov-bsc / replace OUT even if egov-bsc did not make it.",
    ),
]


def fail(message: str, code: int = EXIT_UNUSABLE) -> typer.Exit:
    """Print one clear sentence to stderr and return the Exit to raise."""
    typer.echo(message, err=True)
    return typer.Exit(code)


def _analyse(path: Path, period: str | None, *, with_score: bool = True):
    from egov_bsc_xl.app import analyse

    with _period_checked():
        return analyse(path, period, with_trend=False, with_score=with_score)


@contextmanager
def _period_checked() -> Iterator[None]:
    """A bad --period ends with one sentence and exit 2."""
    from egov_bsc_xl.errors import PeriodError

    try:
        yield
    except PeriodError as exc:
        raise fail(both("msg.cli.period", value=exc) + ".") from None


@app.command()
def validate(path: PathArg, as_json: JsonOpt = False) -> None:
    """Periksa buku kerja (kode E/W SPEC 6) / check the workbook. Exit 1 when there are errors."""
    analysis = _analyse(path, None, with_score=False)  # the issues only: nothing is scored
    if as_json:
        payload = {
            "errors": analysis.errors,
            "warnings": analysis.warnings,
            "issues": [i.public() for i in analysis.issues],
        }
        typer.echo(dumps(payload))
    else:
        from egov_bsc_xl.cli_view import show_issues

        show_issues(analysis)
    raise typer.Exit(EXIT_INVALID if analysis.errors else EXIT_OK)


@app.command()
def score(path: PathArg, period: PeriodOpt = None, as_json: JsonOpt = False) -> None:
    """Hitung skor periode laporan / compute the scores of the report period."""
    analysis = _analyse(path, period)
    assert analysis.report is not None
    if as_json:
        typer.echo(dumps(analysis.report.public()))
    else:
        from egov_bsc_xl.cli_view import show_scores

        show_scores(analysis)
    if analysis.errors:
        typer.echo(both("msg.cli.score_errors", count=analysis.errors) + ".", err=True)
    raise typer.Exit(EXIT_INVALID if analysis.errors else EXIT_OK)


@app.command()
def new(
    path: Annotated[Path, typer.Argument(help="Berkas .xlsm baru / new .xlsm file.")],
    lang: Annotated[
        str, typer.Option("--lang", help="Bahasa buku kerja: id atau en / workbook language.")
    ] = "id",
    formulas: Annotated[
        str,
        typer.Option(
            "--formulas",
            help="udf (fungsi Python, bawaan) atau native (rumus Excel biasa) / udf or native.",
        ),
    ] = "udf",
    demo: Annotated[
        bool, typer.Option("--demo", help="Isi dengan data contoh / fill with demo data.")
    ] = False,
    standalone: Annotated[
        bool,
        typer.Option(
            "--standalone",
            help="Sertakan modul VBA xlwings (tanpa add-in) / embed xlwings' VBA module.",
        ),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Timpa berkas yang ada / overwrite an existing file.")
    ] = False,
    bands: Annotated[
        str,
        typer.Option(
            "--bands",
            help="Preset pita status: default, permendagri86 atau nko / status band preset.",
        ),
    ] = "default",
) -> None:
    """Buat buku kerja templat .xlsm (kosong atau demo) / create a blank or demo .xlsm workbook."""
    from egov_bsc_xl.i18n.language import LANGUAGE_CODES
    from egov_bsc_xl.workbook.template.build import build_template

    if lang not in LANGUAGE_CODES:
        raise fail(both("msg.cli.lang", value=lang) + ".")
    if formulas not in ("udf", "native"):
        raise fail(both("msg.cli.formulas", value=formulas) + ".")
    from egov_bsc_xl.model.band_presets import BAND_PRESETS

    if bands not in BAND_PRESETS:
        raise fail(both("msg.cli.bands", presets=", ".join(BAND_PRESETS), value=bands) + ".")
    written = build_template(
        path, lang, formulas, demo=demo, standalone=standalone, overwrite=force, bands=bands
    )
    typer.echo(f"{slash('msg.cli.written')}: {written}")


@app.command()
def recalc(
    path: PathArg,
    period: PeriodOpt = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Tulis ke berkas lain; PATH tidak diubah / write to another file.",
        ),
    ] = None,
    force: ForceOpt = False,
) -> None:
    """Tulis lembar Dasbor, LKjIP dan Validasi / write the Dashboard, Performance Report and Validation sheets.

    Without --output the workbook itself is rewritten (everything else in it is kept) and the
    previous file is kept as NAME.bak.xlsm. An existing OUT is replaced only when egov-bsc made it
    (or with --force). Exit 1 when validation found errors (the sheets are written all the same),
    2 when the file cannot be read or written, or another run is writing it.
    """
    from egov_bsc_xl.app import recalc as run_recalc
    from egov_bsc_xl.cli_view import recalc_summary

    with _period_checked():
        result = run_recalc(path, period, output, force=force)
    typer.echo(recalc_summary(result))
    raise typer.Exit(EXIT_INVALID if result.analysis.errors else EXIT_OK)


@app.command("update-vba")
def update_vba(
    path: Annotated[Path, typer.Argument(help="Buku kerja .xlsm / .xlsm workbook.")],
    standalone: Annotated[
        bool | None,
        typer.Option(
            "--standalone/--addin",
            help="Ganti ke modul xlwings tertanam / ke add-in (bawaan: tetap seperti sekarang) / "
            "switch to the embedded xlwings module or to the add-in (default: keep).",
        ),
    ] = None,
) -> None:
    """Perbarui makro VBA buku kerja / refresh the workbook's VBA (buttons, BSC_* functions, xlwings).

    Run it after upgrading egov-bsc-xl or xlwings: our modules, the functions' wrapper module and,
    in a --standalone workbook, xlwings' own module (which names an xlwings version) are replaced
    by the current ones. Everything else in the workbook is kept; the previous file is kept as
    NAME.bak.xlsm. Close the workbook in Excel first.
    """
    from egov_bsc_xl.workbook.writing.vba import update_vba as run_update

    result = run_update(path, standalone)
    variant = slash("msg.cli.vba_standalone" if result.standalone else "msg.cli.vba_addin")
    modules = ", ".join(result.modules)
    typer.echo(f"{slash('msg.cli.vba_refreshed')}: {result.path} ({variant}; {modules})")
    if result.removed:
        typer.echo(f"{slash('msg.cli.modules_removed')}: {', '.join(result.removed)}")
    if result.backup is not None:
        typer.echo(f"{slash('msg.cli.backup')}: {result.backup}")
    raise typer.Exit(EXIT_OK)


@app.command()
def deck(
    path: PathArg,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            help="Berkas .pptx / output .pptx (bawaan: NAMA-AUDIENS-PERIODE.pptx di samping buku kerja / default beside the workbook).",
        ),
    ] = None,
    period: PeriodOpt = None,
    audience: Annotated[
        str,
        typer.Option(
            "--audience",
            help="leadership (pimpinan, lengkap) atau public (ringkas, maks. 6 slide).",
        ),
    ] = "leadership",
    master: Annotated[
        Path | None,
        typer.Option(
            "--master",
            help="Master .pptx sendiri dengan nama tata letak yang sama / your own master .pptx.",
        ),
    ] = None,
    force: ForceOpt = False,
    allow_logo_outside: Annotated[
        bool,
        typer.Option(
            "--allow-logo-outside",
            help="Izinkan logo profil di luar folder buku kerja / allow a profile logo outside "
            "the workbook's folder.",
        ),
    ] = False,
) -> None:
    """Buat presentasi PowerPoint / write the briefing deck (SPEC 7).

    Exit 0 when the deck is written, also when the workbook has validation errors (the deck then
    has a data-quality slide listing them); exit 1 when errors leave nothing to score, so no deck
    is made; exit 2 for unusable input (missing file, not a workbook, bad --period, --audience or --master)
    and for an existing --output file that egov-bsc did not make (unless --force).
    """
    from egov_bsc_xl.app import NothingToScore, deck_inputs, make_deck
    from egov_bsc_xl.deck.build import default_output
    from egov_bsc_xl.workbook.opc.files import check_overwrite

    if output is not None:
        check_overwrite(output, force)

    if audience not in ("leadership", "public"):
        raise fail(both("msg.cli.audience", value=audience) + ".")
    try:
        with _period_checked():
            analysis, units = deck_inputs(path, period, path)
    except NothingToScore as exc:
        errors = exc.analysis.errors
        raise fail(
            both("msg.cli.no_scores", errors=errors, path=path) + ".", EXIT_INVALID
        ) from None
    target = output or default_output(path, audience, analysis.period.code)
    written = make_deck(
        analysis,
        audience,
        target,
        master,
        base_dir=path.parent,
        allow_logo_outside=allow_logo_outside,
        on_warning=lambda note: typer.echo(note, err=True),
        units=units,
    )
    typer.echo(f"{slash('msg.cli.deck_written')}: {written}")
    if analysis.errors:
        typer.echo(both("msg.cli.deck_errors", count=analysis.errors) + ".", err=True)
    raise typer.Exit(EXIT_OK)


_DEMO_STEPS = {
    step: slash(f"msg.cli.demo_{step}")
    for step in ("build", "recalc", "leadership", "public", "family")
}


@app.command()
def demo(
    folder: Annotated[Path, typer.Argument(help="Folder keluaran / output folder.")] = Path(
        "egov-bsc-demo"
    ),
) -> None:
    """Jalankan seluruh produk pada contoh Diskominfo / run the whole product on a demo agency.

    Builds the Indonesian demo workbook, validates and recalculates it, and writes the leadership
    and the public deck into FOLDER. Running it again replaces only these files.
    """
    from rich.console import Console

    from egov_bsc_xl.app import DEMO_STEPS
    from egov_bsc_xl.app import demo as run_demo
    from egov_bsc_xl.i18n.formats import fmt_percent

    console = Console(stderr=True)
    with console.status(_DEMO_STEPS[DEMO_STEPS[0]]) as status:

        def step(name: str) -> None:
            status.update(_DEMO_STEPS[name])
            console.print(f"[green]✓[/] {_DEMO_STEPS[name]}", highlight=False)

        result = run_demo(folder, step)
    a = result.analysis
    assert a is not None and a.report is not None
    overall = a.report.overall
    typer.echo(f"{slash('msg.cli.demo_done')}: {result.folder.resolve()}")
    typer.echo(f"  {slash('msg.cli.demo_workbook'):<29}: {result.workbook}")
    typer.echo(f"  {slash('msg.cli.demo_leaders'):<29}: {result.decks['leadership']}")
    typer.echo(f"  {slash('msg.cli.demo_publicdeck'):<29}: {result.decks['public']}")
    if result.family:
        family = next(iter(result.family.values())).parent
        typer.echo(f"  {slash('msg.cli.demo_family_folder'):<29}: {family}")
    typer.echo(
        f"  {a.card.profile.agency}, {a.period.label('id')}: skor {fmt_percent(overall.score)} "
        f"{overall.band}, cakupan data {fmt_percent(overall.coverage, decimals=0)}; "
        f"{a.errors} kesalahan, {a.warnings} peringatan"
    )
    raise typer.Exit(EXIT_OK)


@app.command()
def consolidate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Buku kerja induk; dengan --units: berkas atau folder unit / the parent workbook; "
            "with --units: unit files or folders."
        ),
    ] = None,
    period: PeriodOpt = None,
    as_json: JsonOpt = False,
    units: Annotated[
        bool,
        typer.Option(
            "--units",
            help="Bandingkan unit tanpa induk (perlu --output) / compare units without a parent "
            "(needs --output).",
        ),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Buku kerja pembanding (--units), atau induk ditulis ke berkas lain / the "
            "comparison workbook (--units), or the parent written to another file.",
        ),
    ] = None,
    force: ForceOpt = False,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="Jumlah proses (bawaan: semua inti) / processes (default: all cores).",
        ),
    ] = None,
) -> None:
    """Konsolidasikan unit ke buku kerja induk / roll the units up into the parent workbook.

    `consolidate PARENT` reads every active unit of the parent's tblUnits (in parallel), rolls up
    the KPIs with an *Agregasi Unit*, scores the parent and writes its Dasbor, Validasi and
    Konsolidasi sheets (everything else kept, previous file as NAME.bak.xlsm).
    `consolidate --units FILE_OR_DIR... --output COMPARE.xlsx` compares units without a parent.
    Exit 1 when the parent has validation errors or a unit is missing, unusable or has no data for
    the period; 2 when the parent cannot be read or written, or for a usage error.
    """
    from rich.console import Console

    from egov_bsc_xl import consolidate as cons
    from egov_bsc_xl.cli_view import consolidate_summary

    given = list(paths or [])
    console = Console(stderr=True)  # progress on a terminal only; nothing when redirected
    reading = "Membaca unit / reading units"
    status = console.status(reading)

    def progress(done: int, total: int, _summary: object) -> None:
        status.update(f"{reading} {done}/{total}")

    if units:
        if output is None:
            raise fail(both("msg.cli.units_output") + ".")
        if not given:
            raise fail(both("msg.cli.units_none") + ".")
        with _period_checked(), status:
            result = cons.compare(
                given, output, period, force=force, workers=workers, on_unit=progress
            )
    else:
        if len(given) != 1:
            raise fail(both("msg.cli.one_parent") + ".")
        with _period_checked(), status:
            result = cons.consolidate(
                given[0], period, output, force=force, workers=workers, on_unit=progress
            )
    if as_json:
        typer.echo(dumps(result.report.public()))
    else:
        typer.echo(consolidate_summary(result, result.language))
    raise typer.Exit(result.exit_code)


@app.command()
def forms(
    path: PathArg,
    period: PeriodOpt = None,
    by: Annotated[
        str,
        typer.Option(
            "--by",
            help="owner (bawaan / default) atau unit: satu formulir per ... / one form per ...",
        ),
    ] = "owner",
    output: Annotated[
        Path | None,
        typer.Option("--output", help="Folder keluaran / output folder (bawaan: forms-PERIODE)."),
    ] = None,
) -> None:
    """Buat formulir isian per penanggung jawab / write one data-entry form per KPI owner (SPEC 9)."""
    from egov_bsc_xl.forms.make import make_forms
    from egov_bsc_xl.forms.view import forms_summary

    with _period_checked():
        result = make_forms(path, period, by, output)
    typer.echo(forms_summary(result))
    raise typer.Exit(EXIT_OK)


@app.command()
def collect(
    path: PathArg,
    form_files: Annotated[
        list[Path], typer.Argument(help="Formulir yang kembali / returned forms.")
    ],
    overwrite: Annotated[
        bool,
        typer.Option("--overwrite", help="Timpa nilai yang berbeda / replace differing values."),
    ] = False,
    period: PeriodOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Masukkan isian formulir ke tabel Realisasi / collect returned forms into tblMeasurements (SPEC 9).

    Exit 0 when everything is collected, 1 when something is missing, in conflict, refused or
    invalid, 2 when the workbook or every form is unusable.
    """
    from egov_bsc_xl.forms.collect import collect as run_collect
    from egov_bsc_xl.forms.view import collect_summary

    with _period_checked():
        result = run_collect(path, form_files, overwrite=overwrite, period=period)
    if as_json:
        typer.echo(json.dumps(finite(result.public()), ensure_ascii=False, indent=2))
    else:
        typer.echo(collect_summary(result))
    raise typer.Exit(result.exit_code)


def _debug() -> bool:
    """EGOV_BSC_DEBUG=1 (or true, yes, on) shows tracebacks; 0, false or empty does not."""
    return os.environ.get("EGOV_BSC_DEBUG", "").strip().lower() in ("1", "true", "yes", "on")


def os_sentence(exc: OSError) -> str:
    """One sentence for a failed read or write: which file, and what the system said."""
    reason_id, reason_en = os_reason(exc)
    name = exc.filename if exc.filename is not None else ""
    if exc.filename2 is not None and exc.errno in (errno.EISDIR, errno.ENOTEMPTY, errno.EEXIST):
        name = exc.filename2
    where = f" {name}" if name else ""
    reason, code = Words(reason_id, reason_en), Words("", f"; errno {exc.errno}")
    return both("msg.cli.os_error", where=where, reason=reason, errno=code) + "."


def main() -> None:
    """Entry point: bad input ends with one sentence and exit 2, never a traceback."""
    with fewer_collections():  # given back after: a caller in the same process keeps its own
        _run()


def command() -> None:
    """The `egov-bsc` script (and `python -m egov_bsc_xl.cli`): `main`, then the process ends, its
    objects frozen so that the interpreter's shutdown does not walk them (garbage.py)."""
    try:
        main()
    finally:
        freeze_for_exit()


def _run() -> None:
    try:
        code = app(standalone_mode=False)
        sys.exit(code if isinstance(code, int) else EXIT_OK)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except BscError as exc:
        typer.echo(str(exc), err=True)
        sys.exit(EXIT_UNUSABLE)
    except (typer.Abort, KeyboardInterrupt):
        typer.echo(both("msg.cli.aborted") + ".", err=True)
        sys.exit(EXIT_UNUSABLE)
    except OSError as exc:
        if _debug():
            raise
        typer.echo(os_sentence(exc), err=True)
        sys.exit(EXIT_UNUSABLE)
    except MemoryError:
        typer.echo(both("msg.cli.memory") + ".", err=True)
        sys.exit(EXIT_UNUSABLE)
    except Exception as exc:  # noqa: BLE001 - the last guard before a user would see a traceback
        if hasattr(exc, "show") and hasattr(
            exc, "exit_code"
        ):  # the parser's usage error (click or typer's own)
            exc.show()
            sys.exit(EXIT_UNUSABLE)
        if _debug():
            raise
        _unexpected(exc)
    except (
        BaseException
    ) as exc:  # a native library's panic (pyo3's PanicException) is a BaseException
        if isinstance(exc, SystemExit | GeneratorExit) or _debug():
            raise
        _unexpected(exc)


def _unexpected(exc: BaseException) -> None:
    detail = " ".join(str(exc).split())[:300]
    typer.echo(
        both("msg.cli.unexpected", error=Words(f"{type(exc).__name__}: {detail}", "")) + ".",
        err=True,
    )
    sys.exit(EXIT_UNUSABLE)


if __name__ == "__main__":
    command()
