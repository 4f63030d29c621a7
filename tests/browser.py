"""Debian's headless Chromium driven by Playwright (no downloaded browser)."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]  # fmt: skip


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@contextlib.contextmanager
def browser_page(width: int = 1400, height: int = 900) -> Iterator:
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="gb-chromium-")
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            profile,
            executable_path=chromium_path(),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": width, "height": height},
        )
        try:
            page = ctx.new_page()
            page.gb_requests, page.gb_errors, page.gb_dialogs = [], [], []
            page.on("request", lambda r: page.gb_requests.append(r.url))
            page.on("console", lambda m: page.gb_errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: page.gb_errors.append(str(e)))
            page.on("dialog", lambda d: (page.gb_dialogs.append(d.message), d.dismiss()))
            yield page
        finally:
            ctx.close()
            shutil.rmtree(profile, ignore_errors=True)
