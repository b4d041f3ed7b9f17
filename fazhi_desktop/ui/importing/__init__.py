"""导入已有报告: reading, the preview, storing."""
