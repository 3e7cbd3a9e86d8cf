from . import ops_appraisal
