from . import test_bank_reconciliation
