"""The unit directory's name keys and spellings."""

from __future__ import annotations

from gkcli.records import Group, Unit, UnitKind, UnitsFile
from gkcli.units import Directory, name_key, text_key


def directory() -> Directory:
    units = [Unit("zhengshuju", "市政数局", UnitKind.CITY_DEPARTMENT, aliases=["政数局\u200b"])]
    groups = [Group("xiangzhen", "各乡镇人民政府", aliases=["各乡镇"])]
    return Directory.from_file(UnitsFile(units, groups))


def test_name_key_erases_width_spaces_and_invisibles() -> None:
    assert name_key("市政府各相关部门(单位) ") == name_key("市政府各相关部门（单位）") == text_key("市政府各相关部门\u200b（单位）")


def test_spellings_are_the_name_and_aliases_without_invisible_characters() -> None:
    found = directory()
    assert found.spellings("zhengshuju") == {"市政数局", "政数局"}
    assert found.spellings("xiangzhen") == {"各乡镇人民政府", "各乡镇"}


def test_lookup_by_any_spelling() -> None:
    found = directory()
    assert found.lookup("政数局") == "zhengshuju"
    assert found.lookup("各乡镇") == "xiangzhen"
    assert found.lookup("市数局") is None
