from . import res_company
from . import res_config_settings
from . import tier_definition
from . import hr_leave_type
from . import hr_leave
from . import ops_attendance_month
from . import ops_attendance_dispute
