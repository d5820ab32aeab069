"""Spreadsheet exports that cannot carry formulas (docs/traps.md, trap 12).

A visitor's name ``=HYPERLINK("http://evil/", "Click")`` went unchanged into the
registrations CSV and became a live formula in the moderator's spreadsheet. Every
text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
gets a leading apostrophe, which spreadsheets show as text (OWASP's advice).
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell_neutralise(value):
    """``value`` as a cell that no spreadsheet evaluates; other types unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class NeutralisedExportMixin:
    """For Wagtail views with ``SpreadsheetExportMixin`` (snippet and model
    viewsets' index views): CSV and XLSX cells are neutralised."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return spreadsheet_cell_neutralise(value)


def spreadsheet_exports_neutralise() -> None:
    """Neutralise every Wagtail export, not only the views that use the mixin:
    reports (aging pages, locked pages, site history), snippet and model
    viewsets and form submissions all write through
    ``SpreadsheetExportMixin.preprocess_field_value``, and an editor's page title
    or a visitor's name reaches several of them. Idempotent."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin, "_cells_neutralised", False):
        return
    original = SpreadsheetExportMixin.preprocess_field_value

    def preprocess_field_value(self, field, value, export_format):
        return spreadsheet_cell_neutralise(original(self, field, value, export_format))

    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
    SpreadsheetExportMixin._cells_neutralised = True
