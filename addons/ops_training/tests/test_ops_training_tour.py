# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import HttpCase, tagged

from .common import TrainingCommon


@tagged("post_install", "-at_install")
class TestTrainingTour(TrainingCommon, HttpCase):
    def test_employee_works_on_their_plan_in_the_browser(self):
        plan = self.plan(
            self.emp_employee,
            action_ids=[(0, 0, {"kind": "mentoring", "name": "Weekly mentoring"})],
        )
        self.plan(self.emp_outsider)
        self.start_tour(
            "/odoo/action-ops_training.ops_development_plan_action_mine",
            "ops_training_my_plan",
            login="ops_employee",
        )
        self.assertEqual(plan.path, "Editor, then team lead")
