"""The running app and headless Chromium, shared by the browser tests and the benchmark."""
