"""`gk workday` and the override file in `gk validate` / `gk schema`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DATA, gk
from tests.unit.test_workdays import TEST_2027
from tests.unit.test_workdays_file import BAD


@pytest.mark.parametrize(
    ("args", "printed"),
    [
        (("2024-09-27", "+20"), "2024-10-30"),
        (("2024-09-27", "20"), "2024-10-30"),
        (("2024-10-30", "-20"), "2024-09-27"),
        (("2024-02-05", "+20"), "2024-03-08"),
        (("2024-03-08", "-20"), "2024-02-05"),
        (("2024-10-05", "0"), "2024-10-05"),
    ],
)
def test_prints_the_date_alone(args: tuple[str, str], printed: str) -> None:
    run = gk("workday", *args)
    assert run.stdout == f"{printed}\n"
    assert run.stderr == ""


def test_a_negative_count_may_come_before_the_options() -> None:
    assert gk("workday", "2024-10-30", "-20", "--explain").stdout.startswith("2024-09-27\n")
    assert gk("workday", "--explain", "2024-10-30", "-20").stdout.startswith("2024-09-27\n")


def test_explain_lists_holidays_and_make_up_days() -> None:
    lines = gk("workday", "2024-09-27", "+20", "--explain").stdout.splitlines()
    assert lines == [
        "2024-10-30",
        "起算日 2024-09-27（星期五）当天不计，往后数第 20 个工作日是 2024-10-30（星期三）。",
        "其间的法定节假日与调休：",
        "  2024-09-29（星期日）调休上班（国庆节）",
        "  2024-10-01（星期二）至 2024-10-07（星期一）放假（国庆节，7 天）",
        "  2024-10-12（星期六）调休上班（国庆节）",
        lines[-1],
    ]
    assert lines[-1].startswith("2024 年节假日安排依据：chinesecalendar ")


def test_explain_without_holidays_says_so() -> None:
    out = gk("workday", "2024-07-05", "1", "--explain").stdout
    assert "往后数第 1 个工作日是 2024-07-08（星期一）" in out
    assert "其间没有法定节假日或调休上班日，只跳过了周末。" in out


def test_an_unknown_year_stops_with_the_file_to_fill_in(tmp_path: Path) -> None:
    run = gk("workday", "2026-12-25", "+5", "--data", str(tmp_path), code=1)
    assert run.stdout == ""
    assert run.stderr.startswith(f"错误：2027 年的法定节假日安排未知：请在 {tmp_path / 'workdays.yaml'} 中填写 2027 年的放假和调休上班日期")


def test_the_override_file_makes_the_year_known(tmp_path: Path) -> None:
    (tmp_path / "workdays.yaml").write_text(TEST_2027, encoding="utf-8")
    assert gk("workday", "2026-12-25", "+5", "--data", str(tmp_path)).stdout == "2027-01-04\n"
    out = gk("workday", "2026-12-25", "+5", "--explain", "--data", str(tmp_path)).stdout
    assert "2027-01-01（星期五）放假（元旦）" in out
    assert f"2027 年节假日安排依据：{tmp_path / 'workdays.yaml'}（测试用，仅含 1 月 1 日）" in out


def test_an_invalid_override_file_is_reported_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "workdays.yaml").write_text(BAD, encoding="utf-8")
    run = gk("workday", "2024-09-27", "+20", "--data", str(tmp_path), code=1)
    assert f"{tmp_path / 'workdays.yaml'}:6:" in run.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("2024-02-30", "+5"), "起算日 的日期“2024-02-30”无效"),
        (("2024-09-27", "+x"), "工作日数“+x”无效"),
        (("2024-09-27", "1.5"), "工作日数“1.5”无效"),
        (("2024-09-27", "+20", "--explian"), "多余的参数：--explian"),
        (("2024-09-27",), "缺少参数"),
    ],
)
def test_bad_input_is_a_usage_error(args: tuple[str, ...], message: str) -> None:
    assert message in gk("workday", *args, code=2).stderr


def test_validate_checks_the_override_file(data_copy: Path) -> None:
    gk("validate", str(data_copy))
    (data_copy / "workdays.yaml").write_text(BAD, encoding="utf-8")
    run = gk("validate", str(data_copy), code=1)
    assert f"{data_copy / 'workdays.yaml'}:13:5: 重复的年份 2027" in run.stdout
    assert "发现 6 个问题" in run.stdout
    alone = gk("validate", str(data_copy / "workdays.yaml"), code=1)
    assert "发现 6 个问题（检查了 1 个文件）" in alone.stdout


def test_the_schema_file_is_up_to_date() -> None:
    assert gk("schema", "workdays").stdout == (DATA / "schema" / "workdays.schema.json").read_text(encoding="utf-8")
