from . import ops_contact_sheet_response
from . import ops_contact_sheet
from . import hr_department
from . import hr_employee
from . import res_company
from . import discuss_channel
from . import mail_message
