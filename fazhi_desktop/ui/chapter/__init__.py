"""One chapter tab: the outline, the block editor, suggestions, chapter management, clean paste."""
