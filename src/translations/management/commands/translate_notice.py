"""Machine-translate the missing languages of a notice in a background job."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from core import languages
from translations import actions, providers
from translations.models import TranslationJob


class Command(BaseCommand):
    help = "Enqueue a job that fills a notice's missing languages by machine translation."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("code", help="the notice's code, e.g. NH7K4A")
        parser.add_argument("--to", default="", help="comma-separated languages (default: all)")
        parser.add_argument("--provider", default="", help="override TABUNKA_MT_PROVIDER")
        parser.add_argument(
            "--wait", action="store_true", help="run the worker until the job is finished"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override("en"):  # operators read the console in English
            self._handle(options)

    def _handle(self, options: dict[str, Any]) -> None:
        notice_model = apps.get_model("notices", "Notice")
        notice = notice_model.objects.filter(code=options["code"].upper()).first()
        if notice is None:
            raise CommandError(f"No notice with the code {options['code']}.")
        name = options["provider"] or providers.configured_name()
        codes = [c.strip() for c in options["to"].split(",") if c.strip()]
        if not codes and name:
            provider = providers.get_provider(name)
            codes = [c for c in languages.TARGETS if provider.supports(c)]
        try:
            job = actions.do_request_machine_translation(
                notice, codes, label=notice.code, provider=name or None
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(f"Job {job.pk}: {notice.code} → {', '.join(job.languages)} ({name})")
        if options["wait"] and not job.finished:
            call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
        job = TranslationJob.objects.get(pk=job.pk)
        self.stdout.write(_describe(job))
        if job.status == "failed":
            raise CommandError(f"The job failed ({job.error}): {job.message}")


def _describe(job: TranslationJob) -> str:
    return (
        f"{job.status}: {job.done}/{job.total} languages, {job.filled} fields filled, "
        f"{job.warnings} glossary warnings"
    )
