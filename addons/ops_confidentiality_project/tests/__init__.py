from . import test_project_confidentiality
from . import test_project_followers
