"""Configuration data only: the territory register and institutions. Never personal data."""

from django.contrib import admin

from razem.territory.models import County, Institution, Municipality, Voivodeship


@admin.register(Voivodeship)
class VoivodeshipAdmin(admin.ModelAdmin):
    list_display = ["name", "teryt"]
    search_fields = ["name", "teryt"]


@admin.register(County)
class CountyAdmin(admin.ModelAdmin):
    list_display = ["name", "teryt", "voivodeship"]
    list_filter = ["voivodeship"]
    search_fields = ["name", "teryt"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "teryt", "kind", "county", "uses_razem"]
    list_filter = ["uses_razem", "kind", "county__voivodeship"]
    search_fields = ["name", "teryt"]
    list_select_related = ["county"]
    autocomplete_fields = ["county"]


@admin.register(Institution)
class InstitutionAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "municipality", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "short_name", "municipality__name"]
    list_select_related = ["municipality"]
    autocomplete_fields = ["municipality"]
    exclude = ["version"]
