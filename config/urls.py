from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from razem.core.api import api_view_public

handler500 = "razem.core.views.server_error"

urlpatterns = [
    path("", include("razem.home.urls")),
    path("konto/", include("razem.accounts.urls")),
    path("osoby/", include("razem.people.urls")),
    path("audyt/", include("razem.audit.urls")),
    path("admin/", admin.site.urls),
    # The schema is read by DRF's own authentication (token or session).
    path("api/schema/", api_view_public(SpectacularAPIView.as_view()), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/", include("razem.people.api_urls")),
]
