# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from . import users
