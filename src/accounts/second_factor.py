"""The second factor (TOTP) page: enrol an authenticator app, or type its code for this session.

Which users must pass it is decided where the data is: consultations.second_factor sends
counselors and supervisors here before any case page. Any logged-in staff user may enrol.
"""

from __future__ import annotations

import base64

import django_otp
import segno
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "authenticator"


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("core:staff-home")


def secret_text(device: TOTPDevice) -> str:
    """Return the key as the base32 text authenticator apps accept, in groups of four."""
    text = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


@never_cache
@login_required
def page(request: HttpRequest) -> HttpResponse:
    user = request.user
    next_url = _next_url(request)
    if user.is_verified():  # type: ignore[union-attr]
        return HttpResponseRedirect(next_url)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    enrolling = device is None
    if device is None:
        device, _created = TOTPDevice.objects.get_or_create(
            user=user, confirmed=False, defaults={"name": DEVICE_NAME}
        )
    error = ""
    if request.method == "POST":
        code = "".join(request.POST.get("code", "").split())
        if not (code.isdigit() and len(code) == device.digits):
            error = _("Please type the 6 digits your authenticator app shows.")
        elif not device.verify_token(code):
            error = _("That code is not right or has expired. Please type the current code.")
        else:
            if enrolling:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            django_otp.login(request, device)
            return HttpResponseRedirect(next_url)
    context = {"enrolling": enrolling, "error": error, "next": next_url}
    if enrolling:
        context["qr_uri"] = segno.make(device.config_url, error="m").svg_data_uri(scale=4)
        context["secret"] = secret_text(device)
    return render(request, "accounts/second_factor.html", context, status=400 if error else 200)


# The demo's and tests' known key (hex, 20 bytes): never used outside DEBUG/test databases.
DEMO_KEY = "3132333435363738393031323334353637383930"


def give_device(user: object, key: str = DEMO_KEY) -> TOTPDevice:
    """Give the user a confirmed TOTP device with this key (demo and tests only)."""
    device, _created = TOTPDevice.objects.update_or_create(
        user=user, name=DEVICE_NAME, defaults={"key": key, "confirmed": True, "last_t": -1}
    )
    return device


def current_code(device: TOTPDevice, fresh: bool = False) -> str:
    """Return the code the device's authenticator app shows now (demo and tests only).

    A used code is refused until the next 30 s step; with `fresh`, when this step's code was
    used already, return the next step's (accepted: one step of clock drift is tolerated).
    """
    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if fresh and totp.t() <= device.last_t:
        totp.drift += device.last_t + 1 - totp.t()
    return f"{totp.token():0{device.digits}d}"
