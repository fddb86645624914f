"""Print a demo user's current second-factor code (demo machines only)."""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import second_factor


class Command(BaseCommand):
    help = "Print the current TOTP code of USERNAME's device (demo only: DEBUG or a local key)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and os.environ.get("TABUNKA_LOCAL_SECRET_KEY", "") != "1":
            raise CommandError(
                "totp_code is for the demo only: run it with DJANGO_DEBUG=1 or "
                "TABUNKA_LOCAL_SECRET_KEY=1 (as `make run` does), never on a server."
            )
        device = TOTPDevice.objects.filter(
            user__username=options["username"], confirmed=True
        ).first()
        if device is None:
            raise CommandError(f"{options['username']} has no confirmed TOTP device.")
        self.stdout.write(second_factor.current_code(device, fresh=True))
