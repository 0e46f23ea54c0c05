"""Background work for the UI: one serial writer, a pool for reads, long jobs.

Threads (style rule 4, after Anki's taskman):
- `mutate`: a QThreadPool limited to one thread, so every database write of this
  station runs in submission order and SQLite never sees two writers from us.
- `query`: a QThreadPool for reads and network calls (they may run side by side).
- `job`: long work (imports, printing batches, sync) on its own pool, so a long import
  does not hold up a status change queued behind it. The function receives
  `abort` (threading.Event) and `progress(done, total, text)` keyword arguments.

Callbacks (`on_done`, `on_error`, `on_progress`) always run on the GUI thread: the
worker emits a signal of the runner, which lives on the GUI thread, so Qt queues it.
Worker functions must not touch widgets.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)

# Progress reports closer together than this are dropped (except the last one), so a
# job reporting every row cannot flood the GUI thread's event queue.
PROGRESS_INTERVAL_S = 0.05


class JobHandle:
    """A running long job: `cancel()` asks it to stop (it sees `abort.is_set()`)."""

    def __init__(self) -> None:
        self.abort = threading.Event()
        self.finished = False
        self.failed = False

    def cancel(self) -> None:
        self.abort.set()

    @property
    def cancelled(self) -> bool:
        return self.abort.is_set()


def _runner_call(finished: Signal, token: int, fn: Callable[..., Any], args: tuple,
                 kwargs: dict, running: set[int] | None = None) -> Callable[[], None]:
    """The work item a pool runs: a plain callable (no Python QRunnable subclass whose
    C++ side Qt would delete on the worker thread). `running` loses the token the moment
    the work returns (set.discard is atomic), before its result is delivered."""

    def run() -> None:  # worker thread
        try:
            result = fn(*args, **kwargs)
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI
            if running is not None:
                running.discard(token)
            finished.emit(token, False, exc)
        else:
            if running is not None:
                running.discard(token)
            finished.emit(token, True, result)

    return run


def task_label(fn: Callable[..., Any]) -> str:
    """What a running task is, for "still running: ..." questions: the function's
    `task_label` attribute if it has one, else its name in words."""
    label = getattr(fn, "task_label", None)
    if isinstance(label, str) and label:
        return label
    name = getattr(fn, "__name__", "") or type(fn).__name__
    return name.strip("_").replace("_", " ") or "task"


def _alive(callback: Callable[..., Any] | None) -> bool:
    """False for a bound method of a Qt object that has been deleted meanwhile."""
    owner = getattr(callback, "__self__", None)
    if isinstance(owner, QObject):
        from shiboken6 import isValid

        return isValid(owner)
    return True


class TaskRunner(QObject):
    """Runs service calls off the GUI thread and brings results back to it."""

    # token, ok, result-or-exception (emitted from worker threads, delivered queued)
    _finished = Signal(int, bool, object)
    # token, done, total, text
    _progressed = Signal(int, int, int, str)

    def __init__(self, ctx: QObject | None = None, *, query_threads: int = 4) -> None:
        super().__init__(ctx)
        self._ctx = ctx
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._writer.setExpiryTimeout(-1)  # keep the writer thread for the app's life
        self._readers = QThreadPool(self)
        self._readers.setMaxThreadCount(query_threads)
        self._jobs = QThreadPool(self)
        self._jobs.setMaxThreadCount(2)
        self._next = 0
        self._pending: dict[int, tuple[str, Callable | None, Callable | None, Callable | None]] = {}
        # Tokens whose work has not returned yet, and what each one is (quit questions).
        self._running: set[int] = set()
        self._labels: dict[int, str] = {}
        self._closing = False
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self._progressed.connect(self._on_progressed, Qt.ConnectionType.QueuedConnection)

    # -- submitting ---------------------------------------------------------------------
    def _submit(self, pool: QThreadPool, kind: str, fn: Callable[..., Any], args: tuple,
                kwargs: dict, on_done: Callable | None, on_error: Callable | None,
                on_progress: Callable | None = None) -> int:
        if self._closing:
            # Timers and late signals of widgets being torn down may still ask for work
            # while the window closes; dropping it is right, nothing waits for it.
            log.debug("task runner shut down: dropped %s %s", kind, getattr(fn, "__name__", fn))
            return -1
        self._next += 1
        token = self._next
        self._pending[token] = (kind, on_done, on_error, on_progress)
        self._track(token, kind, fn)
        pool.start(_runner_call(self._finished, token, fn, args, kwargs, self._running))
        return token

    def _track(self, token: int, kind: str, fn: Callable[..., Any]) -> None:
        # Periodic housekeeping (escalation checks, sync rounds) marks itself with
        # `task_quiet = True`: quitting waits for it anyway, no question needed.
        if kind != "query" and not getattr(fn, "task_quiet", False):
            self._running.add(token)
            self._labels[token] = task_label(fn)

    def mutate(self, fn: Callable[..., Any], *args: Any, on_done: Callable | None = None,
               on_error: Callable | None = None, **kwargs: Any) -> None:
        """Run a write on the single writer thread.

        A result that is a Changes, or carries one as `.changes`, is announced through
        `ctx.apply(changes)` before `on_done(result)` runs.
        """
        self._submit(self._writer, "mutate", fn, args, kwargs, on_done, on_error)

    def query(self, fn: Callable[..., Any], *args: Any, on_done: Callable | None = None,
              on_error: Callable | None = None, **kwargs: Any) -> None:
        """Run a read or a network call on the reader pool."""
        self._submit(self._readers, "query", fn, args, kwargs, on_done, on_error)

    def job(self, fn: Callable[..., Any], *args: Any, on_progress: Callable | None = None,
            on_done: Callable | None = None, on_error: Callable | None = None,
            **kwargs: Any) -> JobHandle:
        """Run long work with cancel and progress; see the module docstring."""
        handle = JobHandle()
        holder: dict[str, int] = {}
        last = [0.0]

        def progress(done: int, total: int, text: str = "") -> None:  # worker thread
            now = time.monotonic()
            if done < total and now - last[0] < PROGRESS_INTERVAL_S:
                return
            last[0] = now
            self._progressed.emit(holder["token"], int(done), int(total), str(text))

        def finish_done(result: Any) -> None:
            handle.finished = True
            if on_done is not None and _alive(on_done):
                on_done(result)

        def finish_error(exc: BaseException) -> None:
            handle.finished = True
            handle.failed = True
            if on_error is not None:
                if _alive(on_error):
                    on_error(exc)
            else:
                self._default_error(exc)

        kwargs = {**kwargs, "abort": handle.abort, "progress": progress}
        # The token must be known before the worker can report progress.
        self._next += 1
        token = self._next
        holder["token"] = token
        self._pending[token] = ("job", finish_done, finish_error, on_progress)
        self._track(token, "job", fn)
        self._jobs.start(_runner_call(self._finished, token, fn, args, kwargs, self._running))
        return handle

    # -- delivering (GUI thread) --------------------------------------------------------
    def _on_progressed(self, token: int, done: int, total: int, text: str) -> None:
        entry = self._pending.get(token)
        if entry is None or entry[3] is None or not _alive(entry[3]):
            return
        try:
            entry[3](done, total, text)
        except Exception:  # a broken progress slot must not kill the job's result
            log.exception("progress callback failed")

    def _on_finished(self, token: int, ok: bool, result: object) -> None:
        self._running.discard(token)
        self._labels.pop(token, None)
        entry = self._pending.pop(token, None)
        if entry is None:
            return
        kind, on_done, on_error, _ = entry
        try:
            if ok:
                if kind == "mutate":
                    self._announce(result)
                if on_done is not None and _alive(on_done):
                    on_done(result)
            else:
                if kind != "job" and not isinstance(result, Exception):
                    log.error("background task raised %r", result)
                if on_error is not None:
                    if _alive(on_error):
                        on_error(result)
                else:
                    self._default_error(result)
        except Exception:
            # A failing callback is a bug, but it must not take the window down.
            log.exception("callback of a background task failed")

    def _announce(self, result: object) -> None:
        from orderdesk.changes import Changes

        changes = result if isinstance(result, Changes) else getattr(result, "changes", None)
        apply = getattr(self._ctx, "apply", None)
        if isinstance(changes, Changes) and apply is not None:
            apply(changes)

    def _default_error(self, exc: object) -> None:
        from orderdesk.ui.errors import show_error

        if isinstance(exc, BaseException):
            log.warning("background task failed: %s", exc, exc_info=exc)
        parent = QCoreApplication.instance()
        active = parent.activeWindow() if hasattr(parent, "activeWindow") else None
        show_error(active, exc)

    # -- waiting / stopping -------------------------------------------------------------
    def busy(self) -> bool:
        """Anything submitted and not yet delivered (reads included)."""
        return bool(self._pending)

    def writes_pending(self) -> bool:
        """A mutation or a long job is still running: closing now would cut it off.
        A task that has returned is not running, even before its result is delivered."""
        return bool(self._running)

    def running_tasks(self) -> list[str]:
        """What the running mutations and jobs are (task_label), oldest first."""
        return [self._labels.get(t, "task") for t in sorted(set(self._running))]

    def wait_idle(self, timeout_ms: int = 5000) -> bool:
        """Process events until every submitted task delivered its callbacks (tests)."""
        timer = QElapsedTimer()
        timer.start()
        while self._pending:
            if timer.elapsed() > timeout_ms:
                return False
            QCoreApplication.processEvents()
            time.sleep(0.002)
        QCoreApplication.processEvents()
        return True

    def shutdown(self, timeout_ms: int = 10000) -> bool:
        """Refuse new work, ask jobs to wait, and wait for running work (app exit)."""
        self._closing = True
        ok = True
        for pool in (self._writer, self._readers, self._jobs):
            ok = pool.waitForDone(timeout_ms) and ok
        return ok


class ProgressDialog(QProgressDialog):
    """A modal progress dialog with Cancel wired to a job.

        dialog = ProgressDialog.run(self, ctx.tasks, run_import, ctx.desk, path,
                                    title=self.tr("Importing"), on_done=self._on_imported)

    The dialog closes itself when the job ends; `on_done`/`on_error` then run as usual.
    """

    def __init__(self, parent: QWidget | None, title: str, label: str = "") -> None:
        super().__init__(label, self.tr("Cancel"), 0, 0, parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(300)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(420)
        self.handle: JobHandle | None = None

    @classmethod
    def run(cls, parent: QWidget | None, tasks: TaskRunner, fn: Callable[..., Any], *args: Any,
            title: str = "", label: str = "", on_done: Callable | None = None,
            on_error: Callable | None = None, **kwargs: Any) -> ProgressDialog:
        dialog = cls(parent, title, label)

        def done(result: Any) -> None:
            dialog._close()
            if on_done is not None:
                on_done(result)

        def error(exc: BaseException) -> None:
            dialog._close()
            if on_error is not None:
                on_error(exc)
            else:
                from orderdesk.ui.errors import show_error

                show_error(parent, exc)

        dialog.handle = tasks.job(fn, *args, on_progress=dialog.report, on_done=done,
                                  on_error=error, **kwargs)
        dialog.canceled.connect(dialog._on_cancel)
        dialog.setValue(0)
        return dialog

    def report(self, done: int, total: int, text: str) -> None:
        if total > 0:
            if self.maximum() != total:
                self.setMaximum(total)
            self.setValue(min(done, total))
        if text:
            self.setLabelText(text)

    def _on_cancel(self) -> None:
        # QProgressDialog hides itself on Cancel; the job stops at its next abort check
        # and its on_done/on_error still run (the handle says it was cancelled).
        if self.handle is not None:
            self.handle.cancel()

    def _close(self) -> None:
        try:
            self.canceled.disconnect(self._on_cancel)
        except (RuntimeError, TypeError):
            pass
        self.reset()
        self.hide()
        self.deleteLater()
