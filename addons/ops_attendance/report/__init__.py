from . import ops_attendance_month_xlsx
