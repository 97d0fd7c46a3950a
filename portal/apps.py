from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Public portal")

    def ready(self):
        from portal.editors import ensure_groups

        # After the permissions themselves are made, which happens on the same signal.
        post_migrate.connect(ensure_groups, sender=self)
