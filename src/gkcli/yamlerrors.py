"""Why a file could not be read as YAML, in Chinese a clerk can act on, at the line to fix.

PyYAML's messages ("could not find expected ':'") mean little to someone who edits the register
in Notepad or WPS. Each known cause gets a plain explanation; the mark chosen is the line the
clerk has to change (where a quote was opened, not the end of the file where it was noticed).
"""

from __future__ import annotations

import codecs
import re

import yaml

from gkcli.errors import Problem

CONFLICT_MARKER = re.compile(r"^(?:<{7}|={7}|>{7})(?:\s|$)", re.MULTILINE)
INDENT = "缩进不对齐：这一行开头的空格数与同一层的其他行不同（或缺少“键: ”）"
NOT_UTF8_HINT = "请在编辑器中“另存为”UTF-8 编码，或运行：iconv -f GB18030 -t UTF-8 原文件 > 新文件"

# (fragment of PyYAML's problem, use the context mark?, Chinese explanation)
SYNTAX: list[tuple[str, bool, str]] = [
    ("while scanning a quoted scalar found unexpected", True, "引号没有闭合：从这里开始的引号一直没有结束"),
    ("tab character", False, "不能用制表符（Tab）缩进，请改用空格"),
    ("did not find expected key", False, INDENT),
    ("did not find expected '-' indicator", False, INDENT),
    ("could not find expected ':'", True, "这一行缺少冒号“: ”（应写成“键: 值”），或上面的引号、括号没有闭合"),
    ("mapping values are not allowed", False, "这里多出一个冒号“: ”：值里含有“: ”时，请给整个值加引号"),
    ("did not find expected ',' or ']'", True, "方括号“[”没有闭合，或列表各项之间缺少逗号"),
    ("did not find expected ',' or '}'", True, "花括号“{”没有闭合，或各项之间缺少逗号"),
    ("but found another document", False, "文件中只能有一份 YAML 文档，这里出现了第二份（“---”）"),
    ("exceeded maximum nesting depth", False, "嵌套层级过深"),
    ("block sequence entries are not allowed", False, "这里不能开始列表项“- ”：请检查缩进"),
    ("found unknown escape character", False, "双引号中的转义字符无效：反斜杠请写成 \\\\，或改用单引号"),
    ("anchor", False, "不支持 YAML 锚点/别名（& 与 *），请直接写出内容；值以 & 或 * 开头时请加引号"),
    ("alias", False, "不支持 YAML 锚点/别名（& 与 *），请直接写出内容；值以 * 或 & 开头时请加引号"),
    ("tag", False, "不支持 YAML 标签（!!…），请去掉；值以 ! 开头时请加引号"),
    ("did not find expected node content", False, "这里缺少值"),
    (
        "did not find expected <document start>",
        False,
        "上面的内容已是一个完整的值，从这一行起接不上：请检查上面的行是否少了“键: ”或注释开头的 #",
    ),
]


def conflict_problems(text: str, path: str) -> list[Problem]:
    """One problem per git merge-conflict marker line left in the file."""
    return [
        Problem(path, text.count("\n", 0, match.start()) + 1, 1, "文件中留有 git 合并冲突标记（<<<<<<< / ======= / >>>>>>>），请先解决冲突")
        for match in CONFLICT_MARKER.finditer(text)
    ]


def syntax_problem(error: yaml.MarkedYAMLError, text: str, path: str) -> Problem:
    """A YAML syntax error as one problem at the line to fix."""
    detail = " ".join(part for part in (error.context, error.problem) if part)
    late = _quote_closed_late(text, error.problem_mark)
    if late is not None:
        opened, closed_line = late
        return _at(path, opened, f"YAML 语法错误：这里的引号到第 {closed_line} 行才结束，这一行可能少了结束引号")
    for fragment, at_context, explanation in SYNTAX:
        if fragment in detail:
            mark = (error.context_mark if at_context else None) or error.problem_mark
            return _at(path, mark, f"YAML 语法错误：{explanation}")
    mark = error.problem_mark or error.context_mark
    if "cannot start any token" in detail and mark is not None:
        return _at(path, mark, _bad_start(text, mark.index))
    return _at(path, mark, f"YAML 语法错误：{detail}")


def _quote_closed_late(text: str, mark: yaml.Mark | None) -> tuple[yaml.Mark, int] | None:
    """Where a quoted value opened that ran on from an earlier line to the error's line (and that line), if one did.

    A value missing its closing quote swallows the next line up to that line's first quote; the
    parser then stumbles a few characters later, on a line that is not the one to fix.
    """
    if mark is None:
        return None
    last = None
    try:
        for token in yaml.scan(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            if (token.start_mark.line, token.start_mark.column) >= (mark.line, mark.column):
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'"):
                last = token
    except yaml.YAMLError:
        pass
    if last is None or not last.start_mark.line < last.end_mark.line == mark.line:
        return None
    opened: yaml.Mark = last.start_mark
    return opened, mark.line + 1


def _bad_start(text: str, index: int) -> str:
    char = text[index] if index < len(text) else ""
    if char == "\t":
        return "YAML 语法错误：不能用制表符（Tab）缩进，请改用空格"
    if char == "\ufeff":
        return "YAML 语法错误：文件中间有不可见字符 U+FEFF（BOM），请删除"
    return f"YAML 语法错误：值不能以“{char}”开头，请给整个值加引号"


def _at(path: str, mark: yaml.Mark | None, message: str) -> Problem:
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Problem(path, line, col, message)


def reader_problem(error: yaml.reader.ReaderError, text: str, path: str, byte_offsets: bool) -> Problem:
    """A control character (NUL, BEL …) that YAML does not allow in a file.

    libyaml reports the position in UTF-8 bytes, the pure-Python reader in characters.
    """
    position = int(error.position)
    if byte_offsets:
        position = len(text.encode("utf-8")[:position].decode("utf-8", errors="ignore"))
    line = text.count("\n", 0, position) + 1
    col = position - (text.rfind("\n", 0, position) + 1) + 1
    code = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or "\0")
    return Problem(path, line, col, f"文件中有不允许的控制字符 U+{code:04X}，请删除（常见于从其他软件复制粘贴）")


def encoding_problem(raw: bytes, error: UnicodeDecodeError, path: str) -> Problem:
    """A file that is not UTF-8, with the encoding it probably is and how to convert it."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Problem(path, 1, 1, "文件不是 UTF-8 编码，而是 UTF-16（记事本的“Unicode”）；请在编辑器中“另存为”UTF-8 编码")
    start = raw.rfind(b"\n", 0, error.start) + 1
    end = raw.find(b"\n", error.start)
    line = raw.count(b"\n", 0, error.start) + 1
    col = len(raw[start : error.start].decode("utf-8-sig", errors="replace")) + 1
    guess = ""
    if raw[: error.start].isascii() and _is_gb18030(raw):  # nothing UTF-8 before: the whole file is GBK
        guess = "，看起来整个文件是 GBK/GB18030 编码（WPS、记事本的“ANSI”常用）"
    elif _is_gb18030(raw[start : end if end >= 0 else len(raw)]):
        guess = "，这一行看起来是 GBK/GB18030 编码（可能是从别处粘贴的）"
    return Problem(path, line, col, f"文件不是 UTF-8 编码（第 {line} 行第 {col} 个字符处无法按 UTF-8 解码）{guess}；{NOT_UTF8_HINT}")


def _is_gb18030(raw: bytes) -> bool:
    try:
        raw.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return True
