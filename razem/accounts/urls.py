from django.urls import path

from razem.accounts import views

app_name = "accounts"

urlpatterns = [
    path("logowanie/", views.login_view, name="login"),
    path("wyloguj/", views.logout_view, name="logout"),
    path("wyloguj-wszedzie/", views.logout_everywhere, name="logout_everywhere"),
    path("drugi-skladnik/", views.second_factor, name="second_factor"),
    path("drugi-skladnik/konfiguracja/", views.second_factor_setup, name="second_factor_setup"),
    path("kody-odzyskiwania/", views.recovery_codes, name="recovery_codes"),
    path(
        "kody-odzyskiwania/nowe/",
        views.recovery_codes_regenerate,
        name="recovery_codes_regenerate",
    ),
    path("bezpieczenstwo/", views.security, name="security"),
    path("haslo/", views.password_change, name="password_change"),
    path("rola/", views.switch_role, name="switch_role"),
    path("uzytkownicy/", views.users, name="users"),
    path("uzytkownicy/nowy/", views.user_create, name="user_create"),
    path("uzytkownicy/<int:user_id>/", views.user_detail, name="user_detail"),
    path("uzytkownicy/<int:user_id>/nadaj-role/", views.membership_grant, name="membership_grant"),
    path("uzytkownicy/<int:user_id>/wylacz/", views.user_disable, name="user_disable"),
    path("role/<int:membership_id>/odbierz/", views.membership_revoke, name="membership_revoke"),
]
