# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import DocumentCommon


@tagged("post_install", "-at_install")
class TestOpsDocument(DocumentCommon):
    def test_create_through_the_form(self):
        form = Form(self.env["ops.document"].with_user(self.user_admin))
        form.name = "Meeting room rules"
        form.kind = "notice"
        form.department_id = self.department
        with form.version_ids.new() as version:
            version.file = base64.b64encode(b"Book rooms a day ahead.")
            version.file_name = "rooms.txt"
            version.change_note = "First issue."
        document = form.save()
        self.assertTrue(document.code.startswith("DOC/"))
        self.assertEqual(document.state, "draft")
        self.assertEqual(document.version_ids.number, 1)
        self.assertEqual(document.open_version_id, document.version_ids)
        self.assertEqual(document.author_id, self.user_admin)

    def test_review_approval_publication(self):
        document = self.make_document(kind="notice", distribution_user_ids=self.user_employee.ids)
        document.with_user(self.user_admin).action_submit()
        self.assertEqual(document.state, "review")
        self.assertEqual(document.version_ids.state, "review")
        self.assertEqual(
            document.review_ids.sorted("sequence").mapped("name"),
            ["Department head review", "Administration approval"],
        )
        # The approver cannot decide before the department head.
        with self.assertRaises(UserError):
            document.with_user(self.user_admin_2)._ops_approve()
        document.with_user(self.user_head)._ops_approve()
        self.assertEqual(document.state, "approval")
        # Nobody approves their own document.
        with self.assertRaises(UserError):
            document.with_user(self.user_admin)._ops_approve()
        document.with_user(self.user_admin_2)._ops_approve()
        self.assertEqual(document.state, "approved")
        self.assertEqual(document.version_ids.state, "approved")
        self.assertFalse(document.current_version_id)
        document.with_user(self.user_admin).action_publish()
        self.assertEqual(document.state, "published")
        self.assertEqual(document.current_version_id, document.version_ids)
        self.assertTrue(document.date_published)

    def test_regulation_is_approved_by_leadership(self):
        document = self.make_document(kind="regulation")
        document.with_user(self.user_admin).action_submit()
        self.assertEqual(
            document.review_ids.sorted("sequence").mapped("name"),
            ["Department head review", "Leadership approval"],
        )
        document.with_user(self.user_head)._ops_approve()
        with self.assertRaises(UserError):
            document.with_user(self.user_admin_2)._ops_approve()
        document.with_user(self.user_leader)._ops_approve()
        self.assertEqual(document.state, "approved")

    def test_publishing_unapproved_refused(self):
        document = self.make_document()
        with self.assertRaisesRegex(UserError, "cannot be published: it has not been approved"):
            document.with_user(self.user_admin).action_publish()
        document.with_user(self.user_admin).action_submit()
        document.with_user(self.user_head)._ops_approve()
        with self.assertRaisesRegex(UserError, "has not been approved"):
            document.with_user(self.user_admin).action_publish()
        self.assertEqual(document.state, "approval")
        self.assertFalse(document.current_version_id)

    def test_refused_message_is_translated(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.user_admin.lang = "zh_CN"
        document = self.make_document()
        with self.assertRaisesRegex(UserError, "尚未批准"):
            document.with_user(self.user_admin).with_context(lang="zh_CN").action_publish()

    def test_submit_needs_a_file(self):
        document = (
            self.env["ops.document"]
            .with_user(self.user_admin)
            .create({"name": "Empty", "department_id": self.department.id})
        )
        with self.assertRaisesRegex(UserError, "Attach the file"):
            document.action_submit()
        self.env["ops.document.version"].with_user(self.user_admin).create(
            {"document_id": document.id}
        )
        with self.assertRaisesRegex(UserError, "Attach the file"):
            document.action_submit()
        self.assertEqual(document.state, "draft")

    def test_only_administration_manages(self):
        document = self.make_document()
        with self.assertRaises(UserError):
            document.with_user(self.user_leader).action_submit()
        self.assertEqual(document.state, "draft")

    def test_rejection_returns_to_draft_and_resubmission_restarts(self):
        document = self.make_document()
        document.with_user(self.user_admin).action_submit()
        with self.assertRaisesRegex(UserError, "Give a reason"):
            document.with_user(self.user_head)._ops_reject("")
        document.with_user(self.user_head)._ops_reject("Wrong department named")
        self.assertEqual(document.state, "draft")
        self.assertEqual(document.version_ids.state, "draft")
        document.version_ids.with_user(self.user_admin).write({"change_note": "Fixed."})
        document.with_user(self.user_admin).action_submit()
        self.assertEqual(set(document.review_ids.mapped("status")), {"pending", "waiting"})
        document.with_user(self.user_head)._ops_approve()
        document.with_user(self.user_admin_2)._ops_approve()
        self.assertEqual(document.state, "approved")

    def test_new_version_restarts_review_old_stays_readable(self):
        document = self.publish(self.make_document())
        first = document.current_version_id
        document.with_user(self.user_admin).action_new_version()
        second = document.open_version_id
        self.assertEqual(second.number, 2)
        self.assertEqual(document.state, "draft")
        # The published version stays current while the new one is reviewed.
        self.assertEqual(document.current_version_id, first)
        self.assertTrue(
            self.env["ops.document"]
            .with_user(self.user_employee)
            .search([("id", "=", document.id)])
        )
        with self.assertRaisesRegex(UserError, "already has a version in progress"):
            document.with_user(self.user_admin).action_new_version()
        second.with_user(self.user_admin).write(
            {"file": base64.b64encode(b"v2"), "file_name": "v2.txt", "change_note": "Update"}
        )
        self.approve(document)
        self.assertEqual(len(document.review_ids), 2)
        document.with_user(self.user_admin).action_publish()
        self.assertEqual(document.current_version_id, second)
        self.assertEqual(first.state, "superseded")
        Version = self.env["ops.document.version"].with_user(self.user_employee)
        self.assertEqual(Version.search([("document_id", "=", document.id)]), first | second)
        self.assertEqual(first.with_user(self.user_employee).file_name, "document.txt")

    def test_no_version_while_under_review(self):
        document = self.make_document()
        document.with_user(self.user_admin).action_submit()
        with self.assertRaisesRegex(UserError, "being reviewed"):
            self.env["ops.document.version"].with_user(self.user_admin).create(
                {"document_id": document.id}
            )

    def test_editing_a_published_version_refused(self):
        document = self.publish(self.make_document())
        version = document.current_version_id
        with self.assertRaisesRegex(UserError, "cannot be edited: create a new version"):
            version.with_user(self.user_admin).write({"file": base64.b64encode(b"tampered")})
        with self.assertRaisesRegex(UserError, "cannot be edited"):
            version.with_user(self.user_admin).write({"change_note": "Nothing"})
        with self.assertRaisesRegex(UserError, "follows its document"):
            version.with_user(self.user_admin).write({"state": "draft"})
        self.assertEqual(
            base64.b64decode(version.file),
            b"Board decision: launch the short-video channel on 2027-03-01.",
        )
        # Nor through the document's form, where the line is read-only.
        with self.assertRaises(AssertionError):
            with Form(document.with_user(self.user_admin)) as form:
                with form.version_ids.edit(0) as line:
                    line.change_note = "Changed after publication"

    def test_acknowledgements(self):
        document = self.make_document(
            distribution_user_ids=self.user_other.ids,
            distribution_department_ids=self.department.ids,
        )
        self.publish(document)
        acks = document.acknowledgement_ids
        self.assertEqual(
            acks.user_id, self.user_other | self.user_employee | self.user_head | self.user_admin
        )
        self.assertEqual(set(acks.mapped("state")), {"pending"})
        activity_type = self.env.ref("ops_document.mail_activity_type_document_acknowledge")
        activities = document.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        self.assertEqual(activities.user_id, acks.user_id)
        mine = document.with_user(self.user_employee)
        self.assertTrue(mine.my_ack_pending)
        mine.action_acknowledge()
        ack = acks.filtered(lambda a: a.user_id == self.user_employee)
        self.assertEqual(ack.state, "done")
        self.assertTrue(ack.date_acknowledged)
        self.assertEqual(ack.version_id, document.current_version_id)
        self.assertFalse(mine.my_ack_pending)
        self.assertFalse(document.activity_ids.filtered(lambda a: a.user_id == self.user_employee))
        document.invalidate_recordset()
        self.assertEqual(document.ack_done_count, 1)
        self.assertEqual(document.ack_pending_count, 3)
        # The report: who has and who has not acknowledged.
        groups = (
            self.env["ops.document.acknowledgement"]
            .with_user(self.user_admin)
            .read_group([("document_id", "=", document.id)], ["state"], ["state"])
        )
        self.assertEqual({g["state"]: g["state_count"] for g in groups}, {"done": 1, "pending": 3})

    def test_not_distributed_not_visible(self):
        document = self.publish(self.make_document(distribution_user_ids=self.user_other.ids))
        with self.assertRaises(AccessError):
            document.with_user(self.user_employee).read(["name"])
        with self.assertRaises(AccessError):
            document.with_user(self.user_employee).action_acknowledge()

    def test_destruction_needs_approval(self):
        document = self.publish(self.make_document())
        with self.assertRaisesRegex(UserError, "only through an approved destruction request"):
            document.with_user(self.user_admin).write({"state": "destroyed"})
        request = (
            self.env["ops.document.destruction"]
            .with_user(self.user_admin)
            .create({"document_id": document.id, "reason": "Superseded by law"})
        )
        with self.assertRaisesRegex(UserError, "has not been approved"):
            request._ops_destroy()
        request.action_submit()
        with self.assertRaisesRegex(UserError, "has not been approved"):
            request._ops_destroy()
        with self.assertRaisesRegex(UserError, "cannot change once submitted"):
            request.write({"reason": "Other"})
        self.assertEqual(document.state, "published")
        self.assertTrue(document.current_version_id.file)

    def test_destruction_approved_leaves_a_record(self):
        document = self.publish(self.make_document(name="Old price list"))
        self.env["ir.attachment"].create(
            {
                "name": "annex.txt",
                "raw": b"annex",
                "res_model": "ops.document",
                "res_id": document.id,
            }
        )
        version = document.current_version_id
        request = (
            self.env["ops.document.destruction"]
            .with_user(self.user_admin)
            .create({"document_id": document.id, "reason": "Retention period over"})
        )
        request.action_submit()
        with self.assertRaises(UserError):
            request.with_user(self.user_admin)._ops_approve()
        request.with_user(self.user_leader)._ops_approve()
        self.assertEqual(request.state, "done")
        self.assertEqual(document.state, "destroyed")
        self.assertEqual(version.state, "destroyed")
        self.assertFalse(version.file)
        Attachment = self.env["ir.attachment"]
        for model, record in (("ops.document", document), ("ops.document.version", version)):
            self.assertFalse(
                Attachment.search(
                    [
                        ("res_model", "=", model),
                        ("res_id", "=", record.id),
                        "|",
                        ("res_field", "=", False),
                        ("res_field", "!=", False),
                    ]
                )
            )
        self.assertEqual(request.requested_by_id, self.user_admin)
        self.assertEqual(request.approved_by_id, self.user_leader)
        self.assertTrue(request.date_approved and request.date_destroyed)
        self.assertIn("Old price list", request.destroyed_what)
        self.assertIn("document.txt", request.destroyed_what)
        self.assertIn("annex.txt", request.destroyed_what)
        with self.assertRaisesRegex(UserError, "destroyed document cannot change"):
            document.with_user(self.user_admin).write({"name": "Back"})

    def test_rejected_destruction_keeps_the_document(self):
        document = self.publish(self.make_document())
        request = (
            self.env["ops.document.destruction"]
            .with_user(self.user_admin)
            .create({"document_id": document.id, "reason": "No longer used"})
        )
        request.action_submit()
        request.with_user(self.user_leader)._ops_reject("Still needed for the audit")
        self.assertEqual(request.state, "rejected")
        self.assertEqual(document.state, "published")

    def test_documents_are_never_deleted(self):
        document = self.make_document()
        with self.assertRaises(UserError):
            document.unlink()
        self.assertTrue(document.exists())

    def test_archive(self):
        document = self.publish(self.make_document())
        document.with_user(self.user_admin).action_archive_document()
        self.assertEqual(document.state, "archived")
        self.assertFalse(
            self.env["ops.document"]
            .with_user(self.user_employee)
            .search([("id", "=", document.id)])
        )
        with self.assertRaisesRegex(UserError, "Only a published document"):
            document.with_user(self.user_admin).action_archive_document()
