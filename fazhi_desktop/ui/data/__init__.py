"""The 数据指标 tab and 插入数据."""
