# Vigie: the two commands that matter are `make demo` and `make test` (see README.md).
.PHONY: demo test build deps test-sanitizers bench format clean

DEMO_DIR ?= var/demo
DEMO_LISTEN ?= 127.0.0.1:8080
# The Node.js that scripts/install-deps.sh puts there when the system's is too old (Debian 12).
export PATH := $(CURDIR)/.tools/node/bin:$(PATH)

demo: ## Install what is missing, build, and run Vigie with demo data on http://127.0.0.1:8080
	scripts/install-deps.sh build
	scripts/build.sh build
	build/vigie serve --demo --listen $(DEMO_LISTEN) --data-dir $(DEMO_DIR)

test: ## Install what is missing, build, and run every test suite
	scripts/test.sh

build: ## Build build/vigie, the unit tests and the web bundle (web/dist)
	scripts/install-deps.sh build
	scripts/build.sh build

deps:
	scripts/install-deps.sh test

test-sanitizers: ## The C++ tests under AddressSanitizer and UndefinedBehaviorSanitizer
	scripts/test-sanitizers.sh

bench: ## Benchmarks against nginx serving the same bytes; writes docs/PERFORMANCE.md
	scripts/install-deps.sh bench
	scripts/build.sh build
	bench/run.sh

format:
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp')

clean:
	rm -rf build build-asan web/dist
