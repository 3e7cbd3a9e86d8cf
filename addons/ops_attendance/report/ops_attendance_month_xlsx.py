# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class OpsAttendanceMonthXlsx(models.AbstractModel):
    """The monthly attendance as an Excel workbook (OCA report_xlsx): one
    sheet per department, one row per employee, as the reader may see them."""

    _name = "report.ops_attendance.month_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Monthly Attendance (Excel)"

    def _columns(self):
        _ = self.env._
        return [
            ("planned_days", _("Working Days")),
            ("worked_days", _("Days Worked")),
            ("late_count", _("Late Arrivals")),
            ("late_minutes", _("Minutes Late")),
            ("early_count", _("Early Departures")),
            ("early_minutes", _("Minutes Left Early")),
            ("absence_days", _("Absence Without Leave (Days)")),
            ("leave_days", _("Time Off (Days)")),
            ("overtime_hours", _("Overtime (Hours)")),
        ]

    def _write_header(self, sheet, month, formats):
        _ = self.env._
        sheet.write(0, 0, _("Attendance %(month)s", month=month.name), formats["title"])
        labels = [
            _("Employee"),
            *[label for _name, label in self._columns()],
            _("Time Off by Type"),
        ]
        for col, label in enumerate(labels):
            sheet.write(2, col, label, formats["header"])
        sheet.set_column(0, 0, 28)
        sheet.set_column(1, len(labels), 14)

    def _write_rows(self, sheet, lines, formats):
        row = 3
        for line in lines:
            sheet.write(row, 0, line.employee_id.name)
            for col, (name, _label) in enumerate(self._columns(), start=1):
                sheet.write_number(row, col, line[name], formats["number"])
            sheet.write(row, len(self._columns()) + 1, line.leave_summary or "")
            row += 1

    def generate_xlsx_report(self, workbook, data, months):
        formats = {
            "header": workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1}),
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "number": workbook.add_format({"num_format": "0.##"}),
        }
        Line = self.env["ops.attendance.month.line"]
        for month in months:
            lines = Line.search([("month_id", "=", month.id)])
            used = set()
            for department, dept_lines in lines.grouped("department_id").items():
                title = department.name or self.env._("No Department")
                # Sheet names: 31 characters at most, unique in the workbook.
                name = title[:28]
                suffix = 2
                while name.lower() in used:
                    name = f"{title[:26]} {suffix}"
                    suffix += 1
                used.add(name.lower())
                sheet = workbook.add_worksheet(name)
                self._write_header(sheet, month, formats)
                self._write_rows(sheet, dept_lines, formats)
        return True
