from . import hr_department
