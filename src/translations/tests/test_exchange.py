"""Exchange files: written by us, read back by translate-toolkit, imported with validation."""

from __future__ import annotations

import pytest
from translate.storage import factory

from notices.models import Notice
from translations import exchange, memory, services
from translations.exchange.content import unit_id
from translations.machine import parts_of
from translations.models import GlossaryTerm, MemoryEntry, Status, Translation

pytestmark = pytest.mark.django_db


def _notice() -> Notice:
    return Notice.objects.get(code="NH7K4A")


def _read_back(data: bytes, name: str) -> list[tuple[str, str, str]]:
    """Return (id, source, target) as translate-toolkit's format detection reads the file."""
    import io

    if name.endswith(".xliff2"):
        from translate.storage import xliff2

        store = xliff2.Xliff2File.parsestring(data)  # format detection knows XLIFF 1.x only
    else:
        handle = io.BytesIO(data)
        handle.name = name
        store = factory.getobject(handle)
    out = []
    for unit in store.units:
        if unit.isheader() or not unit.source:
            continue
        if name.endswith(".po"):
            uid = unit.getcontext()
        elif name.endswith(".xlf"):
            uid = unit.getid().rpartition("\x04")[2]  # XLIFF 1.x ids carry the file name
        else:
            uid = unit.getid()
        out.append((uid, str(unit.source), str(unit.target or "")))
    return out


@pytest.mark.parametrize(
    ("fmt", "name"), [("xliff12", "x.xlf"), ("xliff20", "x.xliff2"), ("po", "x.po")]
)
def test_content_round_trip_is_lossless(fmt: str, name: str) -> None:
    notice = _notice()
    parts = parts_of(notice)
    services.set_translation(
        notice, "title", "vi", "Tiêu đề\nhai dòng & <b>", status=Status.MACHINE
    )
    data = exchange.export_content(parts, "vi", fmt)
    units = _read_back(data, name)
    rows = {
        unit_id(r.source, r.field): r.text  # type: ignore[arg-type]
        for r in Translation.objects.filter(language="vi").prefetch_related("source")
        if r.source is not None and r.source in parts
    }
    assert len(units) == sum(1 for o in parts for f in o.translatable_fields if getattr(o, f))
    for uid, _source, target in units:
        assert target == rows.get(uid, ""), uid
    assert (f"notices.notice:{notice.pk}.title", notice.title, "Tiêu đề\nhai dòng & <b>") in units
    fuzzy = {u.id: u.fuzzy for u in exchange.read_units(data, fmt)}
    assert fuzzy[f"notices.notice:{notice.pk}.title"] is True  # machine text goes out as fuzzy
    report = exchange.import_content(parts, "vi", fmt, data)
    assert report.updated == [] and report.problems == 0
    assert exchange.read_units(
        exchange.export_content(parts, "vi", fmt), fmt
    ) == exchange.read_units(data, fmt)


def test_import_validates_unknown_changed_and_placeholders() -> None:
    notice = _notice()
    parts = parts_of(notice)
    notice.contact = "詳しくは https://www.city.kumamoto.jp/ を見てください。"
    notice.save()
    data = exchange.export_content(parts, "th", "po").decode()
    title_id = f"notices.notice:{notice.pk}.title"
    contact_id = f"notices.notice:{notice.pk}.contact"
    data = data.replace(
        f'msgctxt "{contact_id}"\nmsgid "{notice.contact}"\nmsgstr ""',
        f'msgctxt "{contact_id}"\nmsgid "{notice.contact}"\nmsgstr "ดูรายละเอียดที่เว็บไซต์ของเมือง"',
    )
    data += '\nmsgctxt "notices.step:999999.text"\nmsgid "ない"\nmsgstr "ไม่มี"\n'
    # The title changes after the export.
    notice.title = notice.title + "（改訂）"
    notice.save()
    old_title = notice.title.replace("（改訂）", "")
    data = data.replace(
        f'msgctxt "{title_id}"\nmsgid "{old_title}"\nmsgstr "',
        f'msgctxt "{title_id}"\nmsgid "{old_title}"\nmsgstr "X',
    )
    report = exchange.import_content(parts_of(_notice()), "th", "po", data.encode())
    assert report.unknown == ["notices.step:999999.text"]
    assert report.changed_source == [title_id]
    assert report.placeholders == [contact_id]
    contact = Translation.objects.filter(object_id=notice.pk, language="th", field="contact")
    assert not contact.filter(text="ดูรายละเอียดที่เว็บไซต์ของเมือง").exists()


def test_import_of_a_reviewed_file_stores_reviewed_text_and_history() -> None:
    notice = _notice()
    parts = parts_of(notice)
    data = exchange.export_content(parts, "my", "xliff12").decode()
    from translate.storage import xliff

    store = xliff.xlifffile.parsestring(data.encode())
    unit = next(
        u for u in store.units if u.xmlelement.get("id") == f"notices.notice:{notice.pk}.title"
    )
    unit.target = "အမျိုးသားကျန်းမာရေးအာမခံကြေး အကြောင်းကြားစာ"
    unit.markfuzzy(False)
    report = exchange.import_content(parts, "my", "xliff12", bytes(store))
    assert f"notices.notice:{notice.pk}.title" in report.updated
    row = Translation.objects.get(
        object_id=notice.pk, field="title", language="my", content_type__model="notice"
    )
    assert row.status == Status.REVIEWED and row.revisions.count() >= 1


def test_tmx_round_trip() -> None:
    memory.remember(
        "納期限までに納めてください。", "Please pay by the payment deadline.", "en", origin="x"
    )
    data = exchange.export_tmx("en")
    read = _read_back(data, "m.tmx")
    assert any(
        s == "納期限までに納めてください。" and t == "Please pay by the payment deadline."
        for _, s, t in read
    )
    count = MemoryEntry.objects.filter(language="en").count()
    MemoryEntry.objects.filter(language="en").delete()
    assert exchange.import_tmx(data, "en") == count
    assert MemoryEntry.objects.filter(language="en").count() == count


def test_tbx_round_trip_keeps_forbidden_variants() -> None:
    data = exchange.export_tbx("en")
    import io

    handle = io.BytesIO(data)
    handle.name = "g.tbx"
    store = factory.getobject(handle)
    unit = next(u for u in store.units if u.source == "区役所")
    terms = unit.get_target_terms("en")
    assert terms[0].text == "Ward Office" and not terms[0].deprecated
    assert {t.text for t in terms if t.deprecated} == {"Ward Oficina", "ward bureau"}
    before = {
        (t.term, t.translation, t.forbidden, t.note)
        for t in GlossaryTerm.objects.filter(language="en")
    }
    GlossaryTerm.objects.filter(language="en").delete()
    assert exchange.import_tbx(data, "en") == len(before)
    after = {
        (t.term, t.translation, t.forbidden, t.note)
        for t in GlossaryTerm.objects.filter(language="en")
    }
    assert after == before
