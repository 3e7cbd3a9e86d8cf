from . import test_ops_contact_sheet
from . import test_ops_contact_sheet_access
from . import test_ops_contact_sheet_escalation
from . import test_ops_coordination_channels
