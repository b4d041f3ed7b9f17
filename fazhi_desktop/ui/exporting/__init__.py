"""导出Word: the dialog and what happens around it."""
