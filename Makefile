# The two commands of README.md: `make paper` (the whole pipeline, default profile)
# and `make test` (every test). Both install missing Debian packages first and build
# in release mode with one set of flags, so the test build reuses the paper build.

SWIFT_FLAGS := -c release -Xswiftc -enable-testing
PIPELINE    := .build/release/pipeline
PROFILE     ?= default
JOBS        ?= $(shell nproc)
# Where the profile writes the paper (its `root` in pipeline.json).
PAPER_DIR   := $(if $(filter default,$(PROFILE)),paper,out/$(PROFILE)/paper)

.PHONY: paper test test-cluster smoke build deps status verify bench bench-peers bench-record cluster-venv clean

# The whole pipeline, then every link of the paper and its supplement resolved against
# the files on disk (dataset and index, JSON Pointer, SHA-256, pipeline.json key, anchors).
paper: build
	$(PIPELINE) run --profile $(PROFILE) --jobs $(JOBS)
	$(PIPELINE) check-paper --profile $(PROFILE) $(PAPER_DIR)/paper.html
	$(PIPELINE) check-paper --profile $(PROFILE) $(PAPER_DIR)/supplement.html

# Every test: the XCTest suite (its browser test of a built paper must run: chromium is a
# dependency), the committed paper.html in headless Chromium (no console errors, every
# internal link lands, nothing wider than the page; screenshot /tmp/paper-first-page.png),
# then the generated Snakemake workflow on a one-node Slurm cluster that the script starts
# and stops (it installs slurm-wlm and munge as root).
test: build
	PAPER_BROWSER_TEST=required swift test $(SWIFT_FLAGS) --disable-swift-testing
	scripts/paper/browser-check paper/paper.html
	scripts/cluster/test-workflow

# Only the Slurm workflow test (~2–3.5 min).
test-cluster: build
	scripts/cluster/test-workflow

smoke: build
	$(PIPELINE) run --profile smoke --jobs $(JOBS)

build: deps
	swift build $(SWIFT_FLAGS)

deps:
	@bash scripts/ensure-deps

status: build
	$(PIPELINE) status --profile $(PROFILE)

verify: build
	$(PIPELINE) verify --profile $(PROFILE)

bench: build
	.build/release/bench xor-ensemble --threads 1
	.build/release/bench xor-ensemble --threads 2
	.build/release/bench mlp-fullbatch --threads 1
	.build/release/bench fashion-ensemble --threads 2

# The peers of the benchmarks (JAX, numpy; README "Speed"), pinned, in .venv-bench/.
bench-peers:
	@bash bench/peers/setup

# The benchmark records that the E4 and E5 sections print (README "Speed"): ours beside
# JAX and numpy (bench/suites/fashion-ensemble.json) and beside JAX and PyTorch
# (bench/suites/spirals.json), in alternating runs. Measured inputs, committed like
# source data; `make paper` never measures. Creates the peers' venvs when missing.
BENCH_RUNS ?= 5
bench-record:
	@[ -x .venv-bench/bin/python ] || bash bench/peers/setup
	@[ -x .venv-spirals/bin/python ] || sh bench/peers/setup-spirals
	swift build $(SWIFT_FLAGS) --product bench
	.build/release/bench compare bench/suites/fashion-ensemble.json --runs $(BENCH_RUNS) --output bench/results/fashion-ensemble.json
	.build/release/bench compare bench/suites/spirals.json --runs $(BENCH_RUNS) --output bench/results/spirals.json

# Snakemake, its Slurm executor and the RO-Crate validators, pinned, in .venv-workflow/.
cluster-venv:
	@bash scripts/cluster/venv >/dev/null

clean:
	rm -rf .build out .pipeline-cache
