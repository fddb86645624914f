"""Machine-translation providers, chosen in settings and resolved with import_string."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from translations.providers.base import Provider, ProviderConfig, ProviderError

__all__ = ["Provider", "ProviderConfig", "ProviderError", "get_provider", "configured_name"]


def configured_name() -> str:
    """Return the provider the city configured, or "" when machine translation is off."""
    return str(getattr(settings, "TABUNKA_MT_PROVIDER", "") or "")


def get_provider(name: str | None = None) -> Provider:
    """Return the configured provider (or the named one) built from the TABUNKA_MT_* settings."""
    name = name or configured_name()
    registry: dict[str, str] = getattr(settings, "TABUNKA_MT_PROVIDERS", {})
    if name not in registry:
        raise ImproperlyConfigured(f"Unknown machine-translation provider {name!r}.")
    cls = import_string(registry[name])
    config = ProviderConfig(
        url=settings.TABUNKA_MT_URL,
        key=settings.TABUNKA_MT_KEY,
        secret=settings.TABUNKA_MT_SECRET,
        user=settings.TABUNKA_MT_USER,
        timeout=settings.TABUNKA_MT_TIMEOUT,
        options=getattr(settings, "TABUNKA_MT_OPTIONS", {}),
    )
    provider: Provider = cls(config)
    return provider
