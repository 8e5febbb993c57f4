# The two commands of the README: `make run` and `make test`. Both set everything up first.
PORT ?= 8501

.PHONY: run test setup setup-dev bench soak

run: setup
	.venv/bin/streamlit run app.py --server.port $(PORT) --server.address localhost

# Two workers: half the suite waits on a browser or a server, so two overlap even on 2 cores.
test: setup-dev
	.venv/bin/python -m pytest -n 2 --dist loadscope

bench: setup-dev
	.venv/bin/python -m bench

# 20 browser sessions for 3 minutes against a live server: measures the machine as well as the
# server, so it has its own target and is not part of `make test`.
soak: setup-dev
	.venv/bin/python -m bench.soak

setup:
	scripts/setup.sh

setup-dev:
	scripts/setup.sh dev
