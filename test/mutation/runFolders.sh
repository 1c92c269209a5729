#!/usr/bin/env bash
# Runs Stryker over domain/ one folder at a time (the machine has 2 cores), one log and one
# JSON report per folder: /tmp/stryker-<folder>.log and .stryker/<folder>.json.
# Usage: test/mutation/runFolders.sh audit shared …   (CONCURRENCY=2 to use both cores;
# STRYKER_ARGS="--ignoreStatic" skips module-level mutants, which rerun the whole unit suite each)
set -u
cd "$(dirname "$0")/../.."
for folder in "$@"; do
  echo "=== $folder $(date -u +%H:%M:%S)"
  STRYKER_REPORT="$folder" npx stryker run test/mutation/stryker.config.mjs \
    --mutate "domain/$folder/**/*.ts,!domain/plan/examplePlan.ts,!domain/assessment/catalogs/**" \
    --concurrency "${CONCURRENCY:-1}" --reporters clear-text,json,progress-append-only ${STRYKER_ARGS:-} \
    > "/tmp/stryker-$folder.log" 2>&1
  echo "=== $folder done rc=$? $(date -u +%H:%M:%S)"
done
