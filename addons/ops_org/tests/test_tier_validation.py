# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo_test_helper import FakeModelLoader

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import OpsOrgCommon


def load_approval_tester(cls, *others):
    """Register the test document ``ops.approval.tester`` (and the other
    classes of ``ops_approval_tester`` named in ``others``) and its two
    tiers: the requester's department head, then Leadership above 1000."""
    cls.loader = FakeModelLoader(cls.env, cls.__module__)
    cls.loader.backup_registry()
    # Imported once the registry is saved, as odoo_test_helper requires.
    from . import ops_approval_tester

    cls.loader.update_registry(
        [getattr(ops_approval_tester, name) for name in ("OpsApprovalTester", *others)]
    )
    cls.addClassCleanup(cls.loader.restore_registry)
    model = cls.env["ir.model"]._get("ops.approval.tester")
    cls.env["ir.model.access"].create(
        {
            "name": "tester all",
            "model_id": model.id,
            "perm_read": True,
            "perm_write": True,
            "perm_create": True,
            "perm_unlink": True,
        }
    )
    cls.env["ir.ui.view"].create(
        {
            "model": "ops.approval.tester",
            "name": "ops.approval.tester.form",
            "arch": """<form>
                <header>
                    <button name="action_submit" type="object" string="Submit"/>
                    <field name="state" widget="statusbar"/>
                </header>
                <sheet><field name="name"/><field name="amount"/></sheet>
                <chatter/>
            </form>""",
        }
    )
    Definition = cls.env["tier.definition"]
    cls.tier_head = Definition.create(
        {
            "name": "Department head",
            "model_id": model.id,
            "review_type": "ops_department_head",
            "sequence": 30,
            "approve_sequence": True,
            "ops_deadline_days": 1,
        }
    )
    cls.tier_leadership = Definition.create(
        {
            "name": "Leadership above 1000",
            "model_id": model.id,
            "review_type": "group",
            "reviewer_group_id": cls.group_leadership.id,
            "definition_domain": "[('amount', '>', 1000)]",
            "sequence": 20,
            "approve_sequence": True,
        }
    )
    cls.Tester = cls.env["ops.approval.tester"]


class ApprovalCommon(OpsOrgCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_approval_tester(cls)

    def _request(self, user, amount=100.0):
        record = self.Tester.with_user(user).create({"name": "Camera", "amount": amount})
        record.action_submit()
        return record.with_user(self.env.user)

    def _activities(self, record, user=None):
        domain = [
            ("res_model", "=", record._name),
            ("res_id", "=", record.id),
            ("ops_tier_review_id", "!=", False),
        ]
        if user:
            domain.append(("user_id", "=", user.id))
        return self.env["mail.activity"].search(domain)


@tagged("post_install", "-at_install")
class TestApprovalActivities(ApprovalCommon):
    def test_pending_tier_schedules_activity_for_department_head(self):
        record = self._request(self.user_employee)
        review = record.review_ids
        self.assertEqual(review.reviewer_ids, self.user_head)
        activity = self._activities(record)
        self.assertEqual(activity.user_id, self.user_head)
        self.assertEqual(activity.ops_tier_review_id, review)
        self.assertEqual(
            activity.activity_type_id, self.env.ref("ops_org.mail_activity_type_ops_approval")
        )
        self.assertIn("Department head", activity.summary)

    def test_approve_from_activity_closes_it_and_posts_in_chatter(self):
        record = self._request(self.user_employee)
        activity = self._activities(record).with_user(self.user_head)
        activity.action_ops_approve()
        self.assertEqual(record.validation_status, "validated")
        self.assertEqual(record.review_ids.done_by, self.user_head)
        self.assertFalse(self._activities(record))
        done = (
            self.env["mail.activity"]
            .with_context(active_test=False)
            .search([("ops_tier_review_id", "=", record.review_ids.id)])
        )
        self.assertFalse(done.active, "the decider's activity is kept as done")
        self.assertTrue(record.message_ids.filtered(lambda m: "approved by" in m.body))
        mails = self.env["mail.mail"].search(
            [("model", "=", record._name), ("res_id", "=", record.id)]
        )
        self.assertIn(self.user_head.partner_id, mails.recipient_ids, "review request e-mail")
        mail = mails.filtered(lambda m: self.user_employee.partner_id in m.recipient_ids)
        self.assertEqual(len(mail), 1, "decision e-mail to the requester")
        self.assertIn("Approved", mail.subject)
        self.assertIn("/mail/view?model=ops.approval.tester", mail.body_html)

    def test_requester_reads_the_decision_in_their_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["ops_org"], ["zh_CN"], overwrite=True)
        self.user_employee.lang = "zh_CN"
        record = self._request(self.user_employee)
        record.with_user(self.user_head)._ops_reject("预算不足")
        mail = self.env["mail.mail"].search(
            [
                ("model", "=", record._name),
                ("res_id", "=", record.id),
                ("recipient_ids", "in", self.user_employee.partner_id.ids),
            ]
        )
        self.assertTrue(mail.subject.startswith("已驳回"), mail.subject)
        self.assertIn("意见：", mail.body_html)
        self.assertIn("预算不足", mail.body_html)

    def test_reject_from_activity_with_reason(self):
        record = self._request(self.user_employee)
        activity = self._activities(record).with_user(self.user_head)
        action = activity.action_ops_reject()
        self.assertEqual(action["res_model"], "ops.approval.reject")
        wizard_form = Form(
            self.env["ops.approval.reject"]
            .with_user(self.user_head)
            .with_context(**action["context"])
        )
        wizard_form.reason = "Budget is exhausted this quarter."
        wizard_form.save().action_reject()
        self.assertEqual(record.validation_status, "rejected")
        self.assertEqual(record.review_ids.comment, "Budget is exhausted this quarter.")
        self.assertFalse(self._activities(record))
        self.assertTrue(record.message_ids.filtered(lambda m: "Budget is exhausted" in m.body))

    def test_reject_without_reason_is_refused(self):
        record = self._request(self.user_employee)
        with self.assertRaises(UserError):
            record.with_user(self.user_head)._ops_reject("  ")
        self.assertEqual(record.review_ids.status, "pending")
        wizard_form = Form(
            self.env["ops.approval.reject"]
            .with_user(self.user_head)
            .with_context(default_review_id=record.review_ids.id)
        )
        with self.assertRaises(AssertionError):
            wizard_form.save()

    def test_two_tiers_in_sequence(self):
        record = self._request(self.user_employee, amount=5000)
        self.assertEqual(len(record.review_ids), 2)
        self.assertEqual(self._activities(record).user_id, self.user_head)
        self._activities(record).with_user(self.user_head).action_ops_approve()
        self.assertEqual(record.validation_status, "pending")
        leaders = self._activities(record).user_id
        self.assertEqual(leaders, self.user_leader | self.user_leader_2)
        self._activities(record, self.user_leader).with_user(self.user_leader).action_ops_approve()
        self.assertEqual(record.validation_status, "validated")
        self.assertFalse(self._activities(record), "the other leader's activity is closed too")

    def test_activity_of_a_step_decided_by_the_other_reviewer(self):
        """Two leaders on the same step, each with their activity on the
        phone: the second taps Approve on an activity the first decision
        removed, and is told so in a sentence (not "record deleted")."""
        record = self._request(self.user_employee, amount=5000)
        self._activities(record).with_user(self.user_head).action_ops_approve()
        stale = self._activities(record, self.user_leader_2).with_user(self.user_leader_2)
        self._activities(record, self.user_leader).with_user(self.user_leader).action_ops_approve()
        self.env.invalidate_all()
        for action in (stale.action_ops_approve, stale.action_ops_reject):
            with self.assertRaisesRegex(UserError, "decided by someone else"):
                action()
        self.assertEqual(record.validation_status, "validated")

    def test_decision_from_form_button_also_closes_activity(self):
        record = self._request(self.user_employee)
        record.with_user(self.user_head).validate_tier()
        self.assertEqual(record.validation_status, "validated")
        self.assertFalse(self._activities(record))

    def test_restart_removes_activities(self):
        record = self._request(self.user_employee)
        record.restart_validation()
        self.assertFalse(record.review_ids)
        self.assertFalse(self._activities(record))

    def test_only_the_assignee_decides_from_an_activity(self):
        record = self._request(self.user_employee)
        activity = self._activities(record)
        with self.assertRaises(UserError):
            activity.with_user(self.user_hr).action_ops_approve()
        self.assertEqual(record.review_ids.status, "pending")

    def test_a_decided_tier_cannot_be_decided_again(self):
        record = self._request(self.user_employee)
        review = record.review_ids
        review.with_user(self.user_head).action_ops_approve()
        with self.assertRaises(UserError):
            review.with_user(self.user_head).action_ops_approve()


@tagged("post_install", "-at_install")
class TestNextStepInChinese(ApprovalCommon):
    def test_next_step_named_in_the_users_language(self):
        """The banner's "Next: <step>" (OCA's text has no Chinese) reads in
        Chinese for a user who speaks it."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["ops_org"], ["zh_CN"])
        record = self._request(self.user_employee)
        self.tier_head.with_context(lang="zh_CN").name = "部门负责人"
        self.assertEqual(record.with_context(lang="en_US").next_review, "Next: Department head")
        self.assertEqual(record.with_context(lang="zh_CN").next_review, "下一步：部门负责人")


@tagged("post_install", "-at_install")
class TestSelfApproval(ApprovalCommon):
    def test_head_request_goes_to_next_level(self):
        """A head's own request is reviewed above them: here, Leadership."""
        record = self._request(self.user_head)
        self.assertEqual(record.review_ids.reviewer_ids, self.user_leader | self.user_leader_2)
        self.assertFalse(self._activities(record, self.user_head))

    def test_parent_department_head_reviews_head_request(self):
        emp_parent = self.env["hr.employee"].create(
            {"name": "Director", "user_id": self.user_hr.id}
        )
        parent = self.env["hr.department"].create(
            {"name": "Production", "manager_id": emp_parent.id}
        )
        self.department.parent_id = parent
        record = self._request(self.user_head)
        self.assertEqual(record.review_ids.reviewer_ids, self.user_hr)

    def test_nobody_approves_their_own_request(self):
        self.tier_head.write(
            {"review_type": "group", "reviewer_group_id": self.group_leadership.id}
        )
        record = self._request(self.user_leader)
        self.assertIn(self.user_leader, record.review_ids.reviewer_ids)
        self.assertEqual(self._activities(record).user_id, self.user_leader_2)
        with self.assertRaises(UserError):
            record.with_user(self.user_leader).validate_tier()
        with self.assertRaises(UserError):
            record.review_ids.with_user(self.user_leader).action_ops_approve()
        self.assertEqual(record.review_ids.status, "pending")
        record.with_user(self.user_leader_2)._ops_approve()
        self.assertEqual(record.validation_status, "validated")

    def test_a_step_nobody_else_can_decide_goes_to_leadership(self):
        self.tier_head.write({"review_type": "individual", "reviewer_id": self.user_employee.id})
        record = self._request(self.user_employee)
        self.assertEqual(
            record.review_ids.reviewer_ids,
            self.user_employee | self.user_leader | self.user_leader_2,
        )
        self.assertEqual(self._activities(record).user_id, self.user_leader | self.user_leader_2)


@tagged("post_install", "-at_install")
class TestMyApprovals(ApprovalCommon):
    def _my_approvals(self, user):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ops_org.tier_review_action_my_approvals"
        )
        self.assertEqual(action["context"], "{'search_default_waiting_me': 1}")
        return (
            self.env["tier.review"]
            .with_user(user)
            .search(
                [
                    ("status", "=", "pending"),
                    ("can_review", "=", True),
                    ("reviewer_ids", "in", [user.id]),
                ]
            )
        )

    def test_lists_what_waits_for_the_current_user(self):
        record = self._request(self.user_employee)
        mine = self._my_approvals(self.user_head)
        self.assertEqual(mine, record.review_ids)
        self.assertEqual(mine.ops_res_name, record.display_name)
        self.assertEqual(mine.ops_model_name, "Approval Tester")
        self.assertFalse(self._my_approvals(self.user_employee))
        mine.with_user(self.user_head).action_ops_approve()
        self.assertFalse(self._my_approvals(self.user_head))

    def test_open_document_from_my_approvals(self):
        record = self._request(self.user_employee)
        action = record.review_ids.with_user(self.user_head).action_ops_open_document()
        self.assertEqual((action["res_model"], action["res_id"]), (record._name, record.id))


@tagged("post_install", "-at_install", "ops_access")
class TestRejectWizardAccess(ApprovalCommon):
    def test_employee_uses_reject_wizard(self):
        # ACL access_ops_approval_reject_employee
        record = self._request(self.user_employee)
        wizard = (
            self.env["ops.approval.reject"]
            .with_user(self.user_head)
            .create({"review_id": record.review_ids.id, "reason": "No."})
        )
        wizard.action_reject()
        self.assertEqual(record.validation_status, "rejected")

    def test_outsider_cannot_use_reject_wizard(self):
        # No ACL row for users outside the Operations roles
        record = self._request(self.user_employee)
        with self.assertRaises(AccessError):
            self.env["ops.approval.reject"].with_user(self.user_outsider).create(
                {"review_id": record.review_ids.id, "reason": "No."}
            )

    def test_reject_wizard_is_private_to_its_author(self):
        # Record rule ops_approval_reject_rule_employee
        record = self._request(self.user_employee)
        wizard = (
            self.env["ops.approval.reject"]
            .with_user(self.user_head)
            .create({"review_id": record.review_ids.id, "reason": "No."})
        )
        with self.assertRaises(AccessError):
            wizard.with_user(self.user_employee).read(["reason"])

    def test_reviewer_rule_refuses_others(self):
        record = self._request(self.user_employee)
        wizard = (
            self.env["ops.approval.reject"]
            .with_user(self.user_hr)
            .create({"review_id": record.review_ids.id, "reason": "No."})
        )
        with self.assertRaises(UserError):
            wizard.action_reject()


@tagged("post_install", "-at_install")
class TestUnloadedLanguage(ApprovalCommon):
    """A user whose language is not loaded in the database (Traditional
    Chinese here: never loaded by the suite) is written to in the company's
    language, and nothing they take part in fails on it; choosing such a
    language is refused."""

    UNLOADED = "zh_TW"

    def _speak_unloaded(self, users):
        # As a user set before the rule, or whose language was unloaded: the
        # ORM refuses it now (test_choosing_an_unloaded_language_is_refused).
        self.assertFalse(self.env["res.lang"]._get_data(code=self.UNLOADED))
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE res_partner SET lang = %s WHERE id IN %s",
            (self.UNLOADED, tuple(users.partner_id.ids)),
        )
        self.env.invalidate_all()

    def test_choosing_an_unloaded_language_is_refused(self):
        for user, target in (
            (self.user_employee, self.user_employee),
            (self.env.user, self.user_head),
        ):
            with self.assertRaises(ValidationError):
                target.with_user(user).write({"lang": self.UNLOADED})
        with self.assertRaises(ValidationError):
            self.env["res.users"].create(
                {"name": "New", "login": "ops_new_unloaded", "lang": self.UNLOADED}
            )
        self.user_employee.with_user(self.user_employee).write({"lang": "en_US"})

    def test_reviewer_and_requester_in_an_unloaded_language(self):
        self._speak_unloaded(self.user_employee | self.user_head)
        record = self._request(self.user_employee)
        self.assertEqual(self._activities(record).user_id, self.user_head)
        record.with_user(self.user_head)._ops_approve()
        self.assertEqual(record.review_ids.filtered("done_by").done_by, self.user_head)
        mail = self.env["mail.mail"].search(
            [
                ("model", "=", record._name),
                ("res_id", "=", record.id),
                ("recipient_ids", "in", self.user_employee.partner_id.ids),
            ]
        )
        self.assertEqual(len(mail), 1)
        self.assertIn("Approved", mail.subject, "in the company's language")

    def test_activity_notice_to_an_unloaded_language(self):
        self._speak_unloaded(self.user_head)
        record = self._request(self.user_employee)
        activity = record.activity_schedule(
            "mail.mail_activity_data_todo", summary="Look at it", user_id=self.user_head.id
        )
        self.assertTrue(activity)
        self.assertEqual(self.user_head.lang, self.UNLOADED, "the user's setting is untouched")
        notice = self.env["mail.message"].search(
            [("model", "=", record._name), ("res_id", "=", record.id)], order="id desc", limit=1
        )
        self.assertIn(self.user_head.partner_id, notice.partner_ids)
