"""Writing into a workbook: the layout of the owned sheets, the part writers, recalc, the VBA project."""
