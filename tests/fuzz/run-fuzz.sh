#!/bin/sh
# run-fuzz.sh FUZZER WORK_DIR SECONDS SEED_DIR...
#
# A bounded libFuzzer run for `meson test --suite fuzz`: new inputs go to WORK_DIR in
# the build tree, never into the seed corpora kept in the repository. libFuzzer reads
# each seed directory recursively, so tests/data brings tests/data/pages along.
set -eu

fuzzer=$1
work=$2
seconds=$3
shift 3

mkdir -p "$work/corpus" "$work/artifacts"
exec "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix="$work/artifacts/" "$work/corpus" "$@"
