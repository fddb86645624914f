"""The back office's one navigation and its to-do list, filled by the apps that register with it.

Core knows nothing of the apps above it: each app calls `register()` and `register_todo()` from
its `AppConfig.ready()` (as Wagtail apps do through `register_admin_menu_item` and
`construct_homepage_panels`), and the staff layout shows a person only what they may use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts.roles import is_staff_member

Label = str | Promise
# Who may use an entry: a permission ("app.codename") or a function of the user.
Check = str | Callable[[Any], bool]


@dataclass(frozen=True)
class Section:
    key: str
    label: Label
    order: int


NOTICES = Section("notices", _("Notices and writing"), 10)
TRANSLATION = Section("translation", _("Translation"), 20)
PLAZA = Section("plaza", _("Consultation Plaza"), 30)
ADMINISTRATION = Section("administration", _("Administration"), 90)


def allows(check: Check, user: Any) -> bool:
    """Return whether a staff member passes the check; nobody else ever does."""
    if not is_staff_member(user):
        return False
    if isinstance(check, str):
        return bool(user.has_perm(check))
    return bool(check(user))


@dataclass(frozen=True)
class Entry:
    """One page in the navigation."""

    key: str  # unique, e.g. "notices:list"
    section: Section
    label: Label
    url_name: str
    check: Check
    order: int = 100
    args: tuple[str, ...] = ()

    @property
    def url(self) -> str:
        return reverse(self.url_name, args=self.args)

    def allows(self, user: Any) -> bool:
        return allows(self.check, user)


@dataclass(frozen=True)
class Todo:
    """One card on the staff home: how many things wait, and where to do them."""

    label: Label
    count: int
    url: str
    hint: Label = ""  # one sentence on what to do next


# Returns the to-do cards for a user; only counts, never a person's name or data.
TodoProvider = Callable[[Any], Iterable[Todo]]


@dataclass(frozen=True)
class _Provider:
    key: str
    check: Check
    provider: TodoProvider
    order: int


@dataclass
class _Registry:
    entries: dict[str, Entry] = field(default_factory=dict)
    todos: dict[str, _Provider] = field(default_factory=dict)


_registry = _Registry()


def register(entry: Entry) -> None:
    """Add a page to the navigation (registering the same key again replaces it)."""
    _registry.entries[entry.key] = entry


def register_todo(key: str, check: Check, provider: TodoProvider, order: int = 100) -> None:
    """Add a source of to-do cards, asked only for users who pass `check`."""
    _registry.todos[key] = _Provider(key, check, provider, order)


def entries() -> list[Entry]:
    """Return every registered entry in menu order."""
    return sorted(_registry.entries.values(), key=lambda e: (e.section.order, e.order, e.key))


def menu_for(user: Any) -> list[tuple[Section, list[Entry]]]:
    """Return the sections and entries this user may use, in menu order."""
    menu: dict[str, tuple[Section, list[Entry]]] = {}
    for entry in entries():
        if entry.allows(user):
            menu.setdefault(entry.section.key, (entry.section, []))[1].append(entry)
    return list(menu.values())


def todos_for(user: Any) -> list[Todo]:
    """Return the to-do cards of every provider this user passes, in registration order."""
    providers = sorted(_registry.todos.values(), key=lambda p: (p.order, p.key))
    return [todo for p in providers if allows(p.check, user) for todo in p.provider(user)]


def current_entry(
    path: str, view_name: str, menu: list[tuple[Section, list[Entry]]]
) -> Entry | None:
    """Return the entry of this page: the same view, else the entry whose URL contains the path."""
    items = [e for _, section_items in menu for e in section_items]
    same_view = [e for e in items if e.url_name == view_name]
    if same_view:
        return same_view[0]
    matches = [e for e in items if path.startswith(e.url)]
    return max(matches, key=lambda e: len(e.url), default=None)
