# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OpsCareerLevel(models.Model):
    """A rung of a career track and what it takes to reach it: skills,
    a minimum appraisal grade, trainings completed and time spent in the
    level below. Requirements only grow along a track."""

    _name = "ops.career.level"
    _description = "Career Level"
    _order = "track_id, sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10, help="Rank on the track: lower comes first.")
    track_id = fields.Many2one("ops.career.track", required=True, ondelete="cascade", index=True)
    skill_requirement_ids = fields.One2many(
        "ops.career.level.skill", "level_id", string="Skills Required"
    )
    min_grade_id = fields.Many2one(
        "ops.appraisal.grade",
        string="Minimum Appraisal Grade",
        help="The latest published appraisal must reach at least this grade.",
    )
    programme_ids = fields.Many2many(
        "ops.training.programme", string="Trainings Completed", help="Attended before promotion."
    )
    min_months = fields.Integer(
        string="Months in Previous Level",
        help="Time spent in the level below first.",
        ops_min=0,
        ops_max=600,
    )
    description = fields.Text(translate=True)
    company_id = fields.Many2one(related="track_id.company_id", store=True, index=True)

    @api.depends("name", "track_id.name")
    def _compute_display_name(self):
        for level in self:
            level.display_name = f"{level.track_id.name} / {level.name}"

    def _lower_levels(self):
        self.ensure_one()
        return self.track_id.level_ids.filtered(
            lambda lv: (lv.sequence, lv.id) < (self.sequence, self.id)
        )

    def _next_level(self):
        self.ensure_one()
        higher = self.track_id.level_ids.filtered(
            lambda lv: (lv.sequence, lv.id) > (self.sequence, self.id)
        )
        return higher.sorted(lambda lv: (lv.sequence, lv.id))[:1]

    @api.constrains("min_grade_id", "sequence", "skill_requirement_ids")
    def _check_requirements_grow(self):
        for level in self.track_id.level_ids:
            for lower in level._lower_levels():
                level._ops_check_against(lower)

    def _ops_check_against(self, lower):
        """Refuse a requirement lower than what ``lower`` (a lower level of
        the same track) already asks."""
        if (
            self.min_grade_id
            and lower.min_grade_id
            and self.min_grade_id.min_score < lower.min_grade_id.min_score
        ):
            raise ValidationError(
                self.env._(
                    "%(level)s asks for grade %(grade)s, lower than %(lower)s asks "
                    "(%(lower_grade)s): requirements only grow along a track.",
                    level=self.name,
                    grade=self.min_grade_id.name,
                    lower=lower.name,
                    lower_grade=lower.min_grade_id.name,
                )
            )
        below = {r.skill_id: r.skill_level_id for r in lower.skill_requirement_ids}
        for requirement in self.skill_requirement_ids:
            lower_level = below.get(requirement.skill_id)
            if (
                lower_level
                and requirement.skill_level_id.level_progress < lower_level.level_progress
            ):
                raise ValidationError(
                    self.env._(
                        "%(level)s asks for %(skill)s at %(skill_level)s, lower than %(lower)s "
                        "asks (%(lower_skill_level)s): requirements only grow along a track.",
                        level=self.name,
                        skill=requirement.skill_id.name,
                        skill_level=requirement.skill_level_id.name,
                        lower=lower.name,
                        lower_skill_level=lower_level.name,
                    )
                )

    def _ops_missing_requirements(self, employee, since=None):
        """What ``employee`` still lacks for this level, as sentences; an
        empty list when every requirement is met. ``since``: the date the
        employee entered the level below."""
        self.ensure_one()
        employee = employee.sudo()
        missing = []
        held = {s.skill_id: s.level_progress for s in employee.employee_skill_ids}
        for requirement in self.skill_requirement_ids:
            if held.get(requirement.skill_id, -1) < requirement.skill_level_id.level_progress:
                missing.append(
                    self.env._(
                        "Skill %(skill)s at %(level)s",
                        skill=requirement.skill_id.name,
                        level=requirement.skill_level_id.name,
                    )
                )
        if self.min_grade_id:
            appraisal = employee._ops_last_appraisal()
            if not appraisal.grade_id or appraisal.grade_id.min_score < self.min_grade_id.min_score:
                missing.append(
                    self.env._(
                        "Appraisal grade %(grade)s or better (last: %(last)s)",
                        grade=self.min_grade_id.name,
                        last=appraisal.grade_id.name or "-",
                    )
                )
        attended = (
            self.env["ops.training.enrolment"]
            .sudo()
            .search([("employee_id", "=", employee.id), ("state", "=", "attended")])
            .programme_id
        )
        for programme in self.programme_ids - attended:
            missing.append(self.env._("Training %(programme)s", programme=programme.name))
        if self.min_months:
            today = fields.Date.context_today(self)
            if not since or since + relativedelta(months=self.min_months) > today:
                missing.append(
                    self.env._("%(months)s months in the previous level", months=self.min_months)
                )
        return missing


class OpsCareerLevelSkill(models.Model):
    _name = "ops.career.level.skill"
    _description = "Career Level Skill Requirement"

    level_id = fields.Many2one("ops.career.level", required=True, ondelete="cascade", index=True)
    skill_type_id = fields.Many2one("hr.skill.type", required=True)
    skill_id = fields.Many2one(
        "hr.skill", required=True, domain="[('skill_type_id', '=', skill_type_id)]"
    )
    skill_level_id = fields.Many2one(
        "hr.skill.level",
        string="Minimum Skill Level",
        required=True,
        domain="[('skill_type_id', '=', skill_type_id)]",
    )
    company_id = fields.Many2one(related="level_id.company_id", store=True)

    @api.constrains("skill_id", "skill_level_id", "skill_type_id")
    def _check_skill_type(self):
        for requirement in self:
            types = requirement.skill_id.skill_type_id | requirement.skill_level_id.skill_type_id
            if types != requirement.skill_type_id:
                raise ValidationError(
                    self.env._(
                        "Skill %(skill)s and level %(level)s must be of the type %(type)s.",
                        skill=requirement.skill_id.name,
                        level=requirement.skill_level_id.name,
                        type=requirement.skill_type_id.name,
                    )
                )
        self.level_id._check_requirements_grow()
