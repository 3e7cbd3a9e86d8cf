# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestOcaTermsInChinese(TransactionCase):
    """What OCA's base_tier_validation shows on every document under
    approval reads in Chinese: its zh_CN.po leaves it untranslated, ops_org
    ships it (i18n_extra/zh_CN.po) and Odoo loads it with ops_org."""

    def setUp(self):
        super().setUp()
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["base_tier_validation", "ops_org"], ["zh_CN"]
        )

    def test_banner_and_buttons(self):
        label = self.env.ref("base_tier_validation.tier_validation_label")
        arch = label.with_context(lang="zh_CN").arch_db
        self.assertIn("此记录需要审批", arch)
        self.assertNotIn("This Record needs to be", arch)
        buttons = self.env.ref("base_tier_validation.tier_validation_buttons")
        self.assertIn("提交审批", buttons.with_context(lang="zh_CN").arch_db)

    def test_fields(self):
        field = self.env["ir.model.fields"]._get("tier.definition", "approve_sequence_bypass")
        self.assertEqual(field.with_context(lang="zh_CN").field_description, "跳过审批顺序")
