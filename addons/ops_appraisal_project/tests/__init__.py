from . import test_ops_appraisal_project
from . import test_ops_appraisal_project_access
from . import test_ops_appraisal_project_rules
