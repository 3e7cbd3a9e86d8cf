# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PLAIN, DocumentCommon


@tagged("post_install", "-at_install", "ops_access")
class TestDocumentConfidential(DocumentCommon):
    """A secret document, its versions, their files and its
    acknowledgements are invisible to a user without clearance or without
    the need to know, however they ask; the version files are encrypted."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.secret = cls.make_document(
            name="Channel launch plan",
            ops_level="secret",
            ops_category="trade_secret",
            ops_need_to_know_user_ids=[
                (6, 0, (cls.user_cleared | cls.user_uncleared | cls.user_head).ids)
            ],
        )
        # The head, the approver and the recipients need clearance for the
        # document to go through; those below do not get it.
        cls.cleared_employee(cls.user_head, "secret")
        cls.cleared_employee(cls.user_admin_2, "secret")
        cls.secret.ops_need_to_know_user_ids |= cls.user_admin_2
        cls.secret.distribution_user_ids = (
            cls.user_cleared | cls.user_cleared_other | cls.user_uncleared
        )
        cls.publish(cls.secret)
        cls.version = cls.secret.current_version_id

    def _file_attachment(self, version):
        return self.env["ir.attachment"].search(
            [
                ("res_model", "=", "ops.document.version"),
                ("res_id", "=", version.id),
                ("res_field", "=", "file"),
            ]
        )

    def _stored_bytes(self, attachment):
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT store_fname, db_datas FROM ir_attachment WHERE id = %s", [attachment.id]
        )
        store_fname, db_datas = self.env.cr.fetchone()
        stored = bytes(db_datas) if db_datas else b""
        if store_fname:
            with open(attachment._full_path(store_fname), "rb") as handle:
                stored += handle.read()
        return stored

    def assert_invisible(self, user, record, name_field="display_name"):
        Model = self.env[record._name].with_user(user)
        self.assertFalse(Model.search([("id", "=", record.id)]), "search")
        self.assertEqual(Model.search_count([("id", "=", record.id)]), 0, "search_count")
        self.assertFalse(
            [r for r in Model.name_search(record.sudo().display_name) if r[0] == record.id],
            "name_search",
        )
        groups = Model.read_group([("id", "=", record.id)], ["company_id"], ["company_id"])
        self.assertFalse(groups, "read_group")
        with self.assertRaises(AccessError):
            record.with_user(user).read([name_field])
        with self.assertRaises(AccessError):
            record.with_user(user).export_data([name_field])

    def assert_file_invisible(self, user):
        Binary = self.env["ir.binary"].with_user(user)
        with self.assertRaises(AccessError):
            Binary._find_record(
                res_model="ops.document.version", res_id=self.version.id, field="file"
            )
        with self.assertRaises(AccessError):
            Binary._get_stream_from(
                Binary._find_record(res_id=self._file_attachment(self.version).id)
            )
        attachment = self.env["ir.attachment"].create(
            {
                "name": "annex.txt",
                "raw": b"annex",
                "res_model": "ops.document",
                "res_id": self.secret.id,
            }
        )
        with self.assertRaises(AccessError):
            Binary._get_stream_from(Binary._find_record(res_id=attachment.id))

    def assert_all_invisible(self, user):
        self.assert_invisible(user, self.secret, "name")
        self.assert_invisible(user, self.version, "file_name")
        for ack in self.secret.acknowledgement_ids:
            self.assert_invisible(user, ack, "state")
        self.assert_file_invisible(user)

    def test_invisible_without_clearance(self):
        # On the need-to-know list and the distribution list, no clearance.
        self.assert_all_invisible(self.user_uncleared)

    def test_invisible_without_need_to_know(self):
        # Cleared and on the distribution list, not on the need-to-know list.
        self.assert_all_invisible(self.user_cleared_other)

    def test_invisible_to_officers_without_need_to_know(self):
        self.assert_all_invisible(self.user_conf)
        self.assert_all_invisible(self.user_leader)
        self.assert_all_invisible(self.user_employee)

    def test_visible_with_clearance_and_need_to_know(self):
        user = self.user_cleared
        Document = self.env["ops.document"].with_user(user)
        self.assertEqual(Document.search([("id", "=", self.secret.id)]), self.secret)
        self.assertIn(self.secret.id, [r[0] for r in Document.name_search("Channel launch")])
        groups = Document.read_group([("id", "=", self.secret.id)], ["ops_level"], ["ops_level"])
        self.assertEqual(groups[0]["ops_level_count"], 1)
        self.assertEqual(
            self.secret.with_user(user).export_data(["name"])["datas"], [["Channel launch plan"]]
        )
        self.assertEqual(
            self.env["ops.document.version"]
            .with_user(user)
            .search([("document_id", "=", self.secret.id)]),
            self.version,
        )
        self.assertEqual(base64.b64decode(self.version.with_user(user).file), PLAIN)
        Binary = self.env["ir.binary"].with_user(user)
        record = Binary._find_record(
            res_model="ops.document.version", res_id=self.version.id, field="file"
        )
        self.assertEqual(Binary._get_stream_from(record, "file").read(), PLAIN)
        acks = self.env["ops.document.acknowledgement"].with_user(user).search([])
        self.assertIn(user, acks.user_id)
        self.secret.with_user(user).action_acknowledge()

    def test_only_cleared_recipients_are_asked_to_acknowledge(self):
        self.assertEqual(self.secret.acknowledgement_ids.user_id, self.user_cleared)

    def test_version_file_encrypted_at_rest(self):
        attachment = self._file_attachment(self.version)
        self.assertTrue(attachment.ops_encrypted)
        stored = self._stored_bytes(attachment)
        self.assertTrue(stored)
        self.assertNotIn(PLAIN, stored)
        self.assertNotIn(b"short-video", stored)

    def test_raising_a_document_to_secret_encrypts_its_versions(self):
        document = self.make_document(name="Pricing")
        attachment = self._file_attachment(document.version_ids)
        self.assertFalse(attachment.ops_encrypted)
        self.assertIn(PLAIN, self._stored_bytes(attachment))
        document.write({"ops_level": "secret"})
        attachment.invalidate_recordset()
        self.assertTrue(attachment.ops_encrypted)
        self.assertNotIn(PLAIN, self._stored_bytes(attachment))
        self.assertEqual(base64.b64decode(document.version_ids.file), PLAIN)

    def test_banner_on_form(self):
        arch = self.env["ops.document"].get_view(view_type="form")["arch"]
        arch = arch.decode() if isinstance(arch, bytes) else arch
        self.assertIn("ops_level not in ('confidential', 'secret')", arch)
