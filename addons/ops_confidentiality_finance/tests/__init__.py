from . import test_budget_confidentiality
