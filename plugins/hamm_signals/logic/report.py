"""Content of the check report (PDF): title, summary and the table of findings, as plain
translated text. The layout itself is built by adapters/report_pdf.py."""

from typing import List, Sequence

from hamm_core.logic.i18n import tr_noop

from .checks import ERROR, WARNING, Finding, summary
from .i18n import tr

RULE_LABELS = {
    "empty": tr_noop("Empty junction"),
    "geometry": tr_noop("Outline"),
    "classes": tr_noop("Road-user classes"),
    "camera": tr_noop("Camera"),
    "junction": tr_noop("Junction"),
    "range": tr_noop("Detection range"),
    "fov": tr_noop("Field of view"),
    "pixels": tr_noop("Pixel size"),
    "size": tr_noop("Zone size"),
    "sight": tr_noop("Line of sight"),
    "overlap": tr_noop("Overlap"),
}
SEVERITY_LABELS = {ERROR: tr_noop("Error"), WARNING: tr_noop("Warning")}
HEADERS = [tr_noop("Zone"), tr_noop("Camera"), tr_noop("Rule"), tr_noop("Severity"),
           tr_noop("Explanation")]
# share of the table width per column (the explanation gets the rest)
COLUMN_SHARES = [0.06, 0.16, 0.10, 0.07, 0.61]


def nice_step(length: float, parts: int = 4) -> float:
    """The largest round segment length (1, 2 or 5 times a power of ten) with which
    `parts` segments cover at most a third of `length`."""
    import math
    raw = max(length / 3.0 / parts, 1e-9)
    power = 10 ** math.floor(math.log10(raw))
    for factor in (5, 2, 1):
        if factor * power <= raw * (1 + 1e-9):
            return factor * power
    return power


def rule_label(rule: str) -> str:
    return tr(RULE_LABELS[rule]) if rule in RULE_LABELS else rule


def severity_label(severity: str) -> str:
    return tr(SEVERITY_LABELS[severity]) if severity in SEVERITY_LABELS else severity


def headers() -> List[str]:
    return [tr(h) for h in HEADERS]


def table_rows(findings: Sequence[Finding]) -> List[List[str]]:
    """One row per finding: errors first, then by zone name and rule."""
    order = sorted(findings, key=lambda f: (f.severity != ERROR, str(f.zone_name), f.rule))
    return [[f.zone_name or "–", f.camera or "–", rule_label(f.rule),
             severity_label(f.severity), f.message] for f in order]


def summary_lines(findings: Sequence[Finding], zones: int, cameras: int,
                  min_pixels: float, buildings: bool) -> List[str]:
    counts = summary(findings)
    zones_with = len({f.zone_id for f in findings if f.zone_id is not None})
    lines = [
        tr("{zones} detection zones, {cameras} cameras").format(zones=zones, cameras=cameras),
        tr("{errors} errors, {warnings} warnings").format(errors=counts[ERROR],
                                                          warnings=counts[WARNING]),
        tr("{n} zones with findings").format(n=zones_with),
        tr("Minimum size of a road user: {n:.0f} pixels").format(n=min_pixels),
        tr("Line of sight checked against building heights") if buildings else
        tr("Line of sight not checked (no building heights given)"),
    ]
    if not findings:
        lines.append(tr("All zones passed every check."))
    return lines
