from . import test_ops_suite
