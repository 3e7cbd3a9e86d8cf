from . import ops_appraisal_bonus_xlsx
