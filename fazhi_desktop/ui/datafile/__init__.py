"""The data file itself: backups, restore, 关于."""
