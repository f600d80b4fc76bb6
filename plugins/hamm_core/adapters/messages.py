"""Messages: the message bar for users, the log tab "Digitales Hamm" for detail."""

from qgis.core import Qgis, QgsMessageLog

from ..definitions import LOG_TAG, SUITE_NAME
from ..logic.errors import HammError


def log(message: str, level=Qgis.Info) -> None:
    QgsMessageLog.logMessage(message, LOG_TAG, level)


def log_warning(message: str) -> None:
    log(message, Qgis.Warning)


def log_error(error: BaseException) -> None:
    """Log an error: the user text and the technical detail (never credentials)."""
    if isinstance(error, HammError):
        text = error.user_message + (" [" + error.detail + "]" if error.detail else "")
    else:
        text = "{}: {}".format(type(error).__name__, error)
    log(text, Qgis.Critical)


def push(iface, message: str, level=Qgis.Info, duration: int = 5, title: str = SUITE_NAME):
    """Show a message in the QGIS message bar (and the log)."""
    log(message, level)
    if iface is not None:
        iface.messageBar().pushMessage(title, message, level, duration)


def push_error(iface, error: BaseException, duration: int = 10) -> None:
    """Show an error to the user: the translated message of a HammError, else its text."""
    log_error(error)
    text = error.user_message if isinstance(error, HammError) else str(error)
    if iface is not None:
        iface.messageBar().pushMessage(SUITE_NAME, text, Qgis.Critical, duration)
