from . import test_ops_training
from . import test_ops_career
from . import test_ops_training_access
from . import test_ops_training_tour
from . import test_ops_training_rules
from . import test_ops_training_migration
