from . import ops_approval_reject
from . import comment_wizard
