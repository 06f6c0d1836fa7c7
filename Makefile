# The two set-up commands: `make demo` and `make test`. Both install what is
# missing (scripts/install-deps.sh), configure and build first.
BUILD ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all deps configure build test demo bench format sanitize fuzz clean

all: build

deps:
	@bash scripts/install-deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)

configure: deps $(BUILD)/CMakeCache.txt

build: configure
	cmake --build $(BUILD) -j $(JOBS)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) --timeout 600

demo: build
	$(BUILD)/parallax compare samples/harbour-fire/*.md

bench: deps
	cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DPARALLAX_BUILD_TESTS=OFF
	cmake --build build-release -j $(JOBS)
	@for b in build-release/*_bench; do echo "== $$b"; $$b; done

sanitize: deps
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DPARALLAX_SANITIZE=ON
	cmake --build build-asan -j $(JOBS)
	cd build-asan && ctest --output-on-failure -j $(JOBS)

# libFuzzer on the HTML extractor for a short fixed time (ctest label `fuzz`).
fuzz: deps
	CC=clang CXX=clang++ cmake -S . -B build-fuzz -DPARALLAX_FUZZ=ON -DPARALLAX_BUILD_BENCH=OFF
	cmake --build build-fuzz -j $(JOBS) --target extract_fuzz
	cd build-fuzz && ctest -L fuzz --output-on-failure

format:
	clang-format -i $$(git ls-files '*.h' '*.cc')

clean:
	rm -rf $(BUILD) build-release build-asan build-fuzz
