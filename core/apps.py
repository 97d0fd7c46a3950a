from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from django.contrib import admin

        from core.admin import read_input_as_sanad_does

        # The admin has found every app's admin modules by now (it is the first app).
        read_input_as_sanad_does(admin.site)
