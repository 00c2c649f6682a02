Attribute VB_Name = "BscXlwings"
' egov-bsc-xl: the bridge to the xlwings add-in (xlwings addin install).
' The project holds NO reference to the add-in: a missing reference would stop the whole
' project from compiling ("Can't find project or library"). The add-in is called late-bound
' with Application.Run instead, so without it the workbook still opens and compiles, and a
' button or a BSC_* function says in one sentence what to install.
' RunPython and XLPy here have the names the buttons (BscButtons) and the xlwings_udfs
' module call; they hand over to the add-in's own Main.RunPython and Main.XLPy.
' Not part of a --standalone workbook: there xlwings' own module provides both.
Option Explicit

Private Const ADDIN_NAME As String = "xlwings.xlam"
Private Const MISSING As String = "Add-in xlwings belum terpasang: jalankan 'xlwings addin install' " & _
    "di Command Prompt / Terminal, lalu buka ulang Excel (the xlwings add-in is not installed: " & _
    "run 'xlwings addin install', then restart Excel)."

Private Function AddinLoaded() As Boolean
    Dim wb As Object
    On Error Resume Next
    Set wb = Application.Workbooks(ADDIN_NAME)
    AddinLoaded = Not wb Is Nothing
    On Error GoTo 0
End Function

Public Function RunPython(PythonCommand As String)
    If Not AddinLoaded() Then
        MsgBox MISSING, vbExclamation, "egov-bsc-xl"
        Exit Function
    End If
    On Error GoTo failed
    RunPython = Application.Run("'" & ADDIN_NAME & "'!RunPython", PythonCommand)
    Exit Function
failed:
    MsgBox "xlwings: " & Err.Description, vbExclamation, "egov-bsc-xl"
End Function

Public Function XLPy()
    If Not AddinLoaded() Then Err.Raise 1000, "egov-bsc-xl", MISSING
    Set XLPy = Application.Run("'" & ADDIN_NAME & "'!XLPy")
End Function
