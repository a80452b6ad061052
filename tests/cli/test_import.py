"""`gk import`: the seed reproduces the bundled register; Word and Excel lists import; nothing is
overwritten without --force; what cannot be read is flagged, never silently wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.conftest import DATA, SEED, gk
from tests.listfiles import TITLE_2025, add_sheet, docx_2025, write_xlsx, xlsx_2025

TASK_FIELDS = ("id", "category", "content", "units_text", "lead", "units", "open_ended", "deadline")


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def task_fields(task: dict) -> dict:
    return {field: task.get(field, False if field == "open_ended" else None) for field in TASK_FIELDS}


@pytest.fixture
def seed() -> Path:
    if not SEED.exists():
        pytest.skip(f"seed file not found: {SEED}")
    return SEED


def test_seed_reproduces_the_bundled_register(seed: Path, tmp_path: Path) -> None:
    out = tmp_path / "tasks-2024.yaml"
    run = gk("import", str(seed), "--year", "2024", "-o", str(out), "--data", str(DATA))
    assert "读取任务 74 项，类别 14 个" in run.stdout
    assert "完成时间：已识别 74 项，待核 0 项" in run.stdout
    imported, bundled = load(out), load(DATA / "tasks-2024.yaml")
    assert (imported["title"], imported["region"], imported["year"], imported["published"]) == (
        "2024年舒兰市政务公开重点工作任务清单",
        "舒兰市",
        2024,
        None,
    )
    assert imported["categories"] == bundled["categories"]
    assert len(imported["tasks"]) == 74
    for mine, theirs in zip(imported["tasks"], bundled["tasks"], strict=True):
        assert task_fields(mine) == task_fields(theirs), f"task {theirs['id']}"


def test_dry_run_json_is_the_tasks_json(seed: Path) -> None:
    run = gk("import", str(seed), "--year", "2024", "--dry-run", "--format", "json", "--data", str(DATA))
    result = json.loads(run.stdout)
    tasks = json.loads(gk("tasks", "--data", str(DATA), "--year", "2024", "--format", "json").stdout)
    assert result["tasks"] == tasks
    assert result["review"] == [] and result["new_units"] == []
    assert result["output"] is None
    assert result["summary"] == {
        "rows": 74,
        "categories": 14,
        "units_matched": 29,
        "units_new": 0,
        "deadlines_parsed": 74,
        "deadlines_flagged": 0,
        "review": 0,
    }
    assert list(Path.cwd().iterdir()) == []  # nothing written


def test_gbk_text_is_read(seed: Path, tmp_path: Path) -> None:
    source = tmp_path / "gbk.txt"
    source.write_bytes(seed.read_text(encoding="utf-8").encode("gb18030"))
    run = gk("import", str(source), "--year", "2024", "--dry-run", "--format", "json", "--data", str(DATA))
    assert json.loads(run.stdout)["summary"]["rows"] == 74


def test_existing_file_is_not_overwritten_without_force(seed: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "tasks-2024.yaml"
    out.write_text("keep me\n", encoding="utf-8")
    run = gk("import", str(seed), "--year", "2024", "-o", str(out), "--data", str(DATA), code=2)
    assert "文件已存在" in run.stderr and "--force" in run.stderr
    assert out.read_text(encoding="utf-8") == "keep me\n"
    gk("import", str(seed), "--year", "2024", "-o", str(out), "--data", str(DATA), "--force")
    assert load(out)["year"] == 2024
    assert [path.name for path in folder.iterdir()] == ["tasks-2024.yaml"]  # no temporary file left


def test_xlsx_2025_validates_and_becomes_the_newest_register(data_copy: Path, tmp_path: Path) -> None:
    source = xlsx_2025(tmp_path / "清单.xlsx")
    out = data_copy / "tasks-2025.yaml"
    run = gk("import", str(source), "--year", "2025", "-o", str(out))  # units.yaml found beside the output
    assert "读取任务 4 项，类别 2 个" in run.stdout and "没有待核项" in run.stdout
    register = load(out)
    assert register["title"] == TITLE_2025 and register["region"] == "舒兰市"
    assert [(task["category"], task["deadline"]["text"]) for task in register["tasks"]] == [
        (1, "2025年6月底前"),
        (1, "全年"),
        (1, "2025年9月30日"),
        (2, "持续推进"),
    ]
    assert register["tasks"][2]["lead"] == ["市政府办", "市政数局"]
    assert register["tasks"][3]["open_ended"] is True
    gk("validate", str(data_copy))
    newest = json.loads(gk("tasks", "--data", str(data_copy), "--format", "json").stdout)
    assert [task["content"] for task in newest] == ["公开示例事项甲。", "公开示例事项乙。", "公开示例事项丙。", "解读示例政策。"]
    older = json.loads(gk("tasks", "--data", str(data_copy), "--year", "2024", "--format", "json").stdout)
    assert len(older) == 74
    missing = gk("tasks", "--data", str(data_copy), "--year", "2023", code=2)
    assert "没有 2023 年的任务清单（已有：2024、2025）" in missing.stderr


def test_sheet_without_header_is_skipped_and_named(tmp_path: Path) -> None:
    source = add_sheet(xlsx_2025(tmp_path / "l.xlsx"), "填表说明", [["说明"], ["本表为测试数据。"]])
    run = gk("import", str(source), "--year", "2025", "--dry-run", "--data", str(DATA), code=1)
    assert "读取任务 4 项" in run.stdout
    assert "l.xlsx 工作表“填表说明”：这张工作表中没有找到清单表头，已跳过" in run.stdout


def test_write_failure_leaves_the_old_file(seed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "tasks-2024.yaml"
    out.write_text("old\n", encoding="utf-8")

    def refuse(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", refuse)
    run = gk("import", str(seed), "--year", "2024", "-o", str(out), "--data", str(DATA), "--force", code=3)
    assert run.stderr == f"错误：无法写入 {out}：磁盘空间不足；原文件未改动\n"
    assert out.read_text(encoding="utf-8") == "old\n"
    assert [path.name for path in folder.iterdir()] == ["tasks-2024.yaml"]


def test_docx_with_pages_and_merged_categories(data_copy: Path, tmp_path: Path) -> None:
    source = docx_2025(tmp_path / "清单.docx")
    out = data_copy / "tasks-2025.yaml"
    run = gk("import", str(source), "--year", "2025", "-o", str(out), code=1)
    assert "任务 3（清单.docx 表格 1 第 4 行）整行：清单.docx 表格 2 第 2 行没有序号，已当作任务 3 的续行" in run.stdout
    register = load(out)
    assert register["categories"] == [
        {"number": 1, "numeral": "一", "name": "依法规范主动公开"},
        {"number": 2, "numeral": "二", "name": "政策解读"},
    ]
    assert [(task["id"], task["category"], task["content"]) for task in register["tasks"]] == [
        (1, 1, "公开示例事项甲。"),
        (2, 1, "公开示例事项乙。"),
        (3, 2, "解读示例政策，做好示例工作。"),
        (4, 2, "解读示例政策丁。"),
    ]
    assert "  # 待核（清单.docx 表格 1 第 4 行）：" in out.read_text(encoding="utf-8")
    gk("validate", str(out))  # the join is plausible, so the file is valid; the comment asks for a look


def test_row_that_cannot_be_split_is_named_for_review(seed: Path, tmp_path: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    marker = "3 及时发布“九解一协调”服务企业工作相关情况。"
    start = text.index(marker)
    deadline = text.index("2024年12月底前", start)
    broken = tmp_path / "broken.txt"
    broken.write_text(text[:deadline] + text[deadline + len("2024年12月底前") :], encoding="utf-8")
    out = tmp_path / "tasks-2024.yaml"
    line = text[:start].count("\n") + 1
    run = gk("import", str(broken), "--year", "2024", "-o", str(out), "--data", str(DATA), code=1)
    assert f"任务 3（broken.txt:{line}）整行：找不到完成时间，无法把这一行分成任务内容、责任单位和完成时间" in run.stdout
    assert "读取任务 74 项" in run.stdout
    checked = gk("validate", str(out), "--data", str(DATA), code=1)
    assert "任务 3：" in checked.stdout or "tasks-2024.yaml:" in checked.stdout
    assert load(out)["tasks"][3]["content"].startswith("及时发布优化营商环境")  # the rows after it are intact


def test_unreadable_deadline_fails_validation_at_its_line(data_copy: Path, tmp_path: Path) -> None:
    header = ["序号", "任务名称", "任务内容", "责任单位", "完成时间"]
    source = write_xlsx(tmp_path / "l.xlsx", [[TITLE_2025], header, [1, "一、甲", "内容。", "市政府办", "视情况而定"]])
    out = data_copy / "tasks-2025.yaml"
    run = gk("import", str(source), "--year", "2025", "-o", str(out), "--format", "json", code=1)
    [item] = json.loads(run.stdout)["review"]
    assert item == {
        "task": 1,
        "field": "deadline",
        "line": 3,
        "where": "l.xlsx 工作表“清单”第 3 行",
        "message": "无法识别的完成时间：“视情况而定”，已照录原文，请改写为可识别的写法",
    }
    assert json.loads(run.stdout)["tasks"][0]["deadline"]["kind"] is None
    text = out.read_text(encoding="utf-8")
    line = text.splitlines().index("      text: 视情况而定") + 1
    checked = gk("validate", str(out), code=1)
    assert f"tasks-2025.yaml:{line}:" in checked.stdout and "无法识别的完成时间" in checked.stdout


def test_unknown_units_are_proposed_not_dropped(data_copy: Path, tmp_path: Path) -> None:
    header = ["序号", "任务名称", "任务内容", "责任单位", "完成时间"]
    rows = [[TITLE_2025], header, [1, "一、甲", "内容。", "市气象局牵头；甲镇人民政府、市政府办按职责分别落实", "全年"]]
    source = write_xlsx(tmp_path / "l.xlsx", rows)
    out, proposals = data_copy / "tasks-2025.yaml", tmp_path / "new-units.yaml"
    run = gk("import", str(source), "--year", "2025", "-o", str(out), "--units-out", str(proposals), code=1)
    assert "新单位 2 个（市气象局、甲镇人民政府）" in run.stdout
    assert f"新单位建议已写入 {proposals}" in run.stdout
    assert load(out)["tasks"][0]["lead"] == ["市气象局"]
    assert "units.yaml 中没有单位“市气象局”" in gk("validate", str(out), code=1).stdout
    entries = load(proposals)["units"]
    assert [(entry["name"], entry["kind"]) for entry in entries] == [("市气象局", "待定"), ("甲镇人民政府", "township")]
    units = data_copy / "units.yaml"  # pasted in as proposed, the undecided kind is still refused
    proposed = proposals.read_text(encoding="utf-8").split("units:\n")[1]
    units.write_text(units.read_text(encoding="utf-8").replace("\ngroups:\n", f"\n{proposed}\ngroups:\n"), encoding="utf-8")
    checked = gk("validate", str(data_copy), code=1)
    assert "“kind”的取值“待定”无效" in checked.stdout
    assert "units.yaml 中没有单位" not in checked.stdout  # the register's names now resolve


def test_units_out_is_not_overwritten_without_force(data_copy: Path, tmp_path: Path) -> None:
    proposals = tmp_path / "new-units.yaml"
    proposals.write_text("keep\n", encoding="utf-8")
    source = xlsx_2025(tmp_path / "l.xlsx")
    out = data_copy / "tasks-2025.yaml"
    gk("import", str(source), "--year", "2025", "-o", str(out), "--units-out", str(proposals), code=2)
    assert not out.exists() and proposals.read_text(encoding="utf-8") == "keep\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "2025"], "请用 -o 指定"),
        (["--year", "2025", "-o", "tasks-2024.yaml"], "文件名 tasks-2024.yaml 与 --year 2025 不一致"),
        (["--year", "1999", "--dry-run"], "不是有效的清单年度"),
        (["--year", "2025", "-o", "missing/tasks-2025.yaml"], "-o 的目录不存在"),
    ],
)
def test_usage_errors(seed: Path, args: list[str], message: str) -> None:
    run = gk("import", str(seed), *args, "--data", str(DATA), code=2)
    assert message in run.stderr


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("list.doc", "不支持旧的 .doc 格式"),
        ("list.csv", "不支持的文件类型"),
        ("list.docx", "无法读取 Word 文件"),
        ("list.xlsx", "无法读取 Excel 文件"),
    ],
)
def test_unreadable_sources(tmp_path: Path, name: str, message: str) -> None:
    source = tmp_path / name
    source.write_bytes(b"not really")
    assert message in gk("import", str(source), "--year", "2025", "--dry-run", "--data", str(DATA), code=2).stderr


def test_title_and_region_are_required_when_the_source_has_none(tmp_path: Path) -> None:
    source = write_xlsx(tmp_path / "l.xlsx", [["序号", "任务内容", "责任单位", "完成时间"], [1, "内容。", "市政府办", "全年"]])
    assert "--title" in gk("import", str(source), "--year", "2025", "--dry-run", "--data", str(DATA), code=2).stderr
    run = gk("import", str(source), "--year", "2025", "--dry-run", "--data", str(DATA), "--title", "某清单", code=2)
    assert "--region" in run.stderr
    run = gk("import", str(source), "--year", "2025", "--dry-run", "--data", str(DATA), "--title", "某清单", "--region", "舒兰市", code=1)
    assert "没有找到类别" in run.stdout


def test_docx_needs_python_docx(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    source = docx_2025(tmp_path / "l.docx")
    monkeypatch.setitem(__import__("sys").modules, "docx", None)
    assert "pip install 'gkcli[import]'" in gk("import", str(source), "--year", "2025", "--dry-run", "--data", str(DATA), code=2).stderr


def test_help_has_an_example() -> None:
    assert "示例：gk import" in gk("import", "--help").stdout
