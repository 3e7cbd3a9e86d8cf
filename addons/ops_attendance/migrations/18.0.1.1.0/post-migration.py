# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from openupgradelib import openupgrade

_CHAIN_TIERS = (
    "ops_attendance.tier_definition_leave_department_head",
    "ops_attendance.tier_definition_leave_hr",
    "ops_attendance.tier_definition_leave_leadership",
)
_TYPE_FLAG = "('holiday_status_id.ops_authority_chain', '=', True)"


@openupgrade.migrate()
def migrate(env, version):
    """18.0.1.1.0 puts on the chain only the time off types flagged for it:
    the types of an existing installation are flagged, as a new installation
    flags those existing then, and the tiers (noupdate, possibly edited by an
    administrator) gain the condition on the type."""
    env["hr.leave.type"]._ops_flag_authority_chain()
    for xmlid in _CHAIN_TIERS:
        tier = env.ref(xmlid, raise_if_not_found=False)
        domain = (tier.definition_domain or "[]").strip() if tier else ""
        if not tier or _TYPE_FLAG in domain or not domain.startswith("["):
            continue
        rest = domain[1:].strip()
        tier.definition_domain = f"[{_TYPE_FLAG}" + (f", {rest}" if rest != "]" else "]")
