#!/usr/bin/env bash
# Re-measures every figure of benchmarks/README.md into benchmarks/results/ (about 15 minutes on 2 cores).
# Run from the repository root after `mvn -B verify`. Loopback only; every run is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=benchmarks/target/benchmarks.jar
out=benchmarks/results
drivers="java -cp $jar dev.tokenkeeper.benchmarks.Drivers"
mkdir -p "$out"

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc: $(nproc)"
  echo "memory: $(free -h | awk '/^Mem:/ {print $2}')"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "jdk: $(java -version 2>&1 | head -n 2 | tail -n 1)"
  echo "uptime before: $(uptime)"
} > "$out/machine.txt"

# 1. Hot path (JMH, -prof gc), then the table and the chart from its JSON.
java -jar $jar 'HotPathT|ClockCost' -prof gc -rf json -rff "$out/hotpath.json" | tee "$out/hotpath.log"
echo "uptime after hot path: $(uptime)" >> "$out/machine.txt"
$drivers chart "$out/hotpath.json" "$out/hotpath.png" \
  "$(nproc) cores, $(java -version 2>&1 | head -n 1 | tr -d \"), JMH 1.37, avgt, 2 forks x 5 x 1 s after 5 x 1 s warm-up, -prof gc" > "$out/hotpath.md"

# 2. End to end on loopback, 3. refresh under load, 4. login storm.
$drivers loopback --json="$out/loopback.json" | tee "$out/loopback.txt"
echo "uptime after loopback: $(uptime)" >> "$out/machine.txt"
$drivers refresh --json="$out/refresh.json" | tee "$out/refresh.txt"
echo "uptime after refresh: $(uptime)" >> "$out/machine.txt"
$drivers storm --json="$out/storm.json" | tee "$out/storm.txt"
echo "uptime after storm: $(uptime)" >> "$out/machine.txt"
