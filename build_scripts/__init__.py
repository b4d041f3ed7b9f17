"""Build scripts: PyInstaller spec, reproducible build with smoke test, version resource."""
