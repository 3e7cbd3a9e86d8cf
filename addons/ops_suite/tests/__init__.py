from . import test_ops_suite
from . import test_suite_tours
