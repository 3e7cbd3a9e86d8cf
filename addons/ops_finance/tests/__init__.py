from . import test_ops_budget
from . import test_ops_budget_access
from . import test_ops_budget_adjustment
from . import test_ops_budget_execution_report
from . import test_ops_budget_alert
from . import test_ops_cost_indicator
from . import test_ops_expense
from . import test_ops_expense_concurrency
