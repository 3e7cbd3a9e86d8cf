# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import tagged

from .common import LifecycleCommon


@tagged("post_install", "-at_install")
class TestReports(LifecycleCommon):
    def _html(self, xmlid, lang=None):
        report = self.env.ref(xmlid)
        if lang:
            report = report.with_context(lang=lang)
        html, _type = report._render_qweb_html(report.report_name, self.project.ids)
        return html.decode()

    def test_initiation_request_form_prints_its_fields_and_review(self):
        self.pass_gate()
        html = self._html("ops_project_lifecycle.project_project_report_initiation")
        self.assertIn("Initiation Request Form", html)
        self.assertIn("background text", html)
        self.assertIn("requirements text", html)
        self.assertIn(self.user_leader.name, html)

    def test_acceptance_report_in_the_users_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["ops_project_lifecycle"], ["zh_CN"], overwrite=True
        )
        self.walk_to("closed")
        html = self._html("ops_project_lifecycle.project_project_report_acceptance", "zh_CN")
        self.assertTrue("项目验收申请报告" in html, "title in Chinese")
        self.assertTrue("goal_completion text" in html)

    def test_initiation_request_form_is_a_pdf(self):
        self.pass_gate()
        report = self.env.ref("ops_project_lifecycle.project_project_report_initiation")
        pdf, kind = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report.report_name, self.project.ids
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
