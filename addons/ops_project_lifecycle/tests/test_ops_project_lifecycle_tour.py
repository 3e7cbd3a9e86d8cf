# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import HttpCase, tagged

from .common import LifecycleCommon


@tagged("post_install", "-at_install")
class TestLifecycleTour(LifecycleCommon, HttpCase):
    def test_kanban_card_gate_and_decisions_in_the_browser(self):
        self.pass_gate()
        self.start_tour(
            "/odoo/action-ops_project_lifecycle.project_project_action_lifecycle",
            "ops_project_lifecycle_kanban",
            login="ops_project_lead",
        )
