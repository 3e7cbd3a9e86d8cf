# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64
from unittest.mock import patch

from odoo import tools
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ConfidentialityCommon

PLAIN = b"Launch date 2027-03-01; budget 3,000,000; client: Example Media"


@tagged("post_install", "-at_install")
class TestEncryption(ConfidentialityCommon):
    """Attachments of secret records are stored encrypted with the server's
    key; the stored bytes hold no plaintext."""

    def _stored_bytes(self, attachment):
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT store_fname, db_datas, index_content FROM ir_attachment WHERE id = %s",
            [attachment.id],
        )
        store_fname, db_datas, index_content = self.env.cr.fetchone()
        stored = bytes(db_datas) if db_datas else b""
        if store_fname:
            with open(attachment._full_path(store_fname), "rb") as handle:
                stored += handle.read()
        return stored, index_content or ""

    def _attach(self, record, raw=PLAIN, user=None):
        return (
            self.env["ir.attachment"]
            .with_user(user or self.env.user)
            .create(
                {
                    "name": "plan.txt",
                    "raw": raw,
                    "mimetype": "text/plain",
                    "res_model": record._name,
                    "res_id": record.id,
                }
            )
        )

    def test_secret_attachment_encrypted_in_filestore(self):
        attachment = self._attach(self.secret)
        self.assertTrue(attachment.ops_encrypted)
        self.assertTrue(attachment.store_fname)
        stored, index_content = self._stored_bytes(attachment)
        self.assertTrue(stored)
        self.assertNotIn(PLAIN, stored)
        self.assertNotIn(b"Example Media", stored)
        self.assertNotIn("Example Media", index_content)
        # Read back transparently by an authorised user.
        attachment.invalidate_recordset()
        self.assertEqual(attachment.with_user(self.user_cleared).raw, PLAIN)
        self.assertEqual(base64.b64decode(attachment.with_user(self.user_cleared).datas), PLAIN)

    def test_secret_attachment_encrypted_in_database(self):
        self.env["ir.config_parameter"].sudo().set_param("ir_attachment.location", "db")
        attachment = self._attach(self.secret)
        self.assertFalse(attachment.store_fname)
        stored, _index = self._stored_bytes(attachment)
        self.assertTrue(stored)
        self.assertNotIn(PLAIN, stored)
        attachment.invalidate_recordset()
        self.assertEqual(attachment.raw, PLAIN)

    def test_attachment_written_later_is_encrypted(self):
        attachment = self._attach(self.secret, raw=b"draft")
        attachment.write({"raw": PLAIN})
        stored, _index = self._stored_bytes(attachment)
        self.assertNotIn(PLAIN, stored)
        attachment.invalidate_recordset()
        self.assertEqual(attachment.raw, PLAIN)

    def test_internal_attachment_is_plain(self):
        attachment = self._attach(self.internal)
        self.assertFalse(attachment.ops_encrypted)
        stored, _index = self._stored_bytes(attachment)
        self.assertIn(PLAIN, stored)

    def test_raising_to_secret_encrypts_lowering_decrypts(self):
        attachment = self._attach(self.internal)
        self.internal.write({"ops_level": "secret"})
        attachment.invalidate_recordset()
        self.assertTrue(attachment.ops_encrypted)
        stored, _index = self._stored_bytes(attachment)
        self.assertNotIn(PLAIN, stored)
        self.assertEqual(attachment.raw, PLAIN)
        self.internal.write({"ops_level": "internal"})
        attachment.invalidate_recordset()
        self.assertFalse(attachment.ops_encrypted)
        stored, _index = self._stored_bytes(attachment)
        self.assertIn(PLAIN, stored)

    def test_download_streams_plaintext_to_the_authorised(self):
        attachment = self._attach(self.secret)
        stream = attachment.with_user(self.user_cleared)._to_http_stream()
        self.assertEqual(stream.type, "data")
        self.assertEqual(stream.data, PLAIN)

    def test_no_key_no_secret_attachment(self):
        with patch.dict(tools.config.options, {"ops_confidentiality_key": ""}):
            with self.assertRaisesRegex(UserError, "no encryption key"):
                self._attach(self.secret)
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", "ops.ip.asset"), ("res_id", "=", self.secret.id)]
            )
        )
