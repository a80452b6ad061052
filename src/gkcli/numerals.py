"""Chinese numerals as lists write them: category numbers (一 … 十四) and day counts (二十)."""

from __future__ import annotations

DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
NAMES = "一二三四五六七八九"


def cn_number(numeral: str) -> int:
    """一 → 1, 十四 → 14, 二十一 → 21 (numbers 1 to 99); anything else raises ValueError."""
    if not numeral or any(char not in DIGITS and char != "十" for char in numeral) or numeral.count("十") > 1:
        raise ValueError(numeral)
    if "十" not in numeral:
        if len(numeral) != 1:
            raise ValueError(numeral)
        return DIGITS[numeral]
    tens, _, ones = numeral.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        raise ValueError(numeral)
    return (DIGITS[tens] if tens else 1) * 10 + (DIGITS[ones] if ones else 0)


def cn_numeral(number: int) -> str:
    """1 → 一, 14 → 十四, 21 → 二十一 (numbers 1 to 99): the inverse of `cn_number`."""
    if not 1 <= number <= 99:
        raise ValueError(number)
    tens, ones = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else NAMES[tens - 1] + "十")
    return head + (NAMES[ones - 1] if ones else "")


def count(text: str) -> int:
    """A count written in Arabic or Chinese digits ("20", "二十", "两")."""
    if text == "两":
        return 2
    return int(text) if text.isdigit() else cn_number(text)
