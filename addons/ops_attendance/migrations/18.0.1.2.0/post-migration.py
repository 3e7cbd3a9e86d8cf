# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import re

from openupgradelib import openupgrade

_CHAIN_TIERS = (
    "ops_attendance.tier_definition_leave_department_head",
    "ops_attendance.tier_definition_leave_hr",
    "ops_attendance.tier_definition_leave_leadership",
)
# The condition 18.0.1.1.0 shipped, with the separator before or after it.
_NO_VALIDATION = re.compile(
    r"""\s*,\s*\(\s*['"]validation_type['"]\s*,\s*['"]!=['"]\s*,\s*['"]no_validation['"]\s*\)"""
    r"""|\(\s*['"]validation_type['"]\s*,\s*['"]!=['"]\s*,\s*['"]no_validation['"]\s*\)\s*,?\s*"""
)


@openupgrade.migrate()
def migrate(env, version):
    """18.0.1.2.0: a time off type on the chain goes through it whatever its
    own validation mode, "No Validation" included (until now such time off
    was approved at once). The three tiers (noupdate, possibly edited by an
    administrator) lose their condition on the validation mode."""
    for xmlid in _CHAIN_TIERS:
        tier = env.ref(xmlid, raise_if_not_found=False)
        if not tier or not tier.definition_domain:
            continue
        domain = _NO_VALIDATION.sub("", tier.definition_domain, count=1)
        if domain != tier.definition_domain:
            tier.definition_domain = domain
