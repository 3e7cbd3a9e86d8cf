from . import test_ops_document
from . import test_ops_document_confidential
from . import test_ops_document_access
from . import test_ops_document_rules
from . import test_ops_cases
