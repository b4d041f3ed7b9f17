"""The only package that touches SQLite (through sqlite-utils). Returns core dataclasses."""
