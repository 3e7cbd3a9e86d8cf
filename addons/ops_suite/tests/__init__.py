from . import test_ops_suite
from . import test_suite_tours
from . import test_suite_bank_reconcile_tour
from . import test_stock_users
from . import test_suite_rules
from . import test_suite_rpc
from . import test_suite_confidentiality
from . import test_demo_month
