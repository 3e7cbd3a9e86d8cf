# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "OPS Meeting",
    "summary": "Meetings by type with agenda, minutes sent to attendees, decisions followed up",
    "version": "18.0.1.3.0",
    "category": "Productivity/Calendar",
    "website": "https://github.com/ops-suite/ops-suite",
    "author": "Ops Suite",
    "maintainers": ["ops-suite"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["ops_org", "calendar", "hr"],
    "data": [
        "security/ir.model.access.csv",
        "security/ops_meeting_template_security.xml",
        "security/ops_meeting_minutes_security.xml",
        "security/ops_meeting_decision_security.xml",
        "data/ops_meeting_data.xml",
        "data/ir_cron_data.xml",
        "views/ops_meeting_decision_views.xml",
        "views/ops_meeting_minutes_views.xml",
        "views/ops_meeting_template_views.xml",
        "views/calendar_event_views.xml",
        "views/res_config_settings_views.xml",
        "views/ops_meeting_menus.xml",
    ],
    "demo": ["demo/ops_meeting_demo.xml"],
}
