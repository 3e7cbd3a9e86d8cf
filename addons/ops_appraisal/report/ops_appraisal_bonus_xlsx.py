# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class OpsAppraisalBonusXlsx(models.AbstractModel):
    """The bonus sheet as an Excel workbook (OCA report_xlsx)."""

    _name = "report.ops_appraisal.bonus_sheet_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Bonus Sheet (Excel)"

    def _columns(self):
        _ = self.env._
        return [
            (_("Employee"), "employee_name", 24),
            (_("Department"), "department_id", 20),
            (_("Score"), "score", 10),
            (_("Grade"), "grade_id", 18),
            (_("Coefficient"), "coefficient", 12),
            (_("Bonus Base"), "base", 14),
            (_("Performance Bonus"), "performance_bonus", 18),
            (_("Year-end Bonus"), "year_end_bonus", 16),
            (_("Project Award"), "project_award", 14),
            (_("Total"), "total", 14),
        ]

    def generate_xlsx_report(self, workbook, data, sheets):
        formats = {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "header": workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1}),
            "money": workbook.add_format({"num_format": "#,##0.00"}),
            "number": workbook.add_format({"num_format": "0.00"}),
        }
        for sheet in sheets:
            worksheet = workbook.add_worksheet(sheet.name[:31])
            self._write_header(worksheet, sheet, formats)
            self._write_rows(worksheet, sheet, formats)
        return True

    def _write_header(self, worksheet, sheet, formats):
        worksheet.write(0, 0, f"{sheet.name} - {sheet.cycle_id.name}", formats["title"])
        for col, (label, _field, width) in enumerate(self._columns()):
            worksheet.set_column(col, col, width)
            worksheet.write(2, col, label, formats["header"])

    def _write_rows(self, worksheet, sheet, formats):
        row = 3
        for line in sheet.line_ids:
            for col, (_label, field, _width) in enumerate(self._columns()):
                value = line[field]
                if hasattr(value, "display_name"):
                    worksheet.write(row, col, value.display_name or "")
                elif line._fields[field].type == "monetary":
                    worksheet.write_number(row, col, value, formats["money"])
                elif isinstance(value, float):
                    worksheet.write_number(row, col, value, formats["number"])
                else:
                    worksheet.write(row, col, value or "")
            row += 1
        total_col = len(self._columns()) - 1
        worksheet.write(row, total_col - 1, self.env._("Total"), formats["header"])
        worksheet.write_number(row, total_col, sheet.total, formats["money"])
