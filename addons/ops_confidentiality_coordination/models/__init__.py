from . import ops_contact_sheet
