from . import ops_budget
