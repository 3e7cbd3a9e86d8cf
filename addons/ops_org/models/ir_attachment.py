# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models
from odoo.exceptions import AccessError


class IrAttachment(models.Model):
    """A file is read by those who may read the record it is attached to.

    Odoo filters attachments by the read access to their record in
    ``_search`` only, so in ``fetch`` of values not yet in the cache. But
    ``check_access('read')`` (hence ``has_access``, ``_filtered_access``,
    and ``read`` of values that a sudo read already put in the cache every
    environment shares) and ``validate_access`` for an internal user (the
    downloads by id: ``/web/content``, ``/web/image``, ``/mail/attachment/zip``)
    look at the attachment's own rights only. Here reading an attachment asks
    what ``_search`` asks of it, whatever the path: read access to its record
    (and to the field, for a binary field's file). Public files, access
    tokens and files without a record that the user created stay readable as
    Odoo has them; a file whose record is gone is refused, as Odoo's
    ``fetch`` refuses it."""

    _inherit = "ir.attachment"

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if operation != "read" or self.env.su:
            return result
        candidates = self - result[0] if result else self
        unreadable = candidates._ops_unreadable()
        if not unreadable:
            return result
        if result:
            return result[0] + unreadable, result[1]
        return unreadable, unreadable._ops_read_access_error

    def fetch(self, field_names):
        try:
            return super().fetch(field_names)
        except AccessError:
            # Odoo's fetch drops the attachments that ``_search`` filters out
            # and reports them with the record rules' message, which names no
            # rule here: say why instead.
            result = None if self.env.su else self._check_access("read")
            if result:
                raise result[1]() from None
            raise

    def validate_access(self, access_token):
        attachment = super().validate_access(access_token)
        if not attachment.env.su:
            # Odoo checks the record of the attachment for portal users only
            # (and then returns it in sudo, as for a valid token or a public
            # file); for an internal user it returns it as is: check it now,
            # so that the download is refused before anything is read.
            attachment.check_access("read")
        return attachment

    def _to_http_stream(self):
        if not self.env.su:
            # Every download (/web/content, /web/image, the mail zip, the
            # invoice downloads) streams the file through here, often after
            # a sudo read of the same attachment filled the shared cache, so
            # that the user's own read would check nothing.
            self.check_access("read")
        return super()._to_http_stream()

    def _ops_unreadable(self):
        """The attachments of ``self`` whose record the current user may
        not read, in a bounded number of queries: one for the attachments,
        one search per model they are attached to."""
        ids = list(dict.fromkeys(id_ for id_ in self._ids if id_))
        if not ids:
            # New records are not attached to anything stored yet.
            return self.browse()
        # Odoo's own filter of attachments by document access (public files,
        # files without a record created by the user, binary fields the user
        # may read). The domain names ``id``, so no ``res_field`` condition
        # is added (``skip_res_field_check`` plays no part); ``_search`` only
        # checks the rights on the empty recordset, which returns above
        # before anything else: no recursion.
        readable = set(self.browse()._search([("id", "in", ids)]))
        return self.browse([id_ for id_ in ids if id_ not in readable])

    def _ops_read_access_error(self):
        return AccessError(
            self.env._(
                "You may not read the file(s) %(ids)s: a file can only be read by "
                "those who may read the record it is attached to.",
                ids=", ".join(str(id_) for id_ in self.ids[:6]),
            )
        )
