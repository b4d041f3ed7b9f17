"""Chinese texts for argparse's own messages (usage, errors, help headings)."""

from __future__ import annotations

import argparse

_TEXTS = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示此帮助信息并退出",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项：%(value)r（可选：%(choices)s）",
    "expected one argument": "需要一个参数值",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "expected at least one argument": "至少需要一个参数值",
    "ambiguous option: %(option)s could match %(matches)s": "含糊的选项：%(option)s 可匹配 %(matches)s",
}


def translate(message: str) -> str:
    return _TEXTS.get(message, message)


def install() -> None:
    """Make argparse speak Chinese (it looks up ``argparse._`` at call time)."""
    argparse._ = translate  # type: ignore[attr-defined]
