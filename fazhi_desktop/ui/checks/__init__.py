"""The 检查 tab: findings, fixes, going to the text."""
