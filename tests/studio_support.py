"""A real studio server (uvicorn on 127.0.0.1, a free port, a fresh folder) for the studio's tests."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ports import free_port

TOKEN = "studio-test-token-0123456789"
DATA = Path(__file__).resolve().parent / "data" / "studio"
SEED_000 = Path("/work/shared/seeds/000_b5f742711815b7a6.txt")


@contextmanager
def studio_server(folder: Path) -> Iterator[str]:
    """Serve a studio over ``folder`` until the block ends; yields the base URL."""
    import uvicorn

    from paradeplan.studio.server import Studio, create_app

    studio = Studio(folder, TOKEN)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(studio), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the studio server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        studio.store.close()
