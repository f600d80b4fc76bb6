"""Background work: a QgsTask that runs a function off the main thread and hands its
result (or its error) back on the main thread.

Rules (as in qgis_plugin_tools' BaseTask): inside the function no layers are added, no
signals to the GUI are emitted, no widgets are touched; it returns plain data. The
callbacks run on the main thread in finished(). Running tasks are referenced here so
Python does not collect them while QGIS still runs them.
"""

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
