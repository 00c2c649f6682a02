Attribute VB_Name = "BscButtons"
' egov-bsc-xl: the three buttons on the Dasbor / Dashboard sheet.
' Each sub only hands a fixed command to Python through xlwings' RunPython;
' nothing read from a cell is ever run. The Python side lives in egov_bsc_xl.xl.macros.
' Needs the xlwings add-in (xlwings addin install) or the standalone xlwings module.
Option Explicit

' Validasi / Validate: check every table, write the issues to the Validasi sheet.
Public Sub BscValidate()
    RunPython "import egov_bsc_xl.xl.macros as m; m.validate()"
End Sub

' Hitung Ulang / Recalculate: score the report period and fill the Dasbor sheet.
Public Sub BscRecalculate()
    RunPython "import egov_bsc_xl.xl.macros as m; m.recalculate()"
End Sub

' Buat Presentasi / Make deck: write the PowerPoint briefing decks next to the workbook.
Public Sub BscMakeDeck()
    RunPython "import egov_bsc_xl.xl.macros as m; m.make_deck()"
End Sub
