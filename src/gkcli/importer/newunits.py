"""Proposed units.yaml entries for names an import did not find, for a person to complete.

A kind is filled in only where the name itself settles it (“××镇人民政府” is a township);
otherwise it is the placeholder “待定”, which `gk validate` rejects until someone decides.
"""

from __future__ import annotations

from dataclasses import dataclass

from gkcli.importer.writer import scalar
from gkcli.model import UnitKind

UNDECIDED = "待定"
KIND_NAMES = {
    UnitKind.CITY_DEPARTMENT: "市政府部门（单位）",
    UnitKind.PARTY_ORGAN: "党委机关",
    UnitKind.COURT: "审判机关",
    UnitKind.VERTICAL: "驻市中省直单位（垂直管理）",
    UnitKind.TOWNSHIP: "乡镇人民政府",
    UnitKind.SUBDISTRICT: "街道办事处",
    UnitKind.DEVELOPMENT_ZONE: "开发区管委会",
}
GROUP_WORDS = ("相关部门", "有关部门", "相关单位", "有关单位", "各部门", "各单位")


@dataclass(frozen=True)
class Proposal:
    name: str
    tasks: tuple[int, ...]
    group: bool
    kind: UnitKind | None  # None: undecided


def is_group(name: str) -> bool:
    """“各……”, “……有关部门（单位）”: names of many units, not of one."""
    return name.startswith("各") or any(word in name for word in GROUP_WORDS)


def certain_kind(name: str) -> UnitKind | None:
    """The kind a single unit's name leaves no doubt about, else None."""
    if "乡镇" in name:
        return None
    if len(name) > len("镇人民政府") and name.endswith(("镇人民政府", "乡人民政府")):
        return UnitKind.TOWNSHIP
    if len(name) > len("街道办事处") and name.endswith("街道办事处"):
        return UnitKind.SUBDISTRICT
    if name.endswith("人民法院"):
        return UnitKind.COURT
    if "开发区" in name and name.endswith(("管委会", "管理委员会")):
        return UnitKind.DEVELOPMENT_ZONE
    if name.startswith(("市委", "县委", "区委", "州委", "旗委")):
        return UnitKind.PARTY_ORGAN
    return None


def propose(new: dict[str, list[int]]) -> list[Proposal]:
    proposals = []
    for name, tasks in new.items():
        group = is_group(name)
        proposals.append(Proposal(name, tuple(dict.fromkeys(tasks)), group, None if group else certain_kind(name)))
    return proposals


def proposals_yaml(proposals: list[Proposal], source: str) -> str:
    """A units.yaml fragment with one entry per proposal and the instructions to finish it."""
    kinds = "、".join(f"{kind.value} {label}" for kind, label in KIND_NAMES.items())
    lines = [
        f"# gk import 从 {source} 中发现、units.yaml 里还没有的单位（共 {len(proposals)} 个）。",
        "# 请逐条核对后移入数据目录 units.yaml 的 units: 或 groups: 中：",
        "#   - id 改为简短的拼音（小写字母、数字、-），如 zhengshuju；",
        f"#   - kind / member_kinds 为“{UNDECIDED}”的，请选定：{kinds}；",
        "#     选定之前 gk validate 会报错。名称与原文不同但指同一单位的，请改为在已有条目中加 aliases。",
    ]
    units = [proposal for proposal in proposals if not proposal.group]
    groups = [proposal for proposal in proposals if proposal.group]
    if units:
        lines.append("units:")
        for number, proposal in enumerate(units, start=1):
            kind = proposal.kind.value if proposal.kind else UNDECIDED
            note = "按名称确定" if proposal.kind else "待定"
            lines += [
                f"  - id: new-unit-{number}",
                f"    name: {scalar(proposal.name)}",
                f"    kind: {kind}  # {note}；见任务 {_ids(proposal)}",
            ]
    if groups:
        lines.append("groups:")
        for number, proposal in enumerate(groups, start=1):
            lines += [
                f"  - id: new-group-{number}",
                f"    name: {scalar(proposal.name)}",
                f"    member_kinds: [{UNDECIDED}]  # 见任务 {_ids(proposal)}",
            ]
    return "\n".join(lines) + "\n"


def _ids(proposal: Proposal) -> str:
    shown = "、".join(str(task) for task in proposal.tasks[:10])
    return shown + ("等" if len(proposal.tasks) > 10 else "")
