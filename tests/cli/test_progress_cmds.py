"""gk start / done / reopen: what lands in the file, what is refused, and what the queries then show."""

from __future__ import annotations

import codecs
import json
import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import gk

EVIDENCE = "https://example.gov.cn/zwgk/2024/a.html"


def record(data: Path, *args: str, code: int = 0) -> str:
    run = gk(*args, "--data", str(data), "--by", "张三", code=code)
    return run.stdout if code == 0 else run.stderr


def progress_file(data: Path, unit_id: str) -> Path:
    return data / "progress" / "2024" / f"{unit_id}.yaml"


def due_ids(data: Path, unit: str, as_of: str) -> set[int]:
    run = gk("due", "--unit", unit, "--data", str(data), "--as-of", as_of, "--format", "json")
    return {item["id"] for item in json.loads(run.stdout)}


def test_done_appends_a_readable_record_with_its_history_fields(data_copy: Path) -> None:
    out = record(
        data_copy,
        "done",
        "3",
        "--unit",
        "市政数局",
        "--as-of",
        "2024-07-02",
        "--on",
        "2024-07-01",
        "--note",
        "已在专栏发布",
        "-e",
        EVIDENCE,
    )
    path = progress_file(data_copy, "zhengshuju")
    assert out == f"已记录：市政数局 · 任务 3 · 完成（销号） · 2024-07-01\n写入 {path}（新建文件）\n"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/progress.schema.json\n# 2024 年进度填报：市政数局。")
    data = yaml.safe_load(text)
    assert data["unit"] == "zhengshuju"
    (entry,) = data["records"]
    assert {key: entry[key] for key in ("task", "event", "note", "evidence", "recorded_by")} == {
        "task": 3,
        "event": "done",
        "note": "已在专栏发布",
        "evidence": [EVIDENCE],
        "recorded_by": "张三",
    }
    assert str(entry["date"]) == "2024-07-01"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", entry["recorded_at"])


def test_recorder_defaults_to_the_login_name(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("USER", "wangwu")
    gk("start", "3", "--unit", "市人社局", "--data", str(data_copy), "--as-of", "2024-05-01")
    assert "recorded_by: wangwu" in progress_file(data_copy, "renshe").read_text(encoding="utf-8")


def test_a_task_counts_as_done_from_its_date_on(data_copy: Path) -> None:
    record(data_copy, "done", "3", "--unit", "市人社局", "--as-of", "2024-07-01")
    assert 3 in due_ids(data_copy, "市人社局", "2024-06-30")
    assert 3 not in due_ids(data_copy, "市人社局", "2024-07-01")
    assert 3 not in due_ids(data_copy, "市人社局", "2024-07-02")


def test_reopen_makes_the_task_open_again_and_keeps_the_history(data_copy: Path) -> None:
    record(data_copy, "start", "3", "--unit", "市人社局", "--as-of", "2024-06-01", "--note", "已部署")
    record(data_copy, "done", "3", "--unit", "市人社局", "--as-of", "2024-07-01")
    record(data_copy, "reopen", "3", "--unit", "市人社局", "--as-of", "2024-07-10", "--note", "佐证不全，退回")
    assert 3 in due_ids(data_copy, "市人社局", "2024-07-15")
    assert 3 not in due_ids(data_copy, "市人社局", "2024-07-05")
    events = [entry["event"] for entry in yaml.safe_load(progress_file(data_copy, "renshe").read_text(encoding="utf-8"))["records"]]
    assert events == ["start", "done", "reopen"]
    record(data_copy, "done", "3", "--unit", "市人社局", "--as-of", "2024-07-20", "--note", "已补充")
    assert 3 not in due_ids(data_copy, "市人社局", "2024-07-21")


REFUSALS = [
    (["done", "99", "--unit", "市人社局"], "市人社局·任务 99：没有序号为 99 的任务（本清单共 74 项）"),
    (["done", "3", "--unit", "市不存在局"], "未知单位“市不存在局”"),
    (["done", "3", "--unit", "市委办"], "市委办·任务 3：市委办不是此任务的责任单位"),
    (["done", "5", "--unit", "市税务局"], "市税务局只以“等相关部门（单位）”泛指涉及此任务，不是应办单位，无需填报"),
    (["done", "3", "--unit", "市政府各相关部门（单位）"], "“市政府各相关部门（单位）”是单位组，请由其成员单位分别填报"),
    (["done", "3", "--unit", "市人社局", "--on", "2024-07-02"], "日期 2024-07-02 晚于 --as-of（2024-07-01）：不能填报将来的进展"),
    (["done", "3", "--unit", "市人社局", "--on", "2023-12-31"], "日期 2023-12-31 早于清单年度 2024 年（--on）"),
    (["done", "3", "--unit", "市人社局", "--on", "2024-13-01"], "--on 的日期“2024-13-01”无效"),
    (["done", "3", "--unit", "市政数局"], "市政数局·任务 3：牵头单位销号需佐证材料（evidence）：请用 --evidence 提供链接或文件路径"),
    (["done", "3", "--unit", "市人社局", "-e", " "], "--evidence 不能为空"),
    (["reopen", "3", "--unit", "市人社局", "--note", "退回"], "市人社局·任务 3：尚未完成（销号），无需重新打开"),
    (["reopen", "3", "--unit", "市人社局"], "缺少选项 --note"),
    (
        ["done", "8", "--unit", "市人社局", "--occurrence", "monthly:2024-03"],
        "没有“monthly:2024-03”这一期（该任务没有定期检查点或申请等分期事项）",
    ),
]


@pytest.mark.parametrize(("args", "message"), REFUSALS, ids=[" ".join(args) for args, _ in REFUSALS])
def test_refused_requests_say_why_and_write_nothing(data_copy: Path, args: list[str], message: str) -> None:
    err = record(data_copy, *args, "--as-of", "2024-07-01", code=2)
    assert message in err
    assert not (data_copy / "progress" / "2024").exists()


HISTORY_REFUSALS = [
    (
        ["done", "3", "--as-of", "2024-07-05"],
        "市人社局·任务 3：已于 2024-07-01 完成（销号）；如需更正或重新办理，请先记录 reopen（gk reopen）",
    ),
    (["start", "3", "--as-of", "2024-07-05"], "已于 2024-07-01 完成（销号）"),
    (["reopen", "3", "--note", "x", "--as-of", "2024-06-20"], "日期 2024-06-20 早于上一条记录的日期 2024-07-01"),
]


@pytest.mark.parametrize(("args", "message"), HISTORY_REFUSALS, ids=[args[0] for args, _ in HISTORY_REFUSALS])
def test_records_must_continue_the_history(data_copy: Path, args: list[str], message: str) -> None:
    record(data_copy, "done", "3", "--unit", "市人社局", "--as-of", "2024-07-01")
    before = progress_file(data_copy, "renshe").read_bytes()
    assert message in record(data_copy, *args, "--unit", "市人社局", code=2)
    assert progress_file(data_copy, "renshe").read_bytes() == before


def test_hand_edited_comments_and_order_survive_done(data_copy: Path) -> None:
    record(data_copy, "done", "3", "--unit", "市人社局", "--as-of", "2024-07-01")
    path = progress_file(data_copy, "renshe")
    edited = (
        "# 市人社局进度（办公室小李手工整理）\n"
        "records:   # 按时间先后\n"
        "  - task: 3\n"
        "    # 经科长确认\n"
        "    date: 2024-07-01\n"
        "    event: done\n"
        "    recorded_by: 张三\n"
        "    recorded_at: '2024-07-01T09:00:00+08:00'\n"
        "unit: renshe  # 单位 id 放在最后也可以\n"
    )
    path.write_text(edited, encoding="utf-8")
    record(data_copy, "done", "8", "--unit", "市人社局", "--as-of", "2024-07-03", "--note", "已发布")
    text = path.read_text(encoding="utf-8")
    head, _, tail = text.partition("    recorded_at: '2024-07-01T09:00:00+08:00'\n")
    assert head + _ == edited[: edited.index("unit: renshe")]
    assert tail.endswith("unit: renshe  # 单位 id 放在最后也可以\n")
    assert "  - task: 8\n    event: done\n    date: 2024-07-03\n    note: 已发布\n" in tail
    gk("validate", str(data_copy))


def test_windows_line_endings_and_bom_are_kept(data_copy: Path) -> None:
    path = progress_file(data_copy, "renshe")
    path.parent.mkdir(parents=True)
    path.write_bytes(codecs.BOM_UTF8 + "# 记事本保存\r\nunit: renshe\r\nrecords: []\r\n".encode())
    record(data_copy, "start", "3", "--unit", "市人社局", "--as-of", "2024-07-01")
    raw = path.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8 + b"# \xe8")
    assert raw.count(b"\n") == raw.count(b"\r\n") > 4


def test_an_invalid_progress_file_is_not_appended_to(data_copy: Path) -> None:
    path = progress_file(data_copy, "renshe")
    path.parent.mkdir(parents=True)
    path.write_text("unit: renshe\nrecords:\n  - task: 3\n    event: finish\n", encoding="utf-8")
    run = gk("done", "3", "--unit", "市人社局", "--data", str(data_copy), "--as-of", "2024-07-01", code=1)
    assert f"{path}:4:5: “event”的取值“finish”无效" in run.stderr
    assert path.read_text(encoding="utf-8") == "unit: renshe\nrecords:\n  - task: 3\n    event: finish\n"


def test_occurrences_offered_by_tracking_can_be_recorded(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    import gkcli.tracking
    from gkcli.agenda import Occurrence
    from gkcli.obligations import Duty

    def more(duties: list[Duty]) -> list[tuple[Duty, Occurrence]]:
        return [(duty, Occurrence(dt.date(2024, 3, 31), "monthly:2024-03", "月自查（2024年3月）")) for duty in duties]

    real = gkcli.tracking.load_tracking
    monkeypatch.setattr(gkcli.tracking, "load_tracking", lambda data: gkcli.tracking.Tracking(real(data).progress, more))
    record(data_copy, "done", "8", "--unit", "市人社局", "--occurrence", "monthly:2024-03", "--as-of", "2024-04-02")
    err = record(data_copy, "done", "8", "--unit", "市人社局", "--occurrence", "monthly:2024-04", "--as-of", "2024-04-02", code=2)
    assert "没有“monthly:2024-04”这一期（可选：monthly:2024-03）" in err
    items = json.loads(gk("due", "--unit", "市人社局", "--data", str(data_copy), "--as-of", "2024-04-02", "-f", "json").stdout)
    assert [item["occurrence"] for item in items if item["id"] == 8] == [None]  # the checkpoint is done, the task is not


def test_show_lists_each_units_status_note_and_evidence(data_copy: Path) -> None:
    record(data_copy, "done", "3", "--unit", "市政数局", "--as-of", "2024-07-01", "--note", "已发布", "-e", EVIDENCE)
    record(data_copy, "start", "3", "--unit", "市人社局", "--as-of", "2024-06-15", "--note", "正在整理")
    detail = json.loads(gk("show", "3", "--data", str(data_copy), "--as-of", "2024-07-02", "--format", "json").stdout)
    parties = {entry["unit"]: entry for entry in detail["parties"]}
    lead = parties["市政数局"]
    assert (lead["status"], lead["done_on"], lead["progress"]["note"], lead["progress"]["evidence"]) == (
        "done",
        "2024-07-01",
        "已发布",
        [EVIDENCE],
    )
    assert [entry["event"] for entry in lead["history"]] == ["done"]
    assert parties["市人社局"]["progress"]["event"] == "start"
    assert parties["市财政局"]["progress"] is None
    text = gk("show", "3", "--data", str(data_copy), "--as-of", "2024-07-02", "--format", "md").stdout
    assert f"| ○ | 市政数局 | 牵头 | 2024-12-31 | 已于 2024-07-01 完成 | 已完成（2024-07-01）：已发布 | {EVIDENCE} |" in text
    assert "| 市人社局 | 组成员 | 2024-12-31 | 还剩 182 天 | 开始办理（2024-06-15）：正在整理 |  |" in text
    assert "| 市财政局 | 组成员 | 2024-12-31 | 还剩 182 天 | 尚未填报 |  |" in text
    assert "尚未填报" in gk("show", "3", "--data", str(data_copy), "--as-of", "2024-07-02").stdout
    early = json.loads(gk("show", "3", "--data", str(data_copy), "--as-of", "2024-06-30", "--format", "json").stdout)
    assert {entry["unit"]: entry["progress"] for entry in early["parties"]}["市政数局"] is None


def test_checklist_ticks_a_task_when_every_owing_unit_is_done(data_copy: Path) -> None:
    record(data_copy, "done", "8", "--unit", "市人社局", "--as-of", "2024-07-01")
    text = gk("checklist", "--data", str(data_copy), "--as-of", "2024-07-01").stdout
    assert "☑ 8." in text
    assert "☐ 3." in text
    before = gk("checklist", "--data", str(data_copy), "--as-of", "2024-06-30").stdout
    assert "☐ 8." in before


def test_overdue_drops_what_was_done(data_copy: Path) -> None:
    def overdue_units(as_of: str) -> set[str]:
        items = json.loads(gk("overdue", "--data", str(data_copy), "--as-of", as_of, "-f", "json").stdout)
        return {item["unit"] for item in items if item["id"] == 62}

    assert "市税务局" in overdue_units("2024-10-08")
    record(data_copy, "done", "62", "--unit", "市税务局", "--as-of", "2024-10-05")
    assert "市税务局" not in overdue_units("2024-10-08")
    assert "市财政局" in overdue_units("2024-10-08")
