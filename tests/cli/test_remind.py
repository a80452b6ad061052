"""gk remind as a dry run: the digests in text, Markdown and JSON, and usage mistakes."""

from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT, gk

AS_OF = "2024-12-20"


def test_text_digest_starts_with_the_counts() -> None:
    run = gk("remind", "--unit", "市政数局", "--as-of", AS_OF)
    lines = run.stdout.splitlines()
    assert lines[0] == "【政务公开提醒】市政数局（2024-W51）：共 16 项——逾期 7，全年任务待收尾 9"
    assert lines[2] == "截至 2024-12-20，《2024年舒兰市政务公开重点工作任务清单》中市政数局的待办提醒："
    assert lines[4:7] == ["■ 逾期未完成（7 项）", "  · 任务 38  开展政府开放月活动。…", "    截止 2024-08-31，逾期 111 天"]
    assert lines[15:19] == [  # missed periods folded into one line, in the order of the dates shown
        "  · 任务 70  继续推行政务公开月自查、季督查工作机制。",
        "    月自查（2024年11月）等 11 期未完成（最早截止 2024-01-31），截止 2024-11-30，逾期 20 天",
        "  · 任务 60  加强政务新媒体信息更新活跃度，及时转发省、市提供的信息，避免2周内信息不更新情…",
        "    政务新媒体信息更新（12月2日至12月15日）等 25 期未完成（最早截止 2024-01-14），截止 2024-12-15，逾期 5 天",
    ]
    assert "■ 全年任务待收尾（年底前 30 天内）（9 项）" in lines
    assert "（演示：共 1 份提醒，未发送；加 --send 发送）" in run.stderr


def test_markdown_digest_for_chat_robots() -> None:
    lines = gk("remind", "-u", "市政府办", "--as-of", "2024-08-28", "-f", "md").stdout.splitlines()
    assert lines == [
        "### 【政务公开提醒】市政府办（2024-W35）：共 6 项——逾期 3，7天内到期 1，检查点/申请期限 2",
        "> 截至 2024-08-28，《2024年舒兰市政务公开重点工作任务清单》",
        "",
        "**逾期未完成（3 项）**",
        "- 任务 55 落实网络意识形态责任制，规范全市政府系统网站和政务新媒体建设管理，加大日常监测…",
        "  季度检查（2024年第2季度）等 2 期未完成（最早截止 2024-03-31），截止 2024-06-30，逾期 59 天",
        "- 任务 70 继续推行政务公开月自查、季督查工作机制。",
        "  季督查（2024年第2季度）等 2 期未完成（最早截止 2024-03-31），截止 2024-06-30，逾期 59 天",
        "- 任务 70 继续推行政务公开月自查、季督查工作机制。",
        "  月自查（2024年7月）等 7 期未完成（最早截止 2024-01-31），截止 2024-07-31，逾期 28 天",
        "",
        "**7 天内到期（1 项）**",
        "- 任务 38 开展政府开放月活动。…",
        "  截止 2024-08-31，还剩 3 天（牵头）",
        "",
        "**7 天内的定期检查点与申请答复期限（2 项）**",
        "- 任务 38 开展政府开放月活动。…",
        "  政府开放月活动（7月1日至8月31日），截止 2024-08-31，还剩 3 天（牵头）",
        "- 任务 70 继续推行政务公开月自查、季督查工作机制。",
        "  月自查（2024年8月），截止 2024-08-31，还剩 3 天",
        "",
        "查看全部应办事项：gk due --unit 市政府办  ",
        "（本提醒由 gk remind 自动生成）",
    ]


def test_json_has_one_object_per_unit() -> None:
    digests = json.loads(gk("remind", "--all", "--as-of", AS_OF, "--format", "json").stdout)
    assert [digest["unit"] for digest in digests][:3] == ["市政府办", "市政数局", "市司法局"]
    first = digests[0]
    assert set(first) == {"unit", "unit_id", "as_of", "period", "within_days", "register", "subject", "counts", "items"}
    assert (first["unit_id"], first["as_of"], first["period"], first["within_days"]) == ("zhengfuban", AS_OF, "2024-W51", 7)
    assert first["counts"]["total"] == len(first["items"]) == 15
    item = first["items"][0]
    assert (item["id"], item["section"], item["due"], item["days_left"], item["light"]) == (38, "overdue", "2024-08-31", -111, "red")
    monthly = next(entry for entry in first["items"] if entry["id"] == 70 and entry["due"] == "2024-11-30")
    assert (monthly["missed"], monthly["first_due"]) == (11, "2024-01-31")  # missed monthly self-checks folded
    task = next(entry for entry in first["items"] if entry["id"] == 38 and entry["occurrence"] is None)
    assert task["summary"] == "开展政府开放月活动。…" and task["content"].startswith("开展政府开放月活动。各乡镇")


def test_empty_units_only_on_request() -> None:
    assert json.loads(gk("remind", "-u", "市委办", "--as-of", "2024-06-03", "-f", "json").stdout) == []
    [digest] = json.loads(gk("remind", "-u", "市委办", "--as-of", "2024-06-03", "-f", "json", "--include-empty").stdout)
    assert digest["subject"] == "【政务公开提醒】市委办（2024-W23）：本周没有需要提醒的事项" and digest["items"] == []


def test_a_wider_window() -> None:
    run = gk("remind", "-u", "市政数局", "--as-of", AS_OF, "--within", "2w", "-f", "json")
    [digest] = json.loads(run.stdout)
    assert digest["within_days"] == 14 and digest["counts"]["due_soon"] == 48


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "请指定 --unit 单位 或 --all"),
        (("--all", "--unit", "市政数局"), "请指定 --unit 单位 或 --all"),
        (("--all", "--within", "soon"), "时间范围“soon”无效"),
        (("--unit", "市政数据局"), "未知单位“市政数据局”"),
        (("--all", "--as-of", "2024-13-01"), "--as-of 的日期“2024-13-01”无效"),
    ],
)
def test_usage_mistakes(args: tuple[str, ...], message: str) -> None:
    assert message in gk("remind", *args, code=2).stderr


def test_help_has_an_example() -> None:
    assert "示例：gk remind --all" in gk("remind", "--help").stdout


def test_the_readme_samples_are_real_output() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    text = gk("remind", "--unit", "市政数局", "--as-of", AS_OF).stdout
    markdown = gk("remind", "--unit", "市政府办", "--as-of", "2024-08-28", "--format", "md").stdout
    assert f"```text\n{text}```" in readme
    assert f"```markdown\n{markdown}```" in readme
