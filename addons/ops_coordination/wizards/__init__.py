from . import ops_contact_sheet_step
