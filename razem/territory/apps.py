from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TerritoryConfig(AppConfig):
    name = "razem.territory"
    label = "territory"
    verbose_name = _("Territory and institutions")
