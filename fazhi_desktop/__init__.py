"""法治政府建设年度报告助手: draft, check and export a township's annual rule-of-law report."""

__version__ = "0.1.0"
