from . import test_hr_leave
from . import test_ops_attendance_month
from . import test_ops_attendance_access
from . import test_hr_leave_chain
from . import test_ops_attendance_rules
from . import test_hr_leave_notice
from . import test_ops_attendance_month_schedule
from . import test_ops_attendance_month_jobs
