from . import res_company
from . import res_config_settings
from . import account_move
from . import ops_appraisal_bonus_sheet
from . import account_chart_template
