from __future__ import annotations

import pytest

from gkcli.numerals import cn_number, cn_numeral, count


def test_round_trip() -> None:
    assert all(cn_number(cn_numeral(number)) == number for number in range(1, 100))
    assert [cn_numeral(n) for n in (1, 10, 14, 20, 21)] == ["一", "十", "十四", "二十", "二十一"]


@pytest.mark.parametrize("text", ["", "十十", "一二", "三十四五", "零"])
def test_invalid_numerals(text: str) -> None:
    with pytest.raises(ValueError):
        cn_number(text)


def test_counts() -> None:
    assert [count(text) for text in ("20", "二十", "两", "十五")] == [20, 20, 2, 15]
