from . import calendar_event
from . import mail_activity
from . import ops_meeting_decision
from . import ops_meeting_minutes
from . import ops_meeting_template
from . import res_company
from . import res_config_settings
