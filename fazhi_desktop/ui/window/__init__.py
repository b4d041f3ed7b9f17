"""The main window and what holds it together: tabs, launch, single instance, autosave, settings."""
