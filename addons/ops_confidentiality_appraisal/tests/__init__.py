from . import test_appraisal_confidentiality
