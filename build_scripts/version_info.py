"""Generate the Windows version resource (VSVersionInfo text) from fazhi_desktop.__version__.

    python build_scripts/version_info.py build/version_info.txt
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fazhi_desktop import __version__

PRODUCT = "法治政府建设年度报告助手"
EXE_NAME = "fazhi-desktop.exe"


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """"0.1.0" → (0, 1, 0, 0); a pre-release suffix is dropped ("1.2.0rc1" → (1, 2, 0, 0))."""
    match = re.match(r"\d+(?:\.\d+){0,3}", version)
    numbers = [int(n) for n in match.group(0).split(".")] if match else []
    padded = [*numbers, 0, 0, 0, 0][:4]
    return padded[0], padded[1], padded[2], padded[3]


def render(version: str = __version__) -> str:
    v = version_tuple(version)
    dotted = ".".join(str(n) for n in v)
    return f"""# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(filevers={v}, prodvers={v}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080404b0', [
        StringStruct('CompanyName', '{PRODUCT}开发组'),
        StringStruct('FileDescription', '{PRODUCT}'),
        StringStruct('FileVersion', '{dotted}'),
        StringStruct('InternalName', 'fazhi-desktop'),
        StringStruct('LegalCopyright', 'MIT License'),
        StringStruct('OriginalFilename', '{EXE_NAME}'),
        StringStruct('ProductName', '{PRODUCT}'),
        StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [2052, 1200])])
  ]
)
"""


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("build/version_info.txt")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render(), encoding="utf-8")
    print(target)
