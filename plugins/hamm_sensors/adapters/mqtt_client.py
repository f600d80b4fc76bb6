"""MQTT 3.1.1 subscriber on QTcpSocket, on the main thread and non-blocking: CONNECT,
SUBSCRIBE (QoS 0), PINGREQ keep-alive, reconnect with backoff after the broker goes away.
The protocol bytes come from logic/mqtt.py."""

import uuid
from typing import Callable, List, Optional

from qgis.PyQt.QtCore import QObject, QTimer
from qgis.PyQt.QtNetwork import QAbstractSocket, QTcpSocket

from hamm_core.adapters.connections import Connections
from hamm_core.adapters.messages import log, log_warning

from ..logic import mqtt


class MqttSubscriber(QObject):
    DISCONNECTED, CONNECTING, CONNECTED, SUBSCRIBED = "disconnected", "connecting", "connected", \
        "subscribed"

    def __init__(self, host: str, port: int, topics: List[str],
                 on_message: Callable[[str, bytes], None], keepalive_s: int = 30,
                 on_state: Optional[Callable[[str], None]] = None, backoff_cap_s: float = 30.0,
                 backoff_base_s: float = 1.0, parent=None):
        super().__init__(parent)
        self.host, self.port, self.topics = host, int(port), list(topics)
        self.on_message, self.on_state = on_message, on_state
        self.keepalive_s = max(2, int(keepalive_s))
        self.backoff_base_s, self.backoff_cap_s = backoff_base_s, backoff_cap_s
        self.client_id = "hamm-" + uuid.uuid4().hex[:12]
        self.state = self.DISCONNECTED
        self.attempt = 0
        self.connects = 0  # successful CONNACKs (a reconnect counts again)
        self.messages = 0
        self.running = False
        self._packet_id = 0
        self._pings_unanswered = 0
        self._decoder = mqtt.Decoder()
        self._conn = Connections()
        self.socket = QTcpSocket(self)
        self._ping = QTimer(self)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._conn.connect(self.socket.connected, self._on_connected)
        self._conn.connect(self.socket.readyRead, self._on_ready_read)
        self._conn.connect(self.socket.disconnected, self._on_lost)
        self._conn.connect(self.socket.errorOccurred, self._on_error)
        self._conn.connect(self._ping.timeout, self._on_ping)
        self._conn.connect(self._retry.timeout, self._open)

    # -- public ---------------------------------------------------------------------------
    def start(self) -> None:
        self.running = True
        self._open()

    def stop(self) -> None:
        self.running = False
        self._ping.stop()
        self._retry.stop()
        if self.socket.state() == QAbstractSocket.SocketState.ConnectedState:
            self.socket.write(mqtt.disconnect())
            self.socket.flush()
        self._conn.disconnect_all()
        self.socket.abort()
        self._set_state(self.DISCONNECTED)

    # -- internals ------------------------------------------------------------------------
    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            if self.on_state is not None:
                self.on_state(state)

    def _open(self) -> None:
        if not self.running:
            return
        self._decoder = mqtt.Decoder()
        self.socket.abort()
        self._set_state(self.CONNECTING)
        self.socket.connectToHost(self.host, self.port)

    def _on_connected(self) -> None:
        self.socket.write(mqtt.connect(self.client_id, self.keepalive_s))

    def _on_ready_read(self) -> None:
        data = bytes(self.socket.readAll())
        try:
            packets = self._decoder.feed(data)
        except mqtt.MqttProtocolError as err:
            log_warning("MQTT {}:{}: {}".format(self.host, self.port, err))
            self.socket.abort()
            return
        for pkt in packets:
            if pkt.type == mqtt.CONNACK:
                if pkt.return_code != 0:
                    log_warning("MQTT broker refused the connection: {}".format(
                        mqtt.CONNACK_REASONS.get(pkt.return_code, pkt.return_code)))
                    self.socket.abort()
                    return
                self.attempt = 0
                self.connects += 1
                self._set_state(self.CONNECTED)
                self._packet_id = self._packet_id % 65535 + 1
                self.socket.write(mqtt.subscribe(self._packet_id, self.topics))
                self._pings_unanswered = 0
                self._ping.start(self.keepalive_s * 500)
            elif pkt.type == mqtt.SUBACK:
                self._set_state(self.SUBSCRIBED)
            elif pkt.type == mqtt.PINGRESP:
                self._pings_unanswered = 0
            elif pkt.type == mqtt.PUBLISH:
                if (pkt.flags >> 1) & 0x03 == 1:
                    self.socket.write(mqtt.puback(pkt.packet_id))
                self.messages += 1
                try:
                    self.on_message(pkt.topic, pkt.payload)
                except Exception as exc:  # a broken handler must not stop the stream
                    log_warning("MQTT message handler: {}".format(exc))

    def _on_ping(self) -> None:
        if self._pings_unanswered >= 2:
            log_warning("MQTT broker {}:{} does not answer pings".format(self.host, self.port))
            self.socket.abort()
            self._on_lost()
            return
        self._pings_unanswered += 1
        self.socket.write(mqtt.pingreq())

    def _on_error(self, _error) -> None:
        self._on_lost()

    def _on_lost(self) -> None:
        self._ping.stop()
        if not self.running:
            return
        self._set_state(self.DISCONNECTED)
        if self._retry.isActive():
            return
        self.attempt += 1
        delay = mqtt.backoff_s(self.attempt, self.backoff_base_s, self.backoff_cap_s)
        log("MQTT {}:{} lost; reconnect in {:.1f} s".format(self.host, self.port, delay))
        self._retry.start(int(delay * 1000))
