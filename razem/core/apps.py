from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "razem.core"
    label = "core"
    verbose_name = "Razem"
