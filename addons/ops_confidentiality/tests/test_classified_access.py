# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64
from datetime import date, timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.ops_org.tests.common import ops_jobs, run_jobs

from .common import ConfidentialityCommon


@tagged("post_install", "-at_install", "ops_access")
class TestClassifiedAccess(ConfidentialityCommon):
    """A secret record is invisible to a user without the clearance or
    without the need to know, however they ask; visible to one with both."""

    def _sees(self, user, record):
        Model = self.env[record._name].with_user(user)
        return bool(Model.search([("id", "=", record.id)]))

    def assert_invisible(self, user, record):
        Model = self.env[record._name].with_user(user)
        self.assertFalse(Model.search([("id", "=", record.id)]), "search")
        self.assertFalse(
            [r for r in Model.name_search(record.name) if r[0] == record.id], "name_search"
        )
        groups = Model.read_group([("id", "=", record.id)], ["ops_level"], ["ops_level"])
        self.assertFalse(groups, "read_group")
        self.assertEqual(Model.search_count([("id", "=", record.id)]), 0, "search_count")
        with self.assertRaises(AccessError):
            record.with_user(user).read(["name"])
        with self.assertRaises(AccessError):
            record.with_user(user).export_data(["name"])
        attachment = self.env["ir.attachment"].create(
            {
                "name": "spec.txt",
                "raw": b"the plan",
                "res_model": record._name,
                "res_id": record.id,
            }
        )
        with self.assertRaises(AccessError):
            Binary = self.env["ir.binary"].with_user(user)
            Binary._get_stream_from(Binary._find_record(res_id=attachment.id))

    def assert_visible(self, user, record):
        Model = self.env[record._name].with_user(user)
        self.assertEqual(Model.search([("id", "=", record.id)]), record)
        self.assertIn(record.id, [r[0] for r in Model.name_search(record.name)])
        groups = Model.read_group([("id", "=", record.id)], ["ops_level"], ["ops_level"])
        self.assertEqual(groups[0]["ops_level_count"], 1)
        self.assertEqual(record.with_user(user).read(["name"])[0]["name"], record.name)
        self.assertEqual(record.with_user(user).export_data(["name"])["datas"], [[record.name]])

    def test_secret_invisible_without_clearance(self):
        # user_uncleared is on the need-to-know list but has no clearance.
        self.assert_invisible(self.user_uncleared, self.secret)

    def test_secret_invisible_without_need_to_know(self):
        self.assert_invisible(self.user_cleared_other, self.secret)

    def test_secret_invisible_to_officers_without_need_to_know(self):
        self.assert_invisible(self.user_officer, self.secret)
        self.assert_invisible(self.user_leader, self.secret)

    def test_secret_visible_with_clearance_and_need_to_know(self):
        self.assert_visible(self.user_cleared, self.secret)
        attachment = self.env["ir.attachment"].create(
            {
                "name": "spec.txt",
                "raw": b"the plan",
                "res_model": self.secret._name,
                "res_id": self.secret.id,
            }
        )
        found = (
            self.env["ir.binary"].with_user(self.user_cleared)._find_record(res_id=attachment.id)
        )
        stream = self.env["ir.binary"].with_user(self.user_cleared)._get_stream_from(found)
        self.assertEqual(stream.read(), b"the plan")

    def test_department_need_to_know(self):
        self.assert_visible(self.user_member, self.confidential)
        self.assert_invisible(self.user_cleared_other, self.confidential)
        # A confidential clearance does not reach secret records.
        self.secret.ops_need_to_know_department_ids = self.department
        self.assert_invisible(self.user_member, self.secret)

    def test_internal_records_follow_the_model_rules(self):
        for user in (self.user_uncleared, self.user_cleared_other, self.user_member):
            self.assertTrue(self._sees(user, self.internal))

    def test_expired_nda_removes_access_on_next_run(self):
        self.assertTrue(self._sees(self.user_cleared, self.secret))
        self.emp_cleared.ops_nda_ids.date_expiry = date.today() - timedelta(days=1)
        # Until the job runs the clearance stands ...
        queued = self.env(context=dict(self.env.context, queue_job__no_delay=False))
        queued["ops.nda"]._cron_expire()
        self.assertTrue(self._sees(self.user_cleared, self.secret))
        jobs = ops_jobs(self.env, "ops.nda")
        self.assertEqual(set(jobs.mapped("channel")), {"root.ops.confidentiality"})
        run_jobs(self.env, jobs)
        self.assertEqual(set(jobs.mapped("state")), {"done"})
        # ... then it is gone.
        self.assertEqual(self.emp_cleared.ops_clearance, "internal")
        self.assertEqual(self.user_cleared.ops_clearance_rank, 1)
        self.assertFalse(self._sees(self.user_cleared, self.secret))
        self.assertEqual(self.emp_cleared.ops_nda_ids.state, "expired")

    def test_lowering_level_needs_the_officer(self):
        self.cleared_employee(self.user_admin_officer, "secret")
        self.cleared_employee(self.user_officer, "secret")
        self.secret.ops_need_to_know_user_ids |= self.user_admin_officer | self.user_officer
        with self.assertRaisesRegex(UserError, "Only the confidentiality officer"):
            self.secret.with_user(self.user_admin_officer).write({"ops_level": "internal"})
        self.assertEqual(self.secret.ops_level, "secret")
        self.secret.with_user(self.user_officer).write({"ops_level": "confidential"})
        self.assertEqual(self.secret.ops_level, "confidential")

    def test_raising_level_is_free_lowering_is_not(self):
        self.cleared_employee(self.user_admin_officer, "confidential", department=self.department)
        self.internal.with_user(self.user_admin_officer).write({"ops_level": "confidential"})
        self.assertEqual(self.internal.ops_level, "confidential")
        with self.assertRaisesRegex(UserError, "Only the confidentiality officer"):
            self.confidential.with_user(self.user_admin_officer).write({"ops_level": "public"})
        self.assertEqual(self.confidential.ops_level, "confidential")

    def test_classifying_above_own_clearance_refused(self):
        with self.assertRaisesRegex(UserError, "clearance does not cover"):
            self.env["ops.ip.asset"].with_user(self.user_admin_officer).create(
                {"name": "X", "ownership": "own", "kind": "work", "ops_level": "secret"}
            )

    def test_creator_needs_to_know(self):
        self.cleared_employee(self.user_admin_officer, "confidential")
        asset = (
            self.env["ops.ip.asset"]
            .with_user(self.user_admin_officer)
            .create({"name": "Y", "ownership": "own", "kind": "work", "ops_level": "confidential"})
        )
        self.assertIn(self.user_admin_officer, asset.ops_need_to_know_user_ids)
        self.assertTrue(self._sees(self.user_admin_officer, asset))

    def test_access_log(self):
        Log = self.env["ops.confidentiality.access.log"]
        self.secret.with_user(self.user_cleared).web_read({"name": {}})
        self.secret.with_user(self.user_cleared).export_data(["name"])
        attachment = self.env["ir.attachment"].create(
            {
                "name": "spec.txt",
                "datas": base64.b64encode(b"x"),
                "res_model": self.secret._name,
                "res_id": self.secret.id,
            }
        )
        attachment.with_user(self.user_cleared)._to_http_stream()
        logs = Log.search([("res_model", "=", "ops.ip.asset"), ("res_id", "=", self.secret.id)])
        self.assertEqual(sorted(logs.mapped("action")), ["download", "export", "read"])
        self.assertEqual(logs.user_id, self.user_cleared)
        # Internal records are not logged.
        self.internal.with_user(self.user_cleared).web_read({"name": {}})
        self.assertFalse(Log.search([("res_id", "=", self.internal.id)]))

    def test_marking_on_printed_reports(self):
        html = self.env["ir.qweb"]._render("ops_confidentiality.report_marking", {"o": self.secret})
        self.assertIn("o_ops_confidentiality_marking", str(html))
        self.assertIn("Secret", str(html))
        html = self.env["ir.qweb"]._render(
            "ops_confidentiality.report_marking", {"o": self.internal}
        )
        self.assertNotIn("o_ops_confidentiality_marking", str(html))

    def test_banner_on_forms(self):
        arch = self.env["ops.ip.asset"].get_view(view_type="form")["arch"]
        self.assertIn("ops_level not in ('confidential', 'secret')", arch)
