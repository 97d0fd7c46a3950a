"""One style of dates and numbers per language, on every page, in every message and in
the admin: templates name these formats (``|date`` or ``|date:"DATETIME_FORMAT"``), never
a pattern of their own."""
