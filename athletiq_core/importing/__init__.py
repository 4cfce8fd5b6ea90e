"""Reading activity files: FIT, GPX and TCX, plain or gzipped.

:func:`athletiq_core.importing.parsers.parse_file` turns one file into a list of
:class:`athletiq_core.importing.parsed.ParsedActivity` (several for multisport FIT
files and multi-activity TCX files) or raises an
:class:`athletiq_core.importing.errors.ImportFileError`. Parsing touches no
database; metrics are derived afterwards by :mod:`athletiq_core.metrics`.
"""
