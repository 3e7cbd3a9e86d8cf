from . import test_classified_access
from . import test_encryption
from . import test_nda
from . import test_inspection_violation
from . import test_ip_asset
from . import test_confidentiality_access
from . import test_confidentiality_rules
