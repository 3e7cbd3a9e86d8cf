from . import test_bank_reconciliation
from . import test_finance_chinese
