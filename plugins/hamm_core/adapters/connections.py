"""Signal connections a plugin makes, remembered so unload() can undo every one."""

import contextlib


class Connections:
    def __init__(self):
        self._items = []

    def connect(self, signal, slot) -> None:
        signal.connect(slot)
        self._items.append((signal, slot))

    def disconnect_all(self) -> None:
        while self._items:
            signal, slot = self._items.pop()
            with contextlib.suppress(TypeError, RuntimeError):  # gone with its sender
                signal.disconnect(slot)

    def __len__(self) -> int:
        return len(self._items)
