from . import test_ops_project_gate
from . import test_project_phase_guard
from . import test_ops_project_change_request
from . import test_ops_project_lifecycle_access
from . import test_ops_project_reports
from . import test_ops_project_lifecycle_tour
from . import test_ops_project_lifecycle_rules
from . import test_ops_cases
