# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models, tools
from odoo.tools.misc import file_open
from odoo.tools.translate import JAVASCRIPT_TRANSLATION_COMMENT, TranslationFileReader


class IrHttp(models.AbstractModel):
    """The web client's terms of the OCA modules the suite shows, in the
    languages their own files leave untranslated or mistranslated.

    Odoo reads a module's JavaScript terms from that module's files only; an
    ops addon ships the missing ones in its ``i18n_extra/<lang>.po`` under the
    OCA module's name (``#. module: account_reconcile_oca``, ``#.
    odoo-javascript``), and they are given to the web client with that
    module's terms (replacing its own where both exist)."""

    _inherit = "ir.http"

    @api.model
    def get_translations_for_webclient(self, modules, lang):
        translations, lang_params = super().get_translations_for_webclient(modules, lang)
        extra = self._ops_extra_web_terms(lang or self.env.context.get("lang"))
        for module, terms in extra.items():
            if module not in translations:
                continue
            messages = {m["id"]: m["string"] for m in translations[module]["messages"]}
            messages.update(terms)
            translations[module] = {
                "messages": tuple({"id": src, "string": value} for src, value in messages.items())
            }
        return translations, lang_params

    @api.model
    @tools.ormcache("lang")
    def _ops_extra_web_terms(self, lang):
        """{module: {term: translation}} of the JavaScript terms of other
        modules in the installed ops addons' ``i18n_extra``."""
        extra = {}
        if not lang:
            return extra
        for addon in sorted(m for m in self.pool._init_modules if m.startswith("ops_")):
            try:
                with file_open(f"{addon}/i18n_extra/{lang}.po", mode="rb") as fileobj:
                    rows = list(TranslationFileReader(fileobj, fileformat="po"))
            except FileNotFoundError:
                continue
            for row in rows:
                if (
                    row.get("type") == "code"
                    and row.get("value")
                    and row.get("module") != addon
                    and JAVASCRIPT_TRANSLATION_COMMENT in row.get("comments", ())
                ):
                    extra.setdefault(row["module"], {})[row["src"]] = row["value"]
        return extra
