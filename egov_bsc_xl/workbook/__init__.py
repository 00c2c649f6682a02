"""The workbook contract, reading, template building and writing back."""
