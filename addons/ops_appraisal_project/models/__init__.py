from . import project_project
from . import ops_project_member
from . import ops_appraisal_cycle
from . import ops_appraisal
from . import ops_appraisal_bonus
