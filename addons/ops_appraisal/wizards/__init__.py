from . import ops_appraisal_appeal_decision
