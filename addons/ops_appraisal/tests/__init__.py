from . import test_ops_appraisal
from . import test_ops_appraisal_access
from . import test_ops_appraisal_bonus
from . import test_ops_appraisal_honour
from . import test_ops_appraisal_improvement_plan
