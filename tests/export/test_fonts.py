"""The font map: canonical names, installed fallbacks and the messages about substitutions."""

from __future__ import annotations

import shutil

import pytest

from fazhi_desktop.export import ExportOptions, build
from fazhi_desktop.export.fonts import (
    FontRole,
    canonical_map,
    files_to_families,
    installed_families,
    installed_map,
    map_from_installed,
)
from tests.export.conftest import NS, w
from tests.export.reports import long_report


def test_canonical_names() -> None:
    fonts = canonical_map()
    assert fonts[FontRole.FANGSONG] == "仿宋_GB2312" and fonts[FontRole.KAITI] == "楷体_GB2312"
    assert fonts[FontRole.XIAOBIAOSONG] == "方正小标宋简体" and fonts[FontRole.SONGTI] == "宋体"
    assert fonts.messages() == []


def test_a_windows_10_pc_without_the_gb2312_fonts() -> None:
    families = ["FangSong", "KaiTi", "SimHei", "SimSun", "Times New Roman", "华文中宋", "Microsoft YaHei"]
    fonts = map_from_installed(families)
    assert fonts[FontRole.FANGSONG] == "仿宋" and fonts[FontRole.KAITI] == "楷体"
    assert fonts[FontRole.HEITI] == "黑体" and fonts[FontRole.XIAOBIAOSONG] == "华文中宋"
    assert set(fonts.messages()) == {"未安装仿宋_GB2312，已改用仿宋", "未安装楷体_GB2312，已改用楷体",
                                     "未安装方正小标宋简体，已改用华文中宋"}


def test_names_match_ignoring_case_and_spaces_and_missing_roles_keep_the_canonical_name() -> None:
    fonts = map_from_installed(["仿宋_gb2312", "times  new roman"])
    assert fonts[FontRole.FANGSONG] == "仿宋_GB2312" and fonts[FontRole.LATIN] == "Times New Roman"
    assert fonts[FontRole.HEITI] == "黑体" and FontRole.HEITI in fonts.missing
    assert any("黑体" in m and "打印前请安装" in m for m in fonts.messages())


def test_windows_font_files_map_to_families() -> None:
    assert files_to_families(["SIMFANG.TTF", "simkai.ttf", "arial.ttf"]) == {"仿宋", "楷体"}


@pytest.mark.skipif(shutil.which("fc-list") is None, reason="fc-list (fontconfig) is not installed")
def test_installed_map_reads_fontconfig() -> None:
    families = installed_families()
    assert families  # this machine has fonts
    fonts = installed_map()
    for role in FontRole:
        assert fonts[role]


def test_the_map_is_what_the_document_says() -> None:
    fonts = map_from_installed(["FangSong", "KaiTi", "SimHei", "SimSun", "Times New Roman", "华文中宋"])
    built = build(long_report(), ExportOptions(fonts=fonts))
    east = {rf.get(w("eastAsia")) for rf in built.doc.element.iter(w("rFonts"))}
    assert {"仿宋", "楷体", "黑体", "华文中宋"} <= east
    assert not {"仿宋_GB2312", "楷体_GB2312", "方正小标宋简体"} & east
    assert "未安装方正小标宋简体，已改用华文中宋" in built.notes
    styles = built.doc.styles.element
    assert styles.find("w:docDefaults//w:rFonts", NS).get(w("eastAsia")) == "仿宋"
