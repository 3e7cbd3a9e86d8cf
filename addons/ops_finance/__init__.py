from . import demo, models
from . import report
from . import wizards
