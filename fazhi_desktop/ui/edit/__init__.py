"""编辑: one undo history per report (every change the clerk makes is one step), 查找和替换."""
