from django.contrib.auth.decorators import login_not_required
from django.urls import path
from django.views.i18n import set_language

from razem.home import views

app_name = "home"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("jezyk/", login_not_required(set_language), name="set_language"),
]
