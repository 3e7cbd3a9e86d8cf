from . import test_project_confidentiality
from . import test_project_followers
from . import test_project_notifications
from . import test_gate_approval_confidentiality
from . import test_project_counts
