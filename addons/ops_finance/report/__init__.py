from . import ops_budget_execution_report
from . import ops_budget_execution_xlsx
