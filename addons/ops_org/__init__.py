from . import demo, models
from . import wizards
