from django.contrib.auth import views as auth_views
from django.urls import path

from . import account_views, security_views, views

urlpatterns = [
    path("signup", views.signup, name="signup"),
    path("login", views.LoginView.as_view(), name="login"),
    path("login/verify", security_views.login_verify, name="login_verify"),
    path(
        "login/passkey/options", security_views.passkey_login_options, name="passkey_login_options"
    ),
    path("login/passkey", security_views.passkey_login, name="passkey_login"),
    path("logout", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/login/", views.admin_login, name="admin_login"),
    path("password/change", views.password_change, name="password_change"),
    path("password/change/done", views.password_change_done, name="password_change_done"),
    path("password/reset", views.password_reset, name="password_reset"),
    path("password/reset/sent", views.password_reset_done, name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>",
        views.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path("password/reset/complete", views.password_reset_complete, name="password_reset_complete"),
    path("account", account_views.account, name="account"),
    path("account/username", account_views.change_username, name="change_username"),
    path("account/email", account_views.change_email, name="change_email"),
    path("account/email/confirm/<str:token>", account_views.confirm_email, name="email_confirm"),
    path("account/security", security_views.security, name="security"),
    path("account/security/totp", security_views.totp_setup, name="totp_setup"),
    path("account/security/totp/off", security_views.totp_off, name="totp_off"),
    path("account/security/recovery-codes", security_views.recovery_codes, name="recovery_codes"),
    path(
        "account/security/passkeys/options",
        security_views.passkey_register_options,
        name="passkey_register_options",
    ),
    path("account/security/passkeys", security_views.passkey_register, name="passkey_register"),
    path(
        "account/security/passkeys/<int:passkey_id>/remove",
        security_views.passkey_remove,
        name="passkey_remove",
    ),
    path("account/sessions", security_views.session_list, name="sessions"),
    path(
        "account/sessions/<int:session_id>/sign-out",
        security_views.sign_out_session,
        name="sign_out_session",
    ),
    path(
        "account/sessions/sign-out-everywhere",
        security_views.sign_out_everywhere,
        name="sign_out_everywhere",
    ),
    path("profile/edit", views.edit_profile, name="edit_profile"),
    path("preferences", views.preferences, name="preferences"),
    path("preferences/theme", views.set_theme, name="set_theme"),
    path("pseuds", views.pseuds, name="pseuds"),
    path("pseuds/<int:pseud_id>/edit", views.edit_pseud, name="edit_pseud"),
    path("pseuds/<int:pseud_id>/default", views.make_default_pseud, name="make_default_pseud"),
    path("pseuds/<int:pseud_id>/delete", views.delete_pseud, name="delete_pseud"),
]
