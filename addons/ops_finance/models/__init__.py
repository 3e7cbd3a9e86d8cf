from . import hr_department
from . import ops_budget
from . import ops_budget_department
from . import ops_budget_line
from . import ops_budget_adjustment
from . import tier_definition
