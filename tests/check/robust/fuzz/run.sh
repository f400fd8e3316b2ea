#!/usr/bin/env bash
# Builds the libFuzzer targets from the real module sources and runs each for FUZZ_SECONDS
# (default 60) over its committed seed corpus. A crash leaves its input in $OUT/artifacts.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
OUT=${OUT:-/tmp/tabel-fuzz}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
mkdir -p "$OUT/artifacts"
# Swift's own crash handler gets in the way of libFuzzer's report of a trap.
export SWIFT_BACKTRACE=enable=no
http=(Request Response FormDecoding Multipart Router)
declare -A sources=(
  [csv]="$root/Sources/Domain/*.swift $root/Sources/Setup/CSV/CSVReader.swift"
  [form]="${http[*]/#/$root/Sources/HTTP/}"
  [multipart]="${http[*]/#/$root/Sources/HTTP/}"
  [router]="${http[*]/#/$root/Sources/HTTP/}"
)
# The router target matches against the app's own routes, as declared in Sources.
{
  echo "let routeTable: [(Method, String)] = ["
  grep -rhoE 'AppRoute\(\.(get|post|put|delete), *"/[^"]*"' "$root/Sources" | sed -E 's/AppRoute\(//' | sort -u | sed 's/$/),/; s/^/    (/'
  echo "]"
} > "$OUT/routes.swift"
targets=${*:-csv form multipart router}
for t in $targets; do
  files=${sources[$t]}
  [[ $t != csv ]] && files=$(for f in $files; do echo "$f.swift"; done)
  echo "== fuzz $t: building"
  # shellcheck disable=SC2086
  swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name Fuzz$t \
    $files "$here/$t.swift" $([[ $t == router ]] && echo "$OUT/routes.swift") -o "$OUT/fuzz-$t" 2>&1 | { grep -v "Cannot export local symbol" || true; }
  [[ ${PIPESTATUS[0]} -eq 0 ]] || { echo "fuzz $t: the build failed"; exit 1; }
  mkdir -p "$OUT/corpus-$t"
  echo "== fuzz $t: ${FUZZ_SECONDS}s"
  status=0
  "$OUT/fuzz-$t" -max_total_time="$FUZZ_SECONDS" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$OUT/artifacts/$t-" "$OUT/corpus-$t" "$here/corpus/$t" \
    >"$OUT/fuzz-$t.log" 2>&1 || status=$?
  grep -E "stat::number_of_executed_units|SUMMARY|Fatal error|ERROR:|Test unit written" "$OUT/fuzz-$t.log" || true
  if [[ $status -ne 0 ]]; then
    grep -E "Fatal error|ERROR:|/Sources/|/tests/check/" "$OUT/fuzz-$t.log" | head -20 || tail -40 "$OUT/fuzz-$t.log"
    echo "fuzz $t: FAILED (exit $status); the input is in $OUT/artifacts/, the log in $OUT/fuzz-$t.log"
    exit 1
  fi
done
