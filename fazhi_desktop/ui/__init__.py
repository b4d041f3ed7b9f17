"""The only package that imports PySide6. Thin: widgets emit intent, the window calls core/storage."""
