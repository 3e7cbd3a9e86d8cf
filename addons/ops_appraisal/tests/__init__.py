from . import test_ops_appraisal
from . import test_ops_appraisal_access
from . import test_ops_appraisal_bonus
from . import test_ops_appraisal_honour
from . import test_ops_appraisal_improvement_plan
from . import test_ops_appraisal_customer
from . import test_ops_appraisal_results
from . import test_ops_appraisal_tour
