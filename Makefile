# 常用命令：make help
PY ?= python

.PHONY: help install lint test bench bench-quick phases
help:  ## 列出可用目标
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'
install:  ## 安装开发依赖（可编辑模式）
	$(PY) -m pip install -e '.[dev]'
lint:  ## ruff 检查与格式、mypy 类型检查
	$(PY) -m ruff check src tests bench
	$(PY) -m ruff format --check src tests bench
	$(PY) -m mypy
test:  ## 运行全部测试
	$(PY) -m pytest
bench:  ## 性能基准：1千/1万/10万项，输出 README“性能”一节的表格（约 5 分钟）
	$(PY) bench/run.py
bench-quick:  ## 性能基准，只测 1千和1万项（约 1 分钟）
	$(PY) bench/run.py --quick
phases:  ## gk due 各阶段的 CPU 时间（自带清单）
	$(PY) bench/phases.py
