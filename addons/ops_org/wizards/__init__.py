from . import ops_approval_reject
