"""Where secrets come from: environment variables, or a KEY=VALUE file kept outside the repository.

The file has the format of a systemd EnvironmentFile (and of most .env files), so one file can
serve both. Its values take precedence over the environment, as an explicit option should.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Mapping
from pathlib import Path

from gkcli.contacts import ENV_REF
from gkcli.delivery.retry import DeliveryFailure
from gkcli.errors import UsageError

LINE = re.compile(r"^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$")


def repository_root(folder: Path) -> Path | None:
    """The git work tree that holds `folder`, if any."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def check_location(path: Path, data_dir: Path) -> None:
    """Refuse a secrets file that could be committed: inside the data directory or its repository."""
    where = path.resolve()
    data = data_dir.resolve()
    for guarded, what in ((data, "数据目录"), (repository_root(data), "数据目录所在的 git 仓库")):
        if guarded is not None and where.is_relative_to(guarded):
            raise UsageError(f"密钥文件 {path} 位于{what}（{guarded}）中，可能被提交：请放到仓库之外，如 /etc/gk/remind.env")


def check_permissions(path: Path) -> None:
    """Like ssh, refuse a secrets file that other users can read (on systems with POSIX modes)."""
    if os.name != "posix":
        return
    mode = path.stat().st_mode
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise UsageError(f"密钥文件 {path} 的权限过宽（{stat.filemode(mode)}），其他用户可读：请运行 chmod 600 {path}")


def parse_secrets(text: str, path: Path) -> dict[str, str]:
    values = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = LINE.match(line)
        if match is None:
            raise UsageError(f"{path}:{number}: 应为“名称=值”的形式，如 GK_SMTP_PASSWORD=…")
        name, value = match.groups()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[name] = value
    return values


def read_secrets(path: Path, data_dir: Path) -> dict[str, str]:
    """The values of a secrets file, after checking where it is and who can read it."""
    if not path.is_file():
        raise UsageError(f"密钥文件不存在：{path}")
    check_location(path, data_dir)
    check_permissions(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"无法读取密钥文件 {path}：{error}") from None
    return parse_secrets(text, path)


def environment(environ: Mapping[str, str], secrets: Path | None, data_dir: Path) -> dict[str, str]:
    """The variables delivery may use: the process environment, overlaid with the secrets file."""
    return {**environ, **(read_secrets(secrets, data_dir) if secrets else {})}


def expand(template: str, env: Mapping[str, str]) -> str:
    """A webhook URL with each ${NAME} replaced; a missing variable fails this delivery only."""
    missing = [name for name in ENV_REF.findall(template) if not env.get(name)]
    if missing:
        raise DeliveryFailure(f"环境变量 {'、'.join(missing)} 未设置（webhook 地址需要它）", transient=False)
    return ENV_REF.sub(lambda match: env[match.group(1)], template)
