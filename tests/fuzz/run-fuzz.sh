#!/bin/sh
# run-fuzz.sh FUZZER SEED_CORPUS WORK_DIR SECONDS
#
# A bounded libFuzzer run for `meson test --suite fuzz`: new inputs go to WORK_DIR in
# the build tree, never into the seed corpus kept in the repository.
set -eu

fuzzer=$1
seeds=$2
work=$3
seconds=$4

mkdir -p "$work/corpus" "$work/artifacts"
exec "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix="$work/artifacts/" "$work/corpus" "$seeds"
