from . import ops_budget_execution_report
from . import ops_budget_execution_xlsx
from . import ops_fund_usage_report
