"""The 基本信息 tab: the form generated from core.schema."""
