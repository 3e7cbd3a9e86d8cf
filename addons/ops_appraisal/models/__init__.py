from . import ops_appraisal_grade
from . import ops_appraisal_template
from . import ops_appraisal_cycle
from . import ops_appraisal
from . import ops_appraisal_evaluation
from . import ops_appraisal_bonus
from . import hr_employee
