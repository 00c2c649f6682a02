"""Reading a workbook: the tables (calamine), the sheet XML scan, parse problems as data."""
