from . import hr_department
from . import ops_budget
from . import ops_budget_department
from . import ops_budget_line
from . import ops_budget_adjustment
from . import ops_cost_indicator
from . import tier_definition
