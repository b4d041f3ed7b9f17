"""The one error every importer raises: a file that cannot be read, with a Chinese message."""

from __future__ import annotations


class ImportFileError(Exception):
    """The file cannot be imported; ``str()`` is a one-line Chinese message for the user."""


SAVE_AS_DOCX = "请先在 Word/WPS 中打开它，用“另存为”保存成 .docx 格式后再导入。"
