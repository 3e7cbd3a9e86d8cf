# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models
from odoo.tools.misc import file_path
from odoo.tools.translate import TranslationImporter


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    def _load_module_terms(self, modules, langs, overwrite=False, imported_module=False):
        """The terms of other modules (OCA's, Odoo's) that an ops addon
        ships in its ``i18n_extra`` replace theirs whenever translations are
        loaded: they are there because those modules leave the term
        untranslated, or translate it wrongly (which loading without
        overwriting would keep). Only the terms listed there change."""
        res = super()._load_module_terms(
            modules, langs, overwrite=overwrite, imported_module=imported_module
        )
        # The ops addons being installed too: Odoo's modules are loaded (and
        # translated) before them, and their demo data uses those terms.
        # sudo: the names of installed addons, read to find their files.
        addons = (
            self.sudo()
            .search(
                [
                    ("name", "=like", "ops\\_%"),
                    ("state", "in", ("installed", "to upgrade", "to install")),
                ],
                order="name",
            )
            .mapped("name")
        )
        importer = TranslationImporter(self.env.cr, verbose=False)
        loaded = False
        for addon in addons:
            for lang in langs:
                try:
                    path = file_path(f"{addon}/i18n_extra/{lang}.po")
                except FileNotFoundError:
                    continue
                importer.load_file(path, lang)
                loaded = True
        if loaded:
            # Forced: Odoo's data is often "noupdate" (expense categories),
            # which a plain overwrite leaves as it is.
            importer.save(overwrite=True, force_overwrite=True)
        return res
