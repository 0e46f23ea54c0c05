"""Cyclic garbage is collected on the GUI thread, never by a worker thread."""

from __future__ import annotations

import gc
import threading


def test_collection_runs_only_on_the_gui_thread(qtbot, qapp):  # type: ignore[no-untyped-def]
    from orderdesk.ui import main_thread_gc

    collector = main_thread_gc.install(qapp)
    assert main_thread_gc.install(qapp) is collector
    assert not gc.isenabled()
    threads: list[str] = []

    def note(phase: str, info: dict) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)

    def make_cycles() -> None:  # far past the generation-0 threshold
        for _ in range(50_000):
            a: list = []
            a.append(a)

    gc.callbacks.append(note)
    try:
        worker = threading.Thread(target=make_cycles, name="worker")
        worker.start()
        worker.join()
        assert threads == [], "a collection ran on the worker thread"
        qtbot.waitUntil(lambda: bool(threads), timeout=3000)
        assert set(threads) == {threading.main_thread().name}
    finally:
        gc.callbacks.remove(note)
    collector.stop()
    assert gc.isenabled()
    fresh = main_thread_gc.install(qapp)
    assert fresh is not collector
    fresh.stop()
