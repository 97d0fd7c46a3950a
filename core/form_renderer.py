"""How form widgets are drawn."""

from django.forms.renderers import BaseRenderer, DjangoTemplates, Jinja2
from django.template import TemplateDoesNotExist


class WidgetRenderer(BaseRenderer):
    """Django's own widgets through Jinja2, which Django ships templates for: the
    Django engine's include per <option> made a long select the slowest part of a
    page. Widgets with only Django templates (the admin's, auth's) fall back to it."""

    def __init__(self):
        self.jinja2 = Jinja2()
        self.django = DjangoTemplates()

    def get_template(self, template_name):
        try:
            return self.jinja2.get_template(template_name)
        except TemplateDoesNotExist:
            return self.django.get_template(template_name)
