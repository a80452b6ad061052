# 常用命令：make help
PY ?= python

.PHONY: help install lint test bench
help:  ## 列出可用目标
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'
install:  ## 安装开发依赖（可编辑模式）
	$(PY) -m pip install -e '.[dev]'
lint:  ## ruff 检查与格式、mypy 类型检查
	$(PY) -m ruff check src tests bench
	$(PY) -m ruff format --check src tests bench
	$(PY) -m mypy
test:  ## 运行全部测试
	$(PY) -m pytest
bench:  ## 运行性能基准（手动运行，输出相对基线的倍数）
	$(PY) bench/run.py
