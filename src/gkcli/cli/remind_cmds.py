"""Weekly reminders: gk remind (dry run by default, --send delivers by e-mail and chat robots)."""

from __future__ import annotations

import datetime as dt
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from gkcli.cli.guard import GkCommand
from gkcli.cli.options import AsOfOpt, DataOpt, UnitOpt, YearOpt, as_of_date, data_dir
from gkcli.defaults import DEFAULT_WITHIN
from gkcli.errors import EXIT_DELIVERY, EXIT_OK, UsageError


class RemindFormat(StrEnum):
    text = "text"
    md = "md"
    json = "json"


def remind(
    unit: UnitOpt = None,
    all_units: Annotated[bool, typer.Option("--all", "-a", help="为每个有待办事项的单位各生成一份提醒。")] = False,
    within: Annotated[str, typer.Option("--within", "-w", help="提醒这段时间内到期的事项，如 7d、2w、10天。")] = DEFAULT_WITHIN,
    as_of: AsOfOpt = None,
    fmt: Annotated[RemindFormat, typer.Option("--format", "-f", help="text 纯文本（邮件）；md（群机器人）；json。")] = RemindFormat.text,
    include_empty: Annotated[bool, typer.Option("--include-empty", help="没有待办事项的单位也生成（发送）一份提醒。")] = False,
    send: Annotated[bool, typer.Option("--send", help="真正发送（默认只打印，不发送）。")] = False,
    retry: Annotated[int, typer.Option("--retry", help="临时性失败（连接失败、超时、5xx）重试的次数。", min=0, max=10)] = 0,
    backoff: Annotated[float, typer.Option("--backoff", help="第一次重试前等待的秒数，之后每次加倍。", min=0)] = 2.0,
    timeout: Annotated[float, typer.Option("--timeout", help="每次连接或请求的超时秒数。", min=0.1)] = 20.0,
    force: Annotated[bool, typer.Option("--force", help="本周已发送过的也重新发送。")] = False,
    state: Annotated[
        Path | None,
        typer.Option("--state", help="发送记录目录（默认 $XDG_STATE_HOME/gk 或 ~/.local/state/gk）。", show_default=False, file_okay=False),
    ] = None,
    contacts: Annotated[
        Path | None,
        typer.Option("--contacts", help="联系方式文件（默认：数据目录中的 contacts.yaml）。", show_default=False, dir_okay=False),
    ] = None,
    secrets: Annotated[
        Path | None,
        typer.Option("--secrets", help="密钥文件（KEY=VALUE 每行一个），必须在仓库和数据目录之外。", show_default=False, dir_okay=False),
    ] = None,
    data: DataOpt = None,
    year: YearOpt = None,
) -> int:
    """生成每周提醒：逾期、即将到期、定期检查点与申请期限、年底待收尾的全年任务，每个单位一份。

    默认只打印（演示），加 --send 才按 contacts.yaml 发送邮件和群机器人消息；同一周不会重复发送。

    退出码：0 全部送达（或演示），4 有发送失败。

    示例：gk remind --all --as-of 2024-12-20 --send --retry 3
    """
    from gkcli.agenda import parse_window
    from gkcli.data import load_data
    from gkcli.remind import build_digests
    from gkcli.render.digest import RENDERERS
    from gkcli.tracking import load_tracking
    from gkcli.views.remind import digest_json

    if all_units == (unit is not None):
        raise UsageError("请指定 --unit 单位 或 --all（二者选一）")
    day, window = as_of_date(as_of), parse_window(within)
    folder = data_dir(data)
    loaded = load_data(folder, year)
    found = build_digests(loaded, load_tracking(loaded), day, window, unit=unit, include_empty=include_empty)
    digests = [digest_json(digest, loaded) for digest in found]
    if not send:
        sys.stdout.write(RENDERERS[fmt.value](digests))
        sys.stderr.write(f"（演示：共 {len(digests)} 份提醒，未发送；加 --send 发送）\n")
        return EXIT_OK

    from gkcli.contacts import CONTACTS_FILE, load_contacts
    from gkcli.delivery.environment import environment
    from gkcli.delivery.send import Settings, Status, deliver
    from gkcli.delivery.sentlog import SentLog, default_state_dir, locked
    from gkcli.render.delivery import RENDERERS as REPORTS

    reach = load_contacts(contacts or folder / CONTACTS_FILE, loaded.directory)
    env = environment(os.environ, secrets, folder)
    now = dt.datetime.now(dt.UTC).astimezone()
    settings = Settings(env, now, timeout=timeout, retries=retry, backoff=backoff, force=force)
    state_dir = state or default_state_dir(os.environ, Path.home())
    with locked(state_dir):
        outcomes = deliver(digests, reach, settings, SentLog(state_dir))
    sys.stdout.write(REPORTS[fmt.value](outcomes))
    failed = sum(1 for outcome in outcomes if outcome.status is Status.FAILED)
    if failed:
        sys.stderr.write(f"有 {failed} 个发送失败（见上）；修正后重新运行，已送达的不会重复发送\n")
    return EXIT_DELIVERY if failed else EXIT_OK


def register(app: typer.Typer) -> None:
    app.command(cls=GkCommand)(remind)
