from . import test_ops_appraisal_bonus_sheet
from . import test_ops_appraisal_bonus_sheet_access
from . import test_ops_appraisal_account_rules
from . import test_cn_chart
