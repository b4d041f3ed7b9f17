"""Proof that a speed-up changed no output: export ~500 varied reports and fingerprint every file part.

    PYTHONPATH=<tree> python bench/identical.py record  before.json   # on the code to compare against
    PYTHONPATH=<tree> python bench/identical.py compare before.json   # on the changed code: exit 1 on a diff

Each case is exported in memory (:func:`fazhi_desktop.export.docx_export.build`, then saved as the export
saves) and fingerprinted: a SHA-256 of every part of the .docx except docProps/core.xml (its timestamps),
and of the pre-flight the preview draws (every page, row, run and advance, the notes and warnings).
The cases: the render sweep's 160 reports with their options and again with other options, the demo with
every combination of options, the render tests' own reports, the real sample, the ingest corpus (each
fixture imported as a user would), the benchmark's reports, and reports of awkward text (Latin words
longer than a line, long numbers, runs of marks, tabs, spaces, rare characters).

``PYTHONPATH`` picks the tree: to compare with main, unpack it (``git archive main | tar -x -C /tmp/base``)
and record with ``PYTHONPATH=/tmp/base``; the script prints which tree it imported.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import random
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from functools import partial
from importlib import import_module
from pathlib import Path

Case = tuple[str, object, object]  # name, Report, ExportOptions


def _sweep() -> Iterator[Case]:
    from fazhi_desktop.export.fonts import map_from_installed
    from tests.render.reports import SWEEP, case

    installed = map_from_installed({"仿宋", "楷体", "黑体", "宋体"})
    for k in range(SWEEP):
        c = case(k)
        yield c.name, c.report, c.options
        variant = k % 8
        other = {0: {"cjk_digits": True}, 1: {"level3_bold": True}, 2: {"seal_blank_lines": 1},
                 3: {"seal_blank_lines": 3}, 4: {"web": True}, 5: {"sealed": False}, 6: {"fonts": installed},
                 7: {"cjk_digits": True, "sealed": True, "seal_blank_lines": 3}}[variant]
        yield f"{c.name}-v{variant}", c.report, replace(c.options, **other)  # type: ignore[arg-type]


def _demo() -> Iterator[Case]:
    from fazhi_desktop.core.model import SealMode
    from fazhi_desktop.export import ExportOptions
    from fazhi_desktop.export.fonts import map_from_installed
    render = import_module("tests.render.test_render")  # (a test module: not type-checked from here)
    report = render.demo()
    table = (render.demo_statistics(report),)
    for bits in range(32):
        red, imprint, data, web, unsealed = ((bits >> i) & 1 == 1 for i in range(5))
        options = ExportOptions(red_header=red, imprint=imprint, web=web, sealed=False if unsealed else None,
                                attachments=table if data else ())
        yield f"demo-{bits:02d}", report, options
    full = ExportOptions(red_header=True, imprint=True, attachments=table)
    for name, changes in (("cjk", {"cjk_digits": True}), ("bold3", {"level3_bold": True}),
                          ("blank1", {"seal_blank_lines": 1}), ("blank3", {"seal_blank_lines": 3}),
                          ("fonts", {"fonts": map_from_installed({"仿宋", "楷体"})}),
                          ("title", {"title_lines": ("示例镇2025年度", "法治政府建设情况报告")})):
        yield f"demo-full-{name}", report, replace(full, **changes)
    yield "demo-joint-unsealed", replace(report, seal=SealMode.UNSEALED), ExportOptions()
    yield "demo-one-organ", replace(report, signatories=("示例镇人民政府",)), ExportOptions()
    yield "demo-note", replace(report, note="联系人：李明，电话：0000-1234567"), full


def _render_tests() -> Iterator[Case]:
    from fazhi_desktop.export import ExportOptions
    from tests.export.conftest import statistics_attachment
    from tests.export.reports import length_variant, long_report
    render = import_module("tests.render.test_render")

    yield "long", long_report(), ExportOptions(red_header=True, imprint=True, attachments=(statistics_attachment(),))
    yield "long-plain", long_report(), ExportOptions()
    yield "two_pages", length_variant(30), ExportOptions(red_header=True, imprint=True)
    yield "one_long_last", render.one_long_last_chapter(), ExportOptions()
    yield "comma", render.full_line_then_comma(), ExportOptions()
    for k in range(45):
        report = length_variant(k)
        yield f"len{k:02d}", replace(report, note="此件公开发布") if k % 3 == 1 else report, ExportOptions()


def _sample() -> Iterator[Case]:
    from fazhi_desktop.export import ExportOptions
    from tests.conftest import SAMPLE_TXT
    from tests.export.reports import parse_sample

    # the sample lives beside the checkout (../shared/samples), also when the tree compared is elsewhere
    path = next((p for p in (SAMPLE_TXT, Path(__file__).resolve().parents[2] / "shared" / "samples" / SAMPLE_TXT.name)
                 if p.exists()), None)
    if path is None:
        print(f"(no sample: {SAMPLE_TXT})", file=sys.stderr)
        return
    report = parse_sample(path.read_text(encoding="utf-8"))
    yield "sample", report, ExportOptions()
    yield "sample-full", report, ExportOptions(red_header=True, imprint=True)
    yield "sample-unsealed-cjk", report, ExportOptions(sealed=False, cjk_digits=True)


def _ingest(folder: Path) -> Iterator[Case]:
    from fazhi_desktop.export import ExportOptions
    from fazhi_desktop.importers.load import import_file
    from tests.ingest_support import manifests, source_file

    for manifest in manifests():
        report = import_file(source_file(manifest, folder)).report(year=manifest.year)
        yield f"ingest-{manifest.name}", report, ExportOptions()
        yield f"ingest-{manifest.name}-full", report, ExportOptions(red_header=True, imprint=True)


def _bench() -> Iterator[Case]:
    from bench.inputs import sized_report
    from fazhi_desktop.export import ExportOptions

    for chars in (4000, 6000, 30_000):
        yield f"sized{chars}", sized_report(chars), ExportOptions()


AWKWARD = (
    "Internationalization", "http://www.example.gov.cn/fzzf/2025/index.html", "1234567890" * 4, "97.3%",
    "“三项制度”", "《中华人民共和国行政处罚法》", "——", "……", "（一）", "ICP备12345678号", "3·15", "买买提·艾力",
    "Ａ股", "ｱｲｳ", "①②③", "😀", "e\u0301", "\u200b", " ", "  ", "，", "。", "、", "；", "：", "！", "？",
    "(a)", "[1]", "O2O", "5G", "2025年", "第12345号", "−", "-", "—", "·", "\t", "¥100", "100万元",
)


def _awkward_text(rng: random.Random, n: int) -> str:
    from tests.export.reports import filler

    parts: list[str] = []
    while sum(map(len, parts)) < n:
        parts.append(rng.choice(AWKWARD) if rng.random() < 0.4 else filler(rng.randint(3, 40), rng.randint(0, 9)))
    return "".join(parts)


def _awkward() -> Iterator[Case]:
    from fazhi_desktop.core.model import Block, BlockKind, Chapter, ChapterRole
    from fazhi_desktop.export import ExportOptions
    from tests.export.reports import base, filler

    for k in range(60):
        rng = random.Random(1000 + k)
        text = partial(_awkward_text, rng)
        blocks = []
        for _ in range(rng.randint(1, 12)):
            kind = rng.choice((BlockKind.SECTION, BlockKind.ITEM, BlockKind.POINT, BlockKind.PARAGRAPH))
            heading = "" if kind is BlockKind.PARAGRAPH else text(rng.randint(4, 40))
            blocks.append(Block(kind, heading=heading, body=text(rng.randint(0, 600)), run_in=rng.random() < 0.5))
        chapter = Chapter(ChapterRole.MEASURES, text(rng.randint(4, 30)), blocks=tuple(blocks))
        report = base(chapters=(chapter,), title_override=text(rng.randint(10, 60)), opening=text(rng.randint(0, 200)),
                      note=text(rng.randint(0, 30)) if k % 4 == 0 else "")
        options = ExportOptions(red_header=k % 3 == 0, imprint=k % 5 == 0, cjk_digits=k % 7 == 0)
        yield f"awkward{k:02d}", report, options
    huge = base(chapters=(Chapter(ChapterRole.MEASURES, "一段很长的文字",
                                  blocks=(Block(BlockKind.PARAGRAPH, body=filler(40_000, 3)),)),))
    yield "one-huge-paragraph", huge, ExportOptions()


def cases(folder: Path) -> Iterator[Case]:
    yield from _sweep()
    yield from _demo()
    yield from _render_tests()
    yield from _sample()
    yield from _ingest(folder)
    yield from _bench()
    yield from _awkward()


def fingerprint(report: object, options: object) -> dict[str, object]:
    from fazhi_desktop.export.docx_export import build

    built = build(report, options)  # type: ignore[arg-type]
    buffer = io.BytesIO()
    built.doc.save(buffer)
    digest = hashlib.sha256()
    with zipfile.ZipFile(buffer) as package:
        for name in sorted(package.namelist()):
            if name != "docProps/core.xml":
                digest.update(name.encode() + b"\0" + package.read(name) + b"\0")
    plan = built.plan
    layout = hashlib.sha256(repr((plan.layout, plan.items)).encode()).hexdigest()
    return {"docx": digest.hexdigest(), "layout": layout, "pages": plan.pages, "notes": list(plan.notes),
            "warnings": list(plan.warnings)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("record", "compare"))
    parser.add_argument("file", type=Path)
    args = parser.parse_args(argv)
    import fazhi_desktop

    print(f"fazhi_desktop from {Path(fazhi_desktop.__file__).parent}", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        got = {name: fingerprint(report, options) for name, report, options in cases(Path(tmp))}
    if args.mode == "record":
        args.file.write_text(json.dumps(got, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"{len(got)} exports recorded in {args.file}")
        return 0
    expected = json.loads(args.file.read_text(encoding="utf-8"))
    differ = [name for name in expected.keys() | got.keys() if expected.get(name) != got.get(name)]
    for name in sorted(differ):
        print(f"DIFFERS: {name}: {expected.get(name)} != {got.get(name)}")
    print(f"{len(got)} exports compared with {len(expected)} recorded: {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
