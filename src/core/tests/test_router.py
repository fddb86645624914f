"""The read-replica router (tabunka.routers): which model is read from where.

No real replica is needed: the router decides from settings.DATABASES having a "replica" entry,
which the tests add; nothing here opens a connection to it.
"""

from __future__ import annotations

import warnings

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from consultations.models import Case
from notices.models import FAQ, Notice, NoticeEvent, ScanCount, Step, Topic
from tabunka.routers import (
    PRIMARY_MODELS,
    REPLICA_MODELS,
    PrimaryForStaffMiddleware,
    ReplicaRouter,
    primary_only,
)
from translations.models import GlossaryTerm, ProviderUsage, Translation, TranslationJob

router = ReplicaRouter()
NEVER_LAGGING_APPS = {
    "consultations",
    "accounts",
    "auth",
    "sessions",
    "axes",
    "admin",
    "contenttypes",
    "django_tasks_database",
}


@pytest.fixture
def replica(settings):
    """settings.DATABASES with a "replica" entry, as DATABASE_REPLICA_URL makes it."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Django warns that overriding DATABASES is unusual
        settings.DATABASES = {**settings.DATABASES, "replica": dict(settings.DATABASES["default"])}
    yield


def test_without_a_replica_everything_reads_from_default():
    for model in apps.get_models():
        assert router.db_for_read(model) == "default", model


@pytest.mark.usefixtures("replica")
@pytest.mark.parametrize("model", [Notice, Step, Topic, FAQ, Translation, GlossaryTerm])
def test_public_content_reads_from_the_replica(model):
    assert router.db_for_read(model) == "replica"


@pytest.mark.usefixtures("replica")
@pytest.mark.parametrize(
    "model",
    [Case, get_user_model(), Session, ScanCount, NoticeEvent, TranslationJob, ProviderUsage],
)
def test_private_or_read_modify_write_models_read_from_default(model):
    assert router.db_for_read(model) == "default"


@pytest.mark.usefixtures("replica")
def test_no_model_of_a_private_app_ever_reads_from_the_replica():
    seen = set()
    for model in apps.get_models():
        label = model._meta.app_label
        seen.add(label)
        if label in NEVER_LAGGING_APPS:
            assert router.db_for_read(model) == "default", model
        elif router.db_for_read(model) == "replica":
            assert label in {"notices", "translations"}, model
    assert {"consultations", "axes", "sessions", "django_tasks_database"} <= seen


def test_the_replica_lists_name_existing_models():
    for label, name in REPLICA_MODELS | PRIMARY_MODELS:
        config = apps.get_app_config(label)
        if name != "*":
            assert config.get_model(name)


@pytest.mark.usefixtures("replica")
def test_writes_and_migrations_go_to_default_only():
    for model in apps.get_models():
        assert router.db_for_write(model) == "default", model
    assert router.allow_migrate("default", "notices")
    assert not router.allow_migrate("replica", "notices")
    assert not router.allow_migrate("replica", "consultations")


@pytest.mark.usefixtures("replica")
def test_primary_only_pins_reads_and_then_releases():
    with primary_only():
        assert router.db_for_read(Notice) == "default"
    assert router.db_for_read(Notice) == "replica"


@pytest.mark.usefixtures("replica")
@pytest.mark.django_db(transaction=True)
def test_reads_inside_a_transaction_come_from_default():
    with transaction.atomic():
        assert router.db_for_read(Notice) == "default"
    assert router.db_for_read(Notice) == "replica"


@pytest.mark.usefixtures("replica")
@pytest.mark.parametrize(
    ("method", "cookies", "expected"),
    [
        ("get", {}, "replica"),
        ("head", {}, "replica"),
        ("post", {}, "default"),
        ("get", {"sessionid": "abc"}, "default"),
    ],
)
def test_middleware_pins_writes_and_signed_in_requests_to_default(method, cookies, expected):
    seen = []

    def view(request: HttpRequest) -> HttpResponse:
        seen.append(router.db_for_read(Notice))
        return HttpResponse()

    request = getattr(RequestFactory(), method)("/n/NH7K4A")
    request.COOKIES.update(cookies)
    PrimaryForStaffMiddleware(view)(request)
    assert seen == [expected]
    assert router.db_for_read(Notice) == "replica"  # the pin ends with the request
