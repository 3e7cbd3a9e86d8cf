from . import test_appraisal_confidentiality
from . import test_appraisal_confidentiality_rules
from . import test_appraisal_followers
