# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 15, as the users who tried it with their own rights: a document's
state, author and dates move only through its steps; neither its author
nor whoever sent it to review decides a step of it; nor does the requester
of a destruction; the context keys that used to open the workflow open
nothing."""

import base64
import json

from odoo.tests import HttpCase, tagged

from odoo.addons.ops_org.tests.common import ops_user

from .common import DocumentCommon

ADMINISTRATION = "ops_org.ops_org_group_administration"
LEADERSHIP = "ops_org.ops_org_group_leadership"


@tagged("post_install", "-at_install", "ops_access")
class TestDocumentRules(DocumentCommon):
    def test_publishing_by_writing_the_state_is_refused(self):
        document = self.make_document()
        self.approve(document)
        self.assertEqual(document.state, "approved")
        for vals in (
            {"state": "published"},
            {"state": "published", "date_published": "2026-12-01"},
            {"date_published": "2026-12-01"},
            {"state": "archived"},
        ):
            with self.subTest(vals=vals):
                self.assertRefused(document.with_user(self.user_admin).write, vals)
        self.assertRefused(
            self.env["ops.document"].with_user(self.user_admin).create,
            {"name": "Forged", "department_id": self.department.id, "state": "published"},
        )
        self.assertEqual(document.state, "approved")
        self.assertFalse(document.date_published)
        self.assertFalse(document.current_version_id)
        self.assertFalse(document.acknowledgement_ids)

    def test_officer_cannot_name_another_author(self):
        Document = self.env["ops.document"].with_user(self.user_admin_2)
        vals = {"name": "Signed by someone else", "department_id": self.department.id}
        self.assertRefused(Document.create, dict(vals, author_id=self.user_admin.id))
        document = Document.create(vals)
        self.assertEqual(document.author_id, self.user_admin_2)
        self.assertRefused(document.write, {"author_id": self.user_admin.id})
        self.assertRefused(document.write, {"submitted_by_id": self.user_admin.id})
        self.assertEqual(document.author_id, self.user_admin_2)
        self.assertFalse(document.submitted_by_id)

    def test_author_and_submitter_decide_no_step(self):
        # user_admin drafts; user_admin_2 sends it to review; neither approves
        # the administration step: a third officer does.
        user_admin_3 = ops_user(self.env, "doc_admin_3", f"{ADMINISTRATION}", self.env.company)
        document = self.make_document(kind="notice")
        document.with_user(self.user_admin_2).action_submit()
        self.assertEqual(document.submitted_by_id, self.user_admin_2)
        document.with_user(self.user_head)._ops_approve()
        self.assertEqual(document.state, "approval")
        step = document._ops_current_reviews()
        self.assertTrue({self.user_admin, self.user_admin_2} <= set(step.reviewer_ids))
        for officer in (self.user_admin, self.user_admin_2):
            with self.subTest(officer=officer.login):
                self.assertRefused(document.with_user(officer).validate_tier)
                self.assertRefused(document.with_user(officer)._ops_approve)
                self.assertRefused(document.with_user(officer)._ops_reject, "Not mine")
                self.assertRefused(step.with_user(officer).action_ops_approve)
        self.assertEqual(document.state, "approval")
        document.with_user(user_admin_3).validate_tier()
        self.assertEqual(document.state, "approved")
        self.assertEqual(step.done_by, user_admin_3)

    def test_context_keys_open_nothing(self):
        document = self.publish(self.make_document())
        version = document.current_version_id
        admin = self.user_admin
        self.assertRefused(
            document.with_user(admin).with_context(ops_document_destroy=True).write,
            {"state": "destroyed"},
        )
        self.assertRefused(
            version.with_user(admin).with_context(ops_document_workflow=True).write,
            {"state": "draft"},
        )
        self.assertRefused(
            version.with_user(admin).with_context(ops_document_workflow=True).write,
            {"file": base64.b64encode(b"tampered"), "file_name": "tampered.txt"},
        )
        self.assertEqual(document.state, "published")
        self.assertEqual(version.state, "published")
        self.assertEqual(version.file_name, "document.txt")

    def test_destroyed_document_stays_destroyed_whatever_the_context(self):
        document, request = self.destroyed()
        self.assertEqual(document.state, "destroyed")
        self.assertRefused(
            document.with_user(self.user_admin).with_context(ops_document_destroy=True).write,
            {"name": "Back from the dead"},
        )
        self.assertRefused(
            document.version_ids.with_user(self.user_admin)
            .with_context(ops_document_workflow=True)
            .write,
            {"state": "published"},
        )
        self.assertEqual(document.version_ids.state, "destroyed")

    def test_skip_validation_check_opens_nothing(self):
        document = self.make_document()
        document.with_user(self.user_admin).action_submit()
        self.assertRefused(
            document.with_user(self.user_admin).with_context(skip_validation_check=True).write,
            {"name": "Changed under review"},
        )
        self.assertEqual(document.name, "Expense regulation")

    def test_public_request_validation_is_refused(self):
        document = self.make_document()
        self.assertRefused(document.with_user(self.user_admin).request_validation)
        document.with_user(self.user_admin).action_submit()
        self.assertRefused(document.with_user(self.user_admin).restart_validation)
        self.assertEqual(len(document.review_ids), 2)

    def test_version_workflow_fields_are_refused(self):
        document = self.publish(self.make_document())
        version = document.current_version_id.with_user(self.user_admin)
        for vals in (
            {"published_by_id": self.user_admin_2.id},
            {"date_published": "2026-01-01 10:00:00"},
            {"number": 7},
        ):
            with self.subTest(vals=vals):
                self.assertRefused(version.write, vals)
        draft = self.make_document("Other")
        self.assertRefused(
            draft.version_ids.with_user(self.user_admin).write, {"document_id": document.id}
        )
        self.assertRefused(
            self.env["ops.document.version"].with_user(self.user_admin).create,
            {"document_id": draft.id, "state": "published"},
        )
        self.assertEqual(version.number, 1)
        self.assertEqual(draft.version_ids.document_id, draft)

    def test_acknowledgement_moves_through_i_have_read_it(self):
        document = self.publish(self.make_document(distribution_user_ids=self.user_employee.ids))
        ack = document.acknowledgement_ids.with_user(self.user_employee)
        self.assertRefused(ack.write, {"state": "done"})
        self.assertRefused(ack.write, {"date_acknowledged": "2026-12-01 09:00:00"})
        self.assertEqual(ack.state, "pending")
        document.with_user(self.user_employee).action_acknowledge()
        self.assertEqual(ack.state, "done")
        self.assertRefused(ack.write, {"state": "pending"})
        other = self.publish(self.make_document("Other"))
        self.assertRefused(ack.write, {"version_id": other.current_version_id.id})
        self.assertEqual(ack.version_id, document.current_version_id)


@tagged("post_install", "-at_install", "ops_access")
class TestDestructionRules(DocumentCommon):
    def test_requester_decides_no_step_of_their_request(self):
        # An administration officer who is also a leader asks for the
        # destruction: another leader decides it.
        requester = ops_user(
            self.env, "doc_admin_leader", f"{ADMINISTRATION},{LEADERSHIP}", self.env.company
        )
        document = self.publish(self.make_document())
        Request = self.env["ops.document.destruction"].with_user(requester)
        self.assertRefused(
            Request.create,
            {"document_id": document.id, "reason": "x", "requested_by_id": self.user_admin.id},
        )
        request = Request.create({"document_id": document.id, "reason": "Obsolete"})
        self.assertEqual(request.requested_by_id, requester)
        request.action_submit()
        self.assertIn(requester, request.review_ids.reviewer_ids)
        self.assertRefused(request.with_user(requester).validate_tier)
        self.assertRefused(request.with_user(requester)._ops_approve)
        self.assertRefused(request.with_user(requester).write, {"state": "approved"})
        self.assertEqual(request.state, "submitted")
        self.assertEqual(document.state, "published")
        request.with_user(self.user_leader).validate_tier()
        self.assertEqual(request.state, "done")
        self.assertEqual(request.approved_by_id, self.user_leader)
        self.assertEqual(document.state, "destroyed")

    def test_record_of_the_destruction_is_kept(self):
        document, request = self.destroyed()
        for vals in (
            {"approved_by_id": self.user_admin.id},
            {"destroyed_what": "Nothing"},
            {"date_destroyed": "2026-01-01 10:00:00"},
            {"state": "draft"},
        ):
            with self.subTest(vals=vals):
                self.assertRefused(request.with_user(self.user_admin).write, vals)
        self.assertEqual(request.approved_by_id, self.user_leader)
        self.assertIn(document.name, request.destroyed_what)


@tagged("post_install", "-at_install", "ops_access")
class TestDocumentRulesRpc(DocumentCommon, HttpCase):
    def test_publishing_by_writing_the_state_over_json_rpc(self):
        document = self.make_document()
        self.approve(document)
        self.authenticate("doc_admin", "doc_admin")
        response = self.url_open(
            "/web/dataset/call_kw/ops.document/write",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "id": 1,
                    "params": {
                        "model": "ops.document",
                        "method": "write",
                        "args": [document.ids, {"state": "published"}],
                        "kwargs": {},
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        error = response.json()["error"]
        self.assertEqual(error["data"]["name"], "odoo.exceptions.AccessError")
        document.invalidate_recordset()
        self.assertEqual(document.state, "approved")
