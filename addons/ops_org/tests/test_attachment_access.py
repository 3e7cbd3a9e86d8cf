# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64
import io

from PIL import Image

from odoo.exceptions import AccessError
from odoo.http import Request
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import OpsOrgCommon


def png_bytes(colour="red"):
    """A real (tiny) PNG, so that ``/web/image`` serves it as it is."""
    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), colour).save(buffer, format="PNG")
    return buffer.getvalue()


class AttachmentCommon(OpsOrgCommon):
    """Files on the duty of ``user_employee``'s company (he may read it),
    on the duty of the other company (the company rule hides it from him),
    and one of each kind Odoo lets through without a readable record."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.png = png_bytes()
        Attachment = cls.env["ir.attachment"]

        def attach(record, name, raw, **values):
            return Attachment.create(
                dict(
                    {"name": name, "raw": raw, "res_model": record._name, "res_id": record.id},
                    **values,
                )
            )

        cls.duty_file = attach(cls.duty, "charter.png", cls.png)
        cls.other_file = attach(cls.other_duty, "elsewhere.png", png_bytes("blue"))
        cls.other_public = attach(cls.other_duty, "poster.png", cls.png, public=True)
        cls.other_tokened = attach(cls.other_duty, "shared.png", cls.png)
        cls.token = cls.other_tokened.generate_access_token()[0]
        cls.own_loose = Attachment.with_user(cls.user_employee).create(
            {"name": "draft.txt", "raw": b"my draft"}
        )
        cls.loose_of_other = Attachment.with_user(cls.user_head).create(
            {"name": "notes.txt", "raw": b"head's notes"}
        )


@tagged("post_install", "-at_install", "ops_access")
class TestAttachmentAccess(AttachmentCommon):
    """Reading a file through the ORM needs read access to its record."""

    def assertUnreadable(self, attachment):
        """Every ORM way of reading ``attachment`` (in the current env)
        is refused or finds nothing, with our sentence."""
        self.assertFalse(attachment.has_access("read"))
        self.assertFalse(attachment._filtered_access("read"))
        for call in (
            lambda: attachment.check_access("read"),
            lambda: attachment.read(["name", "datas"]),
            lambda: attachment.web_read({"name": {}, "mimetype": {}, "datas": {}}),
            lambda: attachment.raw,
        ):
            error = self.assertRefused(call)
            self.assertIsInstance(error, AccessError)
            self.assertIn("attached to", str(error))
        self.assertFalse(attachment.search_read([("id", "=", attachment.id)], ["name", "datas"]))

    def assertReadable(self, attachment, raw):
        self.assertTrue(attachment.has_access("read"))
        attachment.check_access("read")
        self.assertEqual(base64.b64decode(attachment.read(["datas"])[0]["datas"]), raw)
        self.assertEqual(attachment.web_read({"name": {}})[0]["name"], attachment.sudo().name)
        self.assertEqual(len(attachment.search_read([("id", "=", attachment.id)], ["name"])), 1)
        self.assertEqual(attachment.raw, raw)

    def test_file_of_a_record_the_user_may_read_is_read(self):
        # ops_department_duty_rule_company lets him read his company's duty.
        self.assertReadable(self.duty_file.with_user(self.user_employee), self.png)

    def test_record_rule_hides_the_file_of_the_record(self):
        # ops_department_duty_rule_company hides the other company's duty.
        self.assertUnreadable(self.other_file.with_user(self.user_employee))

    def test_no_read_right_on_the_model_hides_its_files(self):
        # access_ops_department_duty_employee: ops_outsider has no group of
        # ours, hence no right on duties at all.
        self.assertUnreadable(self.duty_file.with_user(self.user_outsider))

    def test_values_in_the_cache_do_not_bypass_the_record(self):
        # A superuser read (here: an addon computing something) puts the
        # file in the cache that every environment of the transaction
        # shares; Odoo's read() then checks only the attachment's own rights.
        self.other_file.read(["name", "datas", "mimetype"])
        attachment = self.other_file.with_user(self.user_employee)
        with self.assertRaises(AccessError):
            attachment.read(["name", "datas", "mimetype"])
        with self.assertRaises(AccessError):
            attachment.check_access("read")

    def test_one_unreadable_file_refuses_the_batch_and_names_only_it(self):
        files = (self.duty_file | self.other_file).with_user(self.user_employee)
        self.assertEqual(files._filtered_access("read"), self.duty_file)
        error = self.assertRefused(files.check_access, "read")
        self.assertIn(str(self.other_file.id), str(error))
        self.assertNotIn("elsewhere", str(error))

    def test_public_token_and_own_files_stay_as_odoo_has_them(self):
        as_employee = self.env["ir.attachment"].with_user(self.user_employee)
        self.assertReadable(as_employee.browse(self.other_public.id), self.png)
        self.assertReadable(as_employee.browse(self.own_loose.id), b"my draft")
        # A file without a record is its author's (and the administrators').
        self.assertUnreadable(as_employee.browse(self.loose_of_other.id))
        # An access token opens the file, in sudo, whoever asks.
        tokened = as_employee.browse(self.other_tokened.id)
        self.assertEqual(tokened.validate_access(self.token).raw, self.png)
        with self.assertRaises(AccessError):
            tokened.validate_access("forged")
        with self.assertRaises(AccessError):
            tokened.validate_access(None)

    def test_validate_access_checks_the_record_for_internal_users(self):
        Attachment = self.env["ir.attachment"].with_user(self.user_employee)
        self.assertEqual(Attachment.browse(self.duty_file.id).validate_access(None).raw, self.png)
        with self.assertRaises(AccessError):
            Attachment.browse(self.other_file.id).validate_access(None)

    def test_file_of_a_field_follows_the_field_groups(self):
        # hr.employee.id_card is for hr.group_hr_user only: staff may read the
        # employee, not the file of the field.
        self.emp_head.id_card = base64.b64encode(b"id card")
        card = (
            self.env["ir.attachment"]
            .with_context(skip_res_field_check=True)
            .search(
                [
                    ("res_model", "=", "hr.employee"),
                    ("res_id", "=", self.emp_head.id),
                    ("res_field", "=", "id_card"),
                ]
            )
        )
        self.assertEqual(len(card), 1)
        with self.assertRaises(AccessError):
            card.with_user(self.user_employee).read(["datas"])
        self.assertFalse(card.with_user(self.user_employee).has_access("read"))
        self.assertEqual(card.with_user(self.user_hr).raw, b"id card")

    def test_superuser_reads_everything(self):
        self.assertEqual(self.other_file.raw, png_bytes("blue"))
        self.assertTrue(self.other_file.with_user(self.user_employee).sudo().has_access("read"))

    def test_checking_many_files_costs_no_more_queries_than_two(self):
        Attachment = self.env["ir.attachment"]
        records = [self.duty, self.department]
        many = Attachment.create(
            [
                {
                    "name": f"f{index}.txt",
                    "raw": b"x",
                    "res_model": record._name,
                    "res_id": record.id,
                }
                for index in range(10)
                for record in records
            ]
        )
        two = many[:2]
        self.assertEqual(set(two.mapped("res_model")), {r._name for r in records})

        def queries(attachments):
            attachments = attachments.with_user(self.user_employee)
            attachments.has_access("read")  # warm the rights and rules caches
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self.assertTrue(attachments.has_access("read"))
            return self.env.cr.sql_log_count - before

        self.assertEqual(queries(many), queries(two))


@tagged("post_install", "-at_install", "ops_access")
class TestAttachmentRoutes(AttachmentCommon, HttpCase):
    """``/web/content``, ``/web/image`` and the mail zip download serve a
    file by id to whoever may read its record, and to nobody else."""

    def test_web_content_serves_the_file_of_a_readable_record(self):
        self.authenticate("ops_employee", "ops_employee")
        response = self.url_open(f"/web/content/{self.duty_file.id}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, self.png)

    @mute_logger("odoo.http")
    def test_web_content_refuses_the_file_of_an_unreadable_record(self):
        # ops_department_duty_rule_company: the other company's duty.
        self.authenticate("ops_employee", "ops_employee")
        for url in (
            f"/web/content/{self.other_file.id}",
            f"/web/content/{self.other_file.id}?download=true",
        ):
            response = self.url_open(url)
            self.assertEqual(response.status_code, 404)
            self.assertNotEqual(response.content, png_bytes("blue"))

    @mute_logger("odoo.http")
    def test_web_content_refuses_a_user_without_rights_on_the_model(self):
        # access_ops_department_duty_employee: ops_outsider has none.
        self.authenticate("ops_outsider", "ops_outsider")
        response = self.url_open(f"/web/content/{self.duty_file.id}")
        self.assertEqual(response.status_code, 404)

    def test_web_image_serves_the_image_of_a_readable_record(self):
        self.authenticate("ops_employee", "ops_employee")
        response = self.url_open(f"/web/image/{self.duty_file.id}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, self.png)

    def test_web_image_shows_the_placeholder_for_an_unreadable_record(self):
        self.authenticate("ops_employee", "ops_employee")
        response = self.url_open(f"/web/image/{self.other_file.id}")
        # Odoo answers a refused image with its placeholder, never the file.
        self.assertNotEqual(response.content, png_bytes("blue"))
        self.assertEqual(
            self.url_open(f"/web/image/{self.other_file.id}?download=true").status_code, 404
        )

    def test_token_and_public_files_are_still_served(self):
        self.authenticate("ops_employee", "ops_employee")
        tokened = self.url_open(f"/web/content/{self.other_tokened.id}?access_token={self.token}")
        self.assertEqual(tokened.status_code, 200)
        self.assertEqual(tokened.content, self.png)
        public = self.url_open(f"/web/content/{self.other_public.id}")
        self.assertEqual(public.status_code, 200)
        self.assertEqual(public.content, self.png)

    @mute_logger("odoo.http")
    def test_mail_zip_download_refuses_an_unreadable_file(self):
        self.authenticate("ops_employee", "ops_employee")

        def zip_of(*attachments):
            return self.url_open(
                "/mail/attachment/zip",
                data={
                    "file_ids": ",".join(str(a.id) for a in attachments),
                    "zip_name": "files.zip",
                    "csrf_token": Request.csrf_token(self),
                },
            )

        allowed = zip_of(self.duty_file)
        self.assertEqual(allowed.status_code, 200)
        self.assertIn(b"charter.png", allowed.content)
        refused = zip_of(self.duty_file, self.other_file)
        self.assertNotEqual(refused.status_code, 200)
        self.assertNotIn(b"elsewhere.png", refused.content)
