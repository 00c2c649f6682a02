"""Office Open XML vocabulary shared by the workbook and the deck: the namespace, content-type and
relationship-type constants (constants.py) and the one XML escaping (xmltext.py).

Nothing here reads or writes a file; the workbook's package layer is egov_bsc_xl/workbook/opc/package.py.
"""
