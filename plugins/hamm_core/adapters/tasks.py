"""Background work: a QgsTask that runs a function off the main thread and hands its
result (or its error) back on the main thread.

Rules (as in qgis_plugin_tools' BaseTask): inside the function no layers are added, no
signals to the GUI are emitted, no widgets are touched; it returns plain data. The
callbacks run on the main thread in finished(). Running tasks are referenced here so
Python does not collect them while QGIS still runs them.
"""

import contextlib
import traceback
from typing import Any, Callable, Optional

from qgis.core import QgsApplication, QgsTask
from qgis.PyQt.QtCore import QCoreApplication, QEventLoop, QTimer

from ..logic.errors import HammError
from ..logic.i18n import tr
from .messages import log, log_error

_RUNNING = set()


class TaskCancelled(HammError):
    def __init__(self, description: str):
        super().__init__(tr("'{task}' was cancelled.").format(task=description))


class HammTask(QgsTask):
    """``func(task)`` runs in a worker thread; it may call ``task.setProgress(0..100)``
    and should check ``task.isCanceled()``. ``task`` also works as network feedback."""

    def __init__(self, description: str, func: Callable[["HammTask"], Any],
                 on_done: Optional[Callable[[Any], None]] = None,
                 on_error: Optional[Callable[[BaseException], None]] = None,
                 can_cancel: bool = True):
        flags = QgsTask.CanCancel if can_cancel else QgsTask.Flags()
        super().__init__(description, flags)
        self.func = func
        self.on_done = on_done
        self.on_error = on_error
        self.result: Any = None
        self.error: Optional[BaseException] = None
        self.done = False

    def run(self) -> bool:  # worker thread
        try:
            self.result = self.func(self)
        except BaseException as exc:  # noqa: BLE001 - handed to the main thread
            self.error = exc
            if not isinstance(exc, HammError):
                log(traceback.format_exc())
            return False
        return not self.isCanceled()

    def finished(self, ok: bool) -> None:  # main thread
        try:
            if ok:
                if self.on_done is not None:
                    self.on_done(self.result)
                return
            error = self.error or TaskCancelled(self.description())
            log_error(error)
            if self.on_error is not None:
                self.on_error(error)
        except Exception as exc:  # a failing callback must not take QGIS down
            log(traceback.format_exc())
            log_error(exc)
        finally:
            self.done = True
            _RUNNING.discard(self)


def run_task(description: str, func: Callable[[HammTask], Any],
             on_done: Optional[Callable[[Any], None]] = None,
             on_error: Optional[Callable[[BaseException], None]] = None) -> HammTask:
    """Start ``func`` in QGIS's task manager (progress bar, cancel button)."""
    task = HammTask(description, func, on_done, on_error)
    _RUNNING.add(task)
    QgsApplication.taskManager().addTask(task)
    return task


def wait_for(task: HammTask, timeout_s: float = 60.0) -> bool:
    """Process events until ``task`` has finished (scripts and tests); False on timeout."""
    loop = QEventLoop()
    waited = 0.0
    while not task.done and waited < timeout_s:
        QTimer.singleShot(20, loop.quit)
        loop.exec()
        QCoreApplication.processEvents()
        waited += 0.02
    return task.done


class PeriodicRefresh:
    """A feed refreshed on an interval without freezing QGIS or piling up requests.

    ``work(task)`` runs in a worker thread (fetch and parse, plain data only);
    ``apply(result)`` runs on the main thread (update layers). The timer is single-shot
    and re-armed only when a refresh has finished; a refresh asked for while one runs is
    skipped (``skipped`` counts them). On an error the layers keep their last state, the
    next interval tries again, and ``on_error`` hears of an outage once, not at every
    interval. ``stop()`` (layer removed, plugin unloaded) stops the timer and cancels a
    running refresh. Subclasses set ``interval_s`` and may override ``next_interval_s``;
    an interval of 0 or less means no timer (refreshes only when asked for).
    """

    interval_s = 60

    def __init__(self, on_update=None, on_error=None):
        self.on_update = on_update
        self.on_error = on_error
        self.task: Optional[HammTask] = None
        self.refreshes = 0
        self.skipped = 0
        self.last_error: Optional[BaseException] = None
        self.errors_in_row = 0
        self.stopped = False
        self.timer = QTimer()
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.refresh)

    # -- to implement ---------------------------------------------------------------------
    def task_title(self) -> str:
        raise NotImplementedError

    def work(self, task: HammTask) -> Any:  # worker thread
        raise NotImplementedError

    def apply(self, result: Any) -> None:  # main thread
        raise NotImplementedError

    def on_stop(self) -> None:
        """Release what the subclass holds (signal connections...)."""

    # -- the cycle --------------------------------------------------------------------------
    def next_interval_s(self) -> float:
        return self.interval_s

    def start(self) -> Optional[HammTask]:
        return self.refresh()

    def busy(self) -> bool:
        return self.task is not None and not self.task.done

    def refresh(self) -> Optional[HammTask]:
        if self.stopped:
            return None
        if self.busy():
            self.skipped += 1
            return self.task
        self.task = run_task(self.task_title(), self.work, self._done, self._failed)
        return self.task

    def _arm(self) -> None:
        if self.stopped:
            return
        interval = self.next_interval_s()
        if interval is not None and interval > 0:
            self.timer.start(int(max(1.0, interval) * 1000))

    def _done(self, result) -> None:
        if self.stopped:
            return
        try:
            self.apply(result)
        except Exception as exc:  # noqa: BLE001 - the feed goes on at the next interval
            log(traceback.format_exc())
            self._failed(exc)
            return
        self.refreshes += 1
        self.last_error = None
        self.errors_in_row = 0
        self._arm()
        if self.on_update is not None:
            self.on_update(self)

    def _failed(self, error) -> None:
        if self.stopped:
            return
        self.last_error = error
        self.errors_in_row += 1
        self._arm()
        if self.on_error is not None and self.errors_in_row == 1:
            self.on_error(error)

    def stop(self) -> None:
        if self.stopped:
            return
        self.stopped = True
        self.timer.stop()
        with contextlib.suppress(TypeError, RuntimeError):
            self.timer.timeout.disconnect(self.refresh)
        self.on_stop()
        if self.task is not None and not self.task.done:
            self.task.cancel()
