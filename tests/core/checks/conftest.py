"""Helpers for the checker tests: a report around a piece of text, and rule filters."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from fazhi_desktop.core.checks import Finding, check_report
from fazhi_desktop.core.model import Block, BlockKind, ChapterRole, Report

Build = Callable[..., Report]
Find = Callable[..., list[Finding]]


@pytest.fixture
def build(demo_report: Report) -> Build:
    """The demo report for ``year`` with ``text`` as an extra paragraph of chapter 一 (or ``role``)."""

    def make(text: str, year: int = 2025, role: ChapterRole = ChapterRole.MEASURES) -> Report:
        chapters = list(demo_report.chapters)
        index = next(i for i, c in enumerate(chapters) if c.role is role)
        chapter = chapters[index]
        chapters[index] = replace(chapter, blocks=(*chapter.blocks, Block(BlockKind.PARAGRAPH, body=text)))
        return replace(demo_report, year=year, chapters=tuple(chapters))

    return make


@pytest.fixture
def find(build: Build) -> Find:
    """Findings whose rule starts with ``prefix`` for ``text`` in a report for ``year``."""

    def run(text: str, prefix: str, year: int = 2025, role: ChapterRole = ChapterRole.MEASURES
            ) -> list[Finding]:
        report = build(text, year, role)
        ci = next(i for i, c in enumerate(report.chapters) if c.role is role)
        bi = len(report.chapters[ci].blocks) - 1
        return [f for f in check_report(report) if f.rule.startswith(prefix)
                and f.location.chapter == ci and f.location.block == bi]

    return run

