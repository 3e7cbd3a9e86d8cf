from . import test_ops_meeting
from . import test_ops_meeting_access
from . import test_ops_meeting_rules
from . import test_ops_meeting_notice
