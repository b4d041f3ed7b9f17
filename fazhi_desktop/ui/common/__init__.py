"""Pieces every screen uses: blocking questions, long tasks, the error dialog, Qt's Chinese catalog."""
