# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "OPS Attendance",
    "summary": "Leave approved by authority level, monthly attendance published by HR",
    "version": "18.0.1.3.0",
    "category": "Human Resources",
    "website": "https://github.com/ops-suite/ops-suite",
    "author": "Ops Suite",
    "maintainers": ["ops-suite"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["ops_org", "hr_attendance", "hr_holidays", "report_xlsx"],
    "data": [
        "security/ir.model.access.csv",
        "security/ops_attendance_month_security.xml",
        "security/ops_attendance_dispute_security.xml",
        "security/hr_leave_security.xml",
        "data/hr_leave_data.xml",
        "views/ops_attendance_dispute_views.xml",
        "views/ops_attendance_month_views.xml",
        "views/hr_leave_views.xml",
        "views/hr_leave_type_views.xml",
        "views/res_config_settings_views.xml",
        "report/ops_attendance_month_xlsx.xml",
        "views/ops_attendance_menus.xml",
    ],
    "demo": ["demo/ops_attendance_demo.xml", "demo/hr_leave_demo.xml"],
}
