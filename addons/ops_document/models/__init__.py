from . import ops_document
from . import ops_document_version
from . import ops_document_acknowledgement
from . import ops_document_destruction
