# The two commands of the README: `make run` and `make test`. Both install what is missing,
# configure and build incrementally first.
BUILD ?= build
JOBS ?= $(shell nproc)
DB ?= demo/buyalign.db
PORT ?= 8080
BUYALIGN := $(BUILD)/src/cli/buyalign

.PHONY: all deps test-deps configure build web run test test-cpp test-web bench fuzz format clean

all: build

deps:
	@scripts/install-deps

test-deps:
	@scripts/install-deps --test

# ccache, when the machine has it, makes rebuilds in fresh checkouts cheap; it is optional.
CCACHE := $(shell command -v ccache 2>/dev/null)

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  $(if $(CCACHE),-DCMAKE_CXX_COMPILER_LAUNCHER=$(CCACHE))

configure: $(BUILD)/CMakeCache.txt

build: deps configure
	cmake --build $(BUILD) -j$(JOBS)
	@$(MAKE) --no-print-directory web

# The web interface: npm ci only when the lock file changed since the last install.
web:
	@if [ -f web/package.json ]; then \
	  if [ ! -d web/node_modules ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then \
	    (cd web && npm ci --no-audit --no-fund); fi; \
	  (cd web && npm run --silent build); fi

run: build
	@mkdir -p $(dir $(DB))
	@if [ ! -f $(DB) ]; then $(BUYALIGN) demo --db $(DB); else $(BUYALIGN) demo --print-logins; fi
	@echo "Buyalign: open http://127.0.0.1:$(PORT)"
	$(BUYALIGN) serve --db $(DB) --port $(PORT) --web-root web/dist

test: test-deps build test-cpp test-web

test-cpp:
	cd $(BUILD) && ctest --output-on-failure -j2 --timeout 600

test-web:
	@if [ -f web/package.json ]; then cd web && npm test --silent; fi
	@if [ -f web/e2e/run.sh ]; then web/e2e/run.sh $(BUYALIGN); fi

bench: test-deps build
	scripts/bench $(BUILD)

format:
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'bench/*.cpp')

clean:
	rm -rf $(BUILD) web/dist
