#!/bin/sh
# Runs every unit test binary and the end-to-end CLI tests, adds up their
# "N passed, N failed" lines, and prints one closing line of the same form.
# usage: tests/run.sh BUILD_DIR TEST_BINARY...
build=$1; shift
total_pass=0; total_fail=0
for t in "$@" "tests/e2e.sh" "tests/store.sh" "tests/browser/explorer.mjs"; do
    case "$t" in
        *.sh) out=$(sh "$t" "$build/dyad" 2>&1) ;;
        *.mjs) out=$(node "$t" "$build/dyad" "$build/browser" 2>&1) ;;
        *) out=$("$t" 2>&1) ;;
    esac
    rc=$?
    line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -n 1)
    if [ -z "$line" ]; then
        printf '%s\n' "$out"
        echo "$t: crashed or printed no result (exit $rc)"
        total_fail=$((total_fail + 1))
        continue
    fi
    p=${line%% passed*}; f=${line#*, }; f=${f%% failed*}
    [ "$f" != 0 ] || [ "$rc" != 0 ] && printf '%s\n' "$out" | grep -v -E '^[0-9]+ passed' 
    [ "$rc" != 0 ] && [ "$f" = 0 ] && f=1
    printf '  %-40s %s\n' "$(basename "$t")" "$line"
    total_pass=$((total_pass + p)); total_fail=$((total_fail + f))
done
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" = 0 ]
