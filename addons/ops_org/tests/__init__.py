from . import test_ops_department_duty_access
from . import test_hr_department
from . import test_tier_validation
from . import test_ops_webhook
from . import test_approval_tour
from . import test_tier_review_access
from . import test_attachment_access
from . import test_tier_review_escalation
