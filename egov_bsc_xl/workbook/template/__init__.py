"""The workbook template: sheets, formulas, guide, KPI library, demo data."""
