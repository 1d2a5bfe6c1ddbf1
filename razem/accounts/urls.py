from django.urls import path

from razem.accounts import views

app_name = "accounts"

urlpatterns = [
    path("logowanie/", views.placeholder, name="login"),
    path("wyloguj/", views.placeholder, name="logout"),
    path("drugi-skladnik/", views.placeholder, name="second_factor"),
    path("bezpieczenstwo/", views.placeholder, name="security"),
    path("rola/", views.placeholder, name="switch_role"),
    path("uzytkownicy/", views.placeholder, name="users"),
]
