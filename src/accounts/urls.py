from django.contrib.auth import views as auth_views
from django.urls import path

from accounts import second_factor

app_name = "accounts"

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(template_name="accounts/login.html"),
        name="login",
    ),
    path("second-factor/", second_factor.page, name="second-factor"),
    # Back to the staff login page, not Django admin's "logged out" page.
    path("logout/", auth_views.LogoutView.as_view(next_page="accounts:login"), name="logout"),
]
