# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Samples of ops_meeting for the suite's registry tests
(``ops_suite/tests/test_suite_rules.py``). Minutes and decisions decide
nothing about a person: their steps are declared harmless, so there is no
decision case here."""

from datetime import datetime

from odoo import Command

from odoo.addons.ops_org.tests.common import ops_sample


def _minutes(case):
    event = case.env["calendar.event"].create(
        {
            "name": "Case weekly",
            "start": datetime(2026, 3, 2, 2, 0),
            "stop": datetime(2026, 3, 2, 3, 0),
            "user_id": case.user_head.id,
            "partner_ids": [Command.set((case.user_head | case.user_employee).partner_id.ids)],
            "ops_meeting_type": "weekly",
            "ops_topic": "Release readiness",
            "location": "Room 3",
        }
    )
    return case.env["ops.meeting.minutes"].create(
        {"event_id": event.id, "body": "<p>Release reviewed.</p>"}
    )


@ops_sample("ops.meeting.minutes")
def minutes(case):
    return _minutes(case)


@ops_sample("ops.meeting.decision")
def decision(case):
    return case.env["ops.meeting.decision"].create(
        {
            "minutes_id": _minutes(case).id,
            "name": "Fix the login bug",
            "user_id": case.user_employee.id,
            "deadline": "2026-03-09",
        }
    )
