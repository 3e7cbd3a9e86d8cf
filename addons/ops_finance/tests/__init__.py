from . import test_ops_budget
from . import test_ops_budget_access
from . import test_ops_budget_adjustment
