# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import HttpCase, tagged

from .common import AppraisalCommon


@tagged("post_install", "-at_install")
class TestAppraisalTour(AppraisalCommon, HttpCase):
    def test_rater_submits_an_evaluation_in_the_browser(self):
        self.start_tour(
            "/odoo/action-ops_appraisal.ops_appraisal_evaluation_action_mine",
            "ops_appraisal_rate",
            login="ops_line_manager",
        )
        evaluation = self.evaluation(self.peer_appraisal, "supervisor")
        self.assertEqual(evaluation.state, "done")
        # Quality 4/5 = 75 (60 %), 80 articles of 100 = 80 (40 %).
        self.assertAlmostEqual(evaluation.score, 77.0)

    def test_hr_calibrates_and_reads_the_distribution_in_the_browser(self):
        self.cycle.deadline = "2026-12-07"
        self.start_tour(
            "/odoo/action-ops_appraisal.ops_appraisal_cycle_action",
            "ops_appraisal_calibrate",
            login="ops_hr",
        )
        self.assertEqual(self.cycle.state, "calibration")
