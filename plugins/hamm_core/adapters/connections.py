"""Signal connections a plugin makes, remembered so unload() can undo every one."""


class Connections:
    def __init__(self):
        self._items = []

    def connect(self, signal, slot) -> None:
        signal.connect(slot)
        self._items.append((signal, slot))

    def disconnect_all(self) -> None:
        while self._items:
            signal, slot = self._items.pop()
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):  # already gone with its sender
                pass

    def __len__(self) -> int:
        return len(self._items)
