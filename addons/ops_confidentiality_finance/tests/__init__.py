from . import test_budget_confidentiality
from . import test_budget_approval_confidentiality
from . import test_finance_followers
from . import test_expense_budget_confidentiality
