from . import hr_department
from . import hr_employee
from . import res_company
from . import res_config_settings
from . import tier_definition
from . import tier_review
from . import tier_validation
from . import mail_activity
