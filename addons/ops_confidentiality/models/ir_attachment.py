# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64

from cryptography.fernet import Fernet, InvalidToken

from odoo import api, fields, models, tools
from odoo.exceptions import UserError
from odoo.http import Stream

KEY_OPTION = "ops_confidentiality_key"


def _fernet(env):
    key = tools.config.get(KEY_OPTION)
    if not key:
        raise UserError(
            env._(
                "Attachments of secret records are encrypted, but the server has no "
                "encryption key: set %(option)s in the Odoo configuration file.",
                option=KEY_OPTION,
            )
        )
    return Fernet(key.encode() if isinstance(key, str) else key)


class IrAttachment(models.Model):
    """Attachments of secret records are encrypted at rest (filestore or
    database) with a key from the server configuration, never stored in the
    database; authorised users read them back transparently."""

    _inherit = "ir.attachment"

    ops_encrypted = fields.Boolean(string="Encrypted", readonly=True, copy=False)

    def _ops_secret_target(self, res_model, res_id):
        """Whether the record (or the record it belongs to) is secret."""
        if not res_model or not res_id or res_model not in self.env:
            return False
        model = self.env[res_model]
        if not model._ops_classification_model():
            return False
        record = model.sudo().browse(res_id).exists()
        return bool(record) and record._ops_classified_rank() == 3

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if (vals.get("raw") or vals.get("datas")) and self._ops_secret_target(
                vals.get("res_model"), vals.get("res_id")
            ):
                vals.update(self._check_contents(dict(vals)))
                raw = vals.pop("raw", None)
                datas = vals.pop("datas", None)
                if isinstance(raw, str):
                    raw = raw.encode()
                plain = raw or base64.b64decode(datas or b"")
                vals["raw"] = _fernet(self.env).encrypt(plain)
                vals["ops_encrypted"] = True
        attachments = super().create(vals_list)
        # The stored bytes are ciphertext: nothing of them is indexed.
        attachments.filtered("ops_encrypted").sudo().write({"index_content": False})
        return attachments

    @api.depends("store_fname", "db_datas", "ops_encrypted")
    def _compute_raw(self):
        res = super()._compute_raw()
        for attach in self.filtered("ops_encrypted"):
            if attach.raw:
                try:
                    attach.raw = _fernet(self.env).decrypt(attach.raw)
                except InvalidToken as error:
                    raise UserError(
                        self.env._(
                            "%(name)s cannot be decrypted with the server's key.",
                            name=attach.name,
                        )
                    ) from error
        return res

    def _get_datas_related_values(self, data, mimetype):
        values = super()._get_datas_related_values(data, mimetype)
        if self.env.context.get("ops_encrypting"):
            # The stored bytes are ciphertext: nothing of them is indexed.
            values["index_content"] = False
        return values

    def _set_attachment_data(self, asbytes):
        to_encrypt = self.filtered(
            lambda a: a.ops_encrypted or a._ops_secret_target(a.res_model, a.res_id)
        )
        res = super(IrAttachment, self - to_encrypt)._set_attachment_data(asbytes)
        if to_encrypt:
            fernet = _fernet(self.env)
            super(IrAttachment, to_encrypt.with_context(ops_encrypting=True))._set_attachment_data(
                lambda a: fernet.encrypt(asbytes(a))
            )
            to_encrypt.sudo().filtered(lambda a: not a.ops_encrypted).write({"ops_encrypted": True})
        return res

    def _ops_sync_encryption(self):
        """Encrypt the attachments of records that became secret, decrypt
        those of records that are no longer secret."""
        for attach in self.sudo():
            secret = self._ops_secret_target(attach.res_model, attach.res_id)
            if secret == attach.ops_encrypted or attach.type != "binary":
                continue
            plain = attach.raw or b""
            if secret:
                attach.write({"ops_encrypted": True})
                attach.with_context(ops_encrypting=True)._set_attachment_data(lambda a, p=plain: p)
            else:
                attach.with_context(ops_plain=True).write({"ops_encrypted": False})
                super(IrAttachment, attach)._set_attachment_data(lambda a, p=plain: p)
            attach.invalidate_recordset(["raw", "datas"])
        return True

    def _to_http_stream(self):
        """Downloads of encrypted attachments stream the decrypted bytes,
        and are logged. ops_org's download checks access to the record; an
        encrypted file's stream is built here, so it asks the same first."""
        if self.ops_encrypted:
            if not self.env.su:
                self.check_access("read")
            data = self.raw or b""
            stream = Stream(
                type="data",
                data=data,
                mimetype=self.mimetype,
                download_name=self.name,
                etag=self.checksum,
                public=self.public,
                size=len(data),
                last_modified=self.write_date,
            )
        else:
            stream = super()._to_http_stream()
        self._ops_log_download()
        return stream

    def _ops_classified_target(self):
        """The confidential or secret record this attachment belongs to."""
        self.ensure_one()
        attach = self.sudo()
        if not attach.res_model or not attach.res_id or attach.res_model not in self.env:
            return False
        record = self.env[attach.res_model].browse(attach.res_id)
        if not record._ops_classification_model() or not record.sudo().exists():
            return False
        roots = record._ops_classification_roots().filtered(lambda r: r.ops_level_rank >= 2)
        return roots[:1] or False

    def _ops_log_download(self):
        record = self._ops_classified_target()
        if record:
            self.env["ops.confidentiality.access.log"].sudo().create(
                {
                    "user_id": self.env.uid,
                    "res_model": record._name,
                    "res_id": record.id,
                    "record_name": record.sudo().display_name,
                    "level": record.sudo().ops_level,
                    "action": "download",
                    "attachment_id": self.id,
                }
            )
