from . import test_project_confidentiality
