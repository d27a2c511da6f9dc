"""A step function run on a daemon thread until stopped (the app's lifespan, the CLI)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger("tollgate")


class BackgroundLoop:
    """Calls `step()` again and again; a step that did nothing (returned 0) is followed by a
    wait of `interval` seconds. A failing step is logged and the loop goes on."""

    def __init__(self, name: str, step: Callable[[], int], interval: float,
                 close: Callable[[], None] | None = None):
        self.name, self.step, self.interval, self.close = name, step, interval, close
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self.run, name=self.name, daemon=True)
        self._thread.start()

    def run(self) -> None:
        while not self._stop.is_set():
            try:
                busy = self.step() > 0
            except Exception:  # a database hiccup must not end the loop for good
                log.exception("%s step failed", self.name)
                busy = False
            if not busy:
                self._stop.wait(self.interval)
        if self.close is not None:
            self.close()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
