# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import re

from odoo.exceptions import UserError, ValidationError
from odoo.tests import HttpCase, tagged

from .common import AppraisalCommon


@tagged("post_install", "-at_install")
class TestCustomerEvaluation(AppraisalCommon, HttpCase):
    """Customers rate an employee through a link, without an Odoo account."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.template.write(
            {"supervisor_weight": 50, "peer_weight": 20, "self_weight": 20, "customer_weight": 10}
        )
        cls.quality = cls.template.criterion_ids.filtered(lambda c: c.name == "Quality")
        cls.quality.customer_rated = True
        cls.customer = cls.env["res.partner"].create(
            {"name": "Client Wang", "email": "wang@client.example.com"}
        )

    def _ask_customer(self):
        appraisal = self.appraisal.with_user(self.user_head)
        appraisal.customer_partner_ids = self.customer
        appraisal.action_request_customer_evaluations()
        return self.evaluation(self.appraisal, "customer")

    def _path(self, evaluation, token=None):
        token = token or evaluation.sudo().access_token
        return f"/ops/appraisal/evaluate/{evaluation.id}?access_token={token}"

    def _csrf(self, html):
        return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)

    def test_department_head_asks_a_customer_who_gets_the_link(self):
        evaluation = self._ask_customer()
        self.assertEqual(len(evaluation), 1)
        self.assertEqual(evaluation.rater_partner_id, self.customer)
        self.assertFalse(evaluation.rater_user_id)
        # Customers rate only the criteria marked for them.
        self.assertEqual(evaluation.line_ids.criterion_id, self.quality)
        mail = self.env["mail.mail"].search([("recipient_ids", "in", self.customer.ids)])
        self.assertEqual(len(mail), 1)
        self.assertIn(self._path(evaluation), mail.body_html)
        # Asking again does not duplicate the evaluation nor the e-mail.
        self.appraisal.with_user(self.user_head).action_request_customer_evaluations()
        self.assertEqual(len(self.evaluation(self.appraisal, "customer")), 1)

    def test_customer_rates_through_the_link(self):
        evaluation = self._ask_customer()
        page = self.url_open(self._path(evaluation))
        self.assertEqual(page.status_code, 200)
        self.assertIn("Employee", page.text)
        self.assertIn("Quality", page.text)
        self.assertNotIn("Articles published", page.text)
        csrf = self._csrf(page.text)
        data = {
            "csrf_token": csrf,
            "access_token": evaluation.sudo().access_token,
            f"rating_{evaluation.line_ids.id}": "5",
            "comment": "Always on time",
        }
        done = self.url_open(f"/ops/appraisal/evaluate/{evaluation.id}", data=data)
        self.assertEqual(done.status_code, 200)
        self.assertIn("Thank you", done.text)
        evaluation.invalidate_recordset()
        self.assertEqual(evaluation.state, "done")
        self.assertEqual(evaluation.score, 100.0)
        self.assertEqual(evaluation.comment, "Always on time")
        self.assertTrue(
            self.appraisal.message_ids.filtered(lambda m: "Client Wang submitted" in m.body)
        )
        # The customer's score enters the weighting: supervisor 50, customer 10.
        self.rate(self.evaluation(self.appraisal, "supervisor"), rating=3, value=50)
        self.assertAlmostEqual(self.appraisal.evaluation_score, (50 * 50 + 10 * 100) / 60)
        # A second submission is refused: the page says it was received.
        again = self.url_open(f"/ops/appraisal/evaluate/{evaluation.id}", data=data)
        self.assertIn("was received", again.text)

    def test_incomplete_submission_shows_the_error_and_writes_nothing(self):
        evaluation = self._ask_customer()
        csrf = self._csrf(self.url_open(self._path(evaluation)).text)
        data = {
            "csrf_token": csrf,
            "access_token": evaluation.sudo().access_token,
            "comment": "No ratings",
        }
        page = self.url_open(f"/ops/appraisal/evaluate/{evaluation.id}", data=data)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Rate every criterion", page.text)
        evaluation.invalidate_recordset()
        self.assertEqual(evaluation.state, "todo")
        self.assertFalse(evaluation.comment)
        self.assertFalse(evaluation.line_ids.rating)

    def test_rating_that_is_not_a_number_answers_the_form_again(self):
        # "²".isdigit() is True, but int("²") fails: it answered HTTP 500.
        evaluation = self._ask_customer()
        for raw in ("²", "abc", "99", "0", "-1", "3.5", "٣" * 3):
            with self.subTest(rating=raw):
                csrf = self._csrf(self.url_open(self._path(evaluation)).text)
                data = {
                    "csrf_token": csrf,
                    "access_token": evaluation.sudo().access_token,
                    f"rating_{evaluation.line_ids.id}": raw,
                    "comment": "Squared",
                }
                page = self.url_open(f"/ops/appraisal/evaluate/{evaluation.id}", data=data)
                self.assertEqual(page.status_code, 200)
                self.assertIn("Choose a rating from 1 to 5 for each point.", page.text)
                self.assertIn("Squared", page.text)
        evaluation.invalidate_recordset()
        self.assertEqual(evaluation.state, "todo")
        self.assertFalse(evaluation.line_ids.rating)
        self.assertFalse(evaluation.comment)

    def test_link_without_the_right_token_is_not_found(self):
        evaluation = self._ask_customer()
        self.assertEqual(self.url_open(self._path(evaluation, token="forged")).status_code, 404)
        self.assertEqual(self.url_open(f"/ops/appraisal/evaluate/{evaluation.id}").status_code, 404)
        # A colleague's evaluation has no link, whatever the token.
        supervisor = self.evaluation(self.appraisal, "supervisor")
        self.assertEqual(self.url_open(self._path(supervisor, token="x" * 43)).status_code, 404)

    def test_link_after_the_evaluation_closed(self):
        evaluation = self._ask_customer()
        self.cycle.action_calibrate()
        page = self.url_open(self._path(evaluation))
        self.assertIn("This evaluation is closed", page.text)

    def test_page_in_the_customers_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["ops_appraisal"], ["zh_CN"], overwrite=True
        )
        self.customer.lang = "zh_CN"
        evaluation = self._ask_customer()
        mail = self.env["mail.mail"].search([("recipient_ids", "in", self.customer.ids)])
        self.assertIn("评价", mail.subject)
        page = self.url_open(self._path(evaluation))
        self.assertIn("提交", page.text)

    def test_customer_without_email_is_refused(self):
        self.customer.email = False
        with self.assertRaises(UserError) as error:
            self._ask_customer()
        self.assertIn("no e-mail address", str(error.exception))
        self.assertFalse(self.evaluation(self.appraisal, "customer"))

    def test_customers_rate_only_ratings(self):
        measured = self.template.criterion_ids - self.quality
        with self.assertRaises(ValidationError):
            measured.customer_rated = True

    def test_customer_evaluation_needs_a_customer(self):
        with self.assertRaises(ValidationError):
            self.env["ops.appraisal.evaluation"].create(
                {"appraisal_id": self.appraisal.id, "role": "customer"}
            )
