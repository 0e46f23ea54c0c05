"""Every audit action the code records has a name people can read, in both languages."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Actions written by add_audit(...) or as audit row dicts; `insert`/`update`/`delete`
# come from the tracking hook.
_ACTION = re.compile(r"add_audit\([^)]*?action=\"([a-z_]+)\"", re.S)


def _recorded_actions() -> set[str]:
    # + what orderdesk.backup and the users service's refusals record through a variable
    found = {"insert", "update", "delete", "backup", "restore", "create_user", "set_roles"}
    for folder in ("orderdesk", "sync"):
        for path in (ROOT / folder).rglob("*.py"):
            found.update(_ACTION.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_recorded_action_has_a_label_in_english_and_chinese(qapp):  # type: ignore[no-untyped-def]
    from orderdesk.ui import i18n
    from orderdesk.ui.board.labels import action_label

    actions = _recorded_actions()
    assert {"change_request", "unbind", "login"} <= actions  # the scan finds them
    try:
        i18n.set_language("en")
        raw = sorted(a for a in actions if action_label(a) == a)
        assert raw == [], f"audit actions shown as raw codes: {raw}"
        i18n.set_language("zh")
        untranslated = sorted(a for a in actions
                              if not re.search(r"[\u4e00-\u9fff]", action_label(a)))
        assert untranslated == [], f"audit actions without Chinese: {untranslated}"
    finally:
        i18n.set_language("en")


def test_note_kinds_have_labels(qapp):  # type: ignore[no-untyped-def]
    from orderdesk.ui import i18n
    from orderdesk.ui.board.labels import note_kind_label

    try:
        i18n.set_language("zh")
        assert note_kind_label("message") == "客户消息"
        assert note_kind_label("merge") == "合并订单"
    finally:
        i18n.set_language("en")


_ENTITY = re.compile(r"add_audit\([^)]*?entity=\"([a-z_]+)\"", re.S)


def test_every_audited_record_kind_has_a_label(qapp):  # type: ignore[no-untyped-def]
    from orderdesk.models import Base
    from orderdesk.ui import i18n
    from orderdesk.ui.board.labels import entity_label

    kinds = {m.class_.__tablename__ for m in Base.registry.mappers
             if getattr(m.class_, "__tracked__", False)} | {"database"}
    for folder in ("orderdesk", "sync"):
        for path in (ROOT / folder).rglob("*.py"):
            kinds.update(_ENTITY.findall(path.read_text(encoding="utf-8")))
    assert {"orders", "batch_bindings", "sync_stations"} <= kinds
    try:
        i18n.set_language("en")
        assert sorted(k for k in kinds if entity_label(k) == k) == []
        i18n.set_language("zh")
        assert sorted(k for k in kinds
                      if not re.search(r"[\u4e00-\u9fff]", entity_label(k))) == []
    finally:
        i18n.set_language("en")
