"""The task runner: results on the GUI thread, serial writes, errors, jobs, contract."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread

from orderdesk.changes import Changes
from orderdesk.errors import AccountLocked, NotFound, ValidationFailed


def test_query_result_arrives_on_gui_thread(ctx, wait_tasks):
    seen = {}

    def work(x):
        seen["worker"] = threading.current_thread()
        return x * 2

    def done(value):
        seen["value"] = value
        seen["callback_is_gui"] = QThread.currentThread() is ctx.thread()

    ctx.tasks.query(work, 21, on_done=done)
    wait_tasks(ctx)
    assert seen["value"] == 42
    assert seen["worker"] is not threading.main_thread()
    assert seen["callback_is_gui"]


def test_mutations_run_one_at_a_time_in_order(ctx, wait_tasks):
    active = []
    peak = []
    order = []
    lock = threading.Lock()

    def write(i):
        with lock:
            active.append(i)
            peak.append(len(active))
        threading.Event().wait(0.01)
        with lock:
            active.remove(i)
        order.append(i)
        return i

    for i in range(8):
        ctx.tasks.mutate(write, i)
    wait_tasks(ctx)
    assert order == list(range(8))
    assert max(peak) == 1


def test_mutation_changes_are_announced_before_on_done(ctx, qtbot, wait_tasks):
    events = []
    ctx.changes_did_apply.connect(lambda changes, initiator: events.append(("signal", changes)))
    ctx.tasks.mutate(lambda: Changes(orders=True), on_done=lambda r: events.append(("done", r)))
    ctx.tasks.mutate(lambda: Changes(), on_done=lambda r: events.append(("done-empty", r)))
    wait_tasks(ctx)
    assert events[0] == ("signal", Changes(orders=True))
    assert events[1][0] == "done"
    assert [e[0] for e in events].count("signal") == 1  # empty Changes are not announced


def test_errors_reach_on_error_and_unhandled_ones_show_a_sentence(ctx, qtbot, wait_tasks):
    caught = []

    def fail():
        raise NotFound(entity="order", key="SO-1")

    ctx.tasks.query(fail, on_error=caught.append)
    wait_tasks(ctx)
    assert isinstance(caught[0], NotFound)

    def crash():
        raise ZeroDivisionError("boom")

    ctx.tasks.mutate(crash)
    wait_tasks(ctx)
    from PySide6.QtWidgets import QApplication, QMessageBox

    boxes = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMessageBox) and w.isVisible()]
    assert boxes, "an unhandled error must be shown to the user"
    text = boxes[-1].text()
    assert "ZeroDivisionError" in text and "Traceback" not in text and "boom" not in text
    for box in boxes:
        box.close()


def test_job_reports_progress_and_can_be_cancelled(ctx, wait_tasks):
    reports = []
    results = []
    started = threading.Event()

    def long_work(n, *, abort, progress):
        for i in range(n):
            if abort.is_set():
                return ("stopped", i)
            progress(i + 1, n, f"row {i + 1}")
            started.set()
            threading.Event().wait(0.002)
        return ("done", n)

    handle = ctx.tasks.job(long_work, 30, on_progress=lambda *a: reports.append(a),
                           on_done=results.append)
    wait_tasks(ctx)
    assert results == [("done", 30)]
    assert reports[-1] == (30, 30, "row 30")  # the last report is never dropped
    assert handle.finished and not handle.cancelled

    started.clear()
    handle = ctx.tasks.job(long_work, 100000, on_done=results.append)
    started.wait(5)
    handle.cancel()
    wait_tasks(ctx)
    assert results[-1][0] == "stopped" and results[-1][1] < 100000
    assert handle.cancelled


def test_callback_of_a_deleted_widget_is_skipped(ctx, qtbot, wait_tasks):
    from PySide6.QtWidgets import QLabel

    label = QLabel("before")
    gate = threading.Event()
    ctx.tasks.query(lambda: (gate.wait(5), "after")[1], on_done=label.setText)
    label.deleteLater()
    qtbot.wait(10)
    gate.set()
    wait_tasks(ctx)  # no RuntimeError from calling into a deleted C++ object


def test_progress_dialog_closes_when_the_job_ends(ctx, qtbot, wait_tasks):
    from orderdesk.ui.tasks import ProgressDialog

    out = []

    def work(*, abort, progress):
        for i in range(5):
            progress(i + 1, 5, "step")
        return "ok"

    dialog = ProgressDialog.run(None, ctx.tasks, work, title="t", on_done=out.append)
    wait_tasks(ctx)
    assert out == ["ok"]
    assert dialog.handle.finished


@pytest.mark.parametrize("exc, expected", [
    (AccountLocked(username="x", until=None), "locked"),
    (ValidationFailed(field="quantity", value="abc", reason="not_a_number", line=3), "line 3"),
    (FileNotFoundError(2, "No such file", "/tmp/orders.xlsx"), "/tmp/orders.xlsx"),
])
def test_describe_error_words_core_errors(ctx, exc, expected):
    from orderdesk.ui.errors import describe_error

    assert expected in describe_error(exc)


def test_registered_describer_wins(ctx):
    from orderdesk.errors import OrderdeskError
    from orderdesk.ui.errors import describe_error, register_describer

    class UnknownBarcode(OrderdeskError):
        code = "unknown_barcode_test"

    assert "unknown_barcode_test" in describe_error(UnknownBarcode(code_text="X1"))
    register_describer("unknown_barcode_test", lambda e: f"barcode {e.facts['code_text']}?")
    assert describe_error(UnknownBarcode(code_text="X1")) == "barcode X1?"


def test_progress_dialog_cancel_stops_the_job(ctx, qtbot, wait_tasks):
    from orderdesk.ui.tasks import ProgressDialog

    out = []
    started = threading.Event()

    def work(*, abort, progress):
        for i in range(100000):
            if abort.is_set():
                return ("stopped", i)
            progress(i, 100000, "row")
            started.set()
            threading.Event().wait(0.001)
        return ("done", 100000)

    dialog = ProgressDialog.run(None, ctx.tasks, work, title="t", on_done=out.append)
    started.wait(5)
    dialog.canceled.emit()  # what the Cancel button (or Esc) sends
    wait_tasks(ctx)
    assert out and out[0][0] == "stopped"
    assert dialog.handle.cancelled
