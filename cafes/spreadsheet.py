"""CSV files the site writes (cafés, synthesis): every cell made safe to open in a spreadsheet."""
import csv

# What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection"): these first characters.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """A text that would start a formula is kept as text, with a leading apostrophe; numbers pass as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeWriter:
    """`csv.writer` whose every row goes through `safe_cell`, header included: no column is forgotten."""

    def __init__(self, stream, **options):
        self._writer = csv.writer(stream, **options)

    def writerow(self, row):
        return self._writer.writerow([safe_cell(value) for value in row])


def writer(stream, **options) -> SafeWriter:
    return SafeWriter(stream, **options)
