from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from ficarchive.core.ratelimit import client_address, hit_limit

from . import login_limits, services, signup_parts, two_factor
from .forms import (
    LinkFormSet,
    LoginForm,
    PreferenceForm,
    ProfileForm,
    PseudForm,
    SignupForm,
    login_name,
)
from .middleware import GUEST_THEME_COOKIE
from .models import Pseud

SIGNUPS_PER_HOUR = 5  # accounts made from one address
RESETS_PER_ADDRESS = 10  # reset requests from one address an hour
RESETS_PER_EMAIL = 3  # reset mails to one mailbox an hour


def signup(request):
    if request.user.is_authenticated:
        return redirect("profile", request.user.username)
    form = SignupForm(request.POST or None, request=request)
    context = {"form": form, "notices": signup_parts.notices(request)}
    if request.method == "POST" and form.is_valid():
        if hit_limit("signup", f"ip:{client_address(request)}", SIGNUPS_PER_HOUR, 3600):
            form.add_error(None, "Too many accounts were made from your address. Try again later.")
            return render(request, "accounts/signup.html", context, status=429)
        try:
            with transaction.atomic():
                user = services.create_account(
                    username=form.cleaned_data["username"],
                    email=form.cleaned_data["email"],
                    password=form.cleaned_data["password1"],
                )
                signup_parts.save_parts(user, form)
        except ValidationError as refusal:
            form.add_error(None, refusal)
            return render(request, "accounts/signup.html", context, status=400)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, f"Welcome, {user.username}! Your account is ready.")
        return redirect("profile", user.username)
    return render(request, "accounts/signup.html", context)


def admin_login(request):
    """The admin site's own log-in form would take a password alone, past a second factor: its
    address sends to the archive's log-in, which asks for both, and back to the admin."""
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/admin/"
    if request.user.is_authenticated:
        if not request.user.is_staff:  # signed in, but the admin is not theirs: no loop
            raise PermissionDenied("The admin site is for the archive's staff.")
        return redirect(target)
    return redirect(f"{reverse('login')}?next={quote(target)}")


class LoginView(auth_views.LoginView):
    """Django's log-in, with the limits of login_limits on top of django-axes'."""

    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        refused = login_limits.refusal(request, self._name())
        if refused:
            context = {"message": refused}
            return render(request, "accounts/locked_out.html", context, status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        if self._name():
            login_limits.record_failure(self.request, self._name())
        return super().form_invalid(form)

    def form_valid(self, form):
        user = form.get_user()
        if two_factor.has_second_factor(user):
            # The password is right; the second step (login_verify) signs them in.
            two_factor.start_pending(self.request, user, self.get_success_url())
            response = redirect("login_verify")
        else:
            response = super().form_valid(form)
        name = user.username
        login_limits.record_success(name)
        response.set_cookie(
            login_limits.KNOWN_BROWSER_COOKIE,
            login_limits.known_browser_cookie(self.request, name),
            max_age=login_limits.KNOWN_BROWSER_DAYS * 86400,
            secure=settings.SESSION_COOKIE_SECURE, httponly=True, samesite="Lax",
        )  # fmt: skip
        return response

    def _name(self) -> str:
        return login_name(str(self.request.POST.get("username", "")))[:254]


@login_required
@transaction.atomic
def edit_profile(request):
    user = request.user
    form = ProfileForm(request.POST or None, initial={"bio": user.bio})
    links = LinkFormSet(request.POST or None, instance=user, prefix="links")
    if request.method == "POST" and form.is_valid() and links.is_valid():
        services.update_profile(user, bio=form.cleaned_data["bio"])
        for position, link_form in enumerate(
            links.ordered_forms if links.can_order else links.forms
        ):
            if link_form.cleaned_data and not link_form.cleaned_data.get("DELETE"):
                link_form.instance.position = position
        links.save()
        messages.success(request, "Your profile is saved.")
        return redirect("profile", user.username)
    return render(request, "accounts/edit_profile.html", {"form": form, "links": links})


@login_required
def pseuds(request):
    form = PseudForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        pseud = form.save(commit=False)
        pseud.user = request.user
        pseud.save()
        messages.success(request, f"Pseud “{pseud.name}” created.")
        return redirect("pseuds")
    return render(
        request, "accounts/pseuds.html", {"form": form, "pseuds": request.user.pseuds.all()}
    )


@login_required
def edit_pseud(request, pseud_id):
    pseud = get_object_or_404(Pseud, pk=pseud_id, user=request.user)
    form = PseudForm(request.POST or None, instance=pseud, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Pseud saved.")
        return redirect("pseuds")
    return render(request, "accounts/edit_pseud.html", {"form": form, "pseud": pseud})


@login_required
@require_POST
def make_default_pseud(request, pseud_id):
    pseud = get_object_or_404(Pseud, pk=pseud_id, user=request.user)
    services.make_default_pseud(pseud)
    messages.success(request, f"“{pseud.name}” is now your default pseud.")
    return redirect("pseuds")


@login_required
def delete_pseud(request, pseud_id):
    pseud = get_object_or_404(Pseud, pk=pseud_id, user=request.user)
    if request.method == "POST":
        try:
            services.delete_pseud(pseud)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                f"Pseud “{pseud.name}” deleted; its works are now under your default pseud.",
            )
        return redirect("pseuds")
    return render(request, "accounts/delete_pseud.html", {"pseud": pseud})


@login_required
def preferences(request):
    prefs = services.preferences_of(request.user)
    form = PreferenceForm(request.POST or None, instance=prefs)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your preferences are saved.")
        return redirect("preferences")
    return render(request, "accounts/preferences.html", {"form": form})


@require_POST
def set_theme(request):
    """Switch light/dark/auto: saved for a signed-in reader, in a cookie for a guest."""
    theme = request.POST.get("theme", "auto")
    if theme not in {"auto", "light", "dark"}:
        theme = "auto"
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    if request.user.is_authenticated:
        prefs = services.preferences_of(request.user)
        prefs.theme = theme
        prefs.save(update_fields=["theme"])
    else:
        response.set_cookie(GUEST_THEME_COOKIE, theme, max_age=365 * 86400, samesite="Lax")
    return response


password_change = login_required(
    auth_views.PasswordChangeView.as_view(
        template_name="accounts/password_change.html",
        success_url=reverse_lazy("password_change_done"),
    )
)
password_change_done = auth_views.PasswordChangeDoneView.as_view(
    template_name="accounts/message.html",
    extra_context={"title": "Password changed", "message": "Your password is changed."},
)


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset page, limited per address (429) and per mailbox: past its limit a mailbox
    gets no more mail, with the same answer as ever, so nothing tells whether it has an account."""

    def form_valid(self, form):
        if hit_limit("reset", f"ip:{client_address(self.request)}", RESETS_PER_ADDRESS, 3600):
            form.add_error(None, "You asked for many reset links in a short time. Try again later.")
            return self.render_to_response(self.get_context_data(form=form), status=429)
        mailbox = form.cleaned_data["email"].strip().lower()
        if hit_limit("reset-mail", mailbox, RESETS_PER_EMAIL, 3600):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


password_reset = PasswordResetView.as_view(
    template_name="accounts/password_reset.html",
    email_template_name="accounts/email/password_reset.txt",
    subject_template_name="accounts/email/password_reset_subject.txt",
    success_url=reverse_lazy("password_reset_done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/message.html",
    extra_context={
        "title": "Check your e-mail",
        "message": "If an account uses that address, we have sent it a link to choose a new password.",
    },
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/message.html",
    extra_context={
        "title": "Password set",
        "message": "Your new password is set. You can log in with it now.",
    },
)


def reverse_profile(user) -> str:
    return reverse("profile", args=[user.username])
