from . import demo, models
from . import report
