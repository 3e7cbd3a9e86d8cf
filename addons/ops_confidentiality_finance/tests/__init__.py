from . import test_budget_confidentiality
from . import test_finance_followers
