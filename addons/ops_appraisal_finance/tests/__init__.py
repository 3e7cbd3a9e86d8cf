from . import test_ops_appraisal_finance
