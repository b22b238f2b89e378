#!/usr/bin/env bash
# Ratios of cpt4j to eager PyTorch on this machine, measured in alternating rounds (docs/performance.md): each round
# runs `./cpt4j bench --json`, then step.py's GRPO, SDPO and large training steps, and prints cpt4j / PyTorch for the
# three. A shared machine's speed can change two-fold within minutes, so only ratios of neighbouring runs mean
# anything; the last line is the median of each ratio over the rounds. Not part of the build.
#   docs/pytorch/compare.sh [rounds]       (default 3; about 4 minutes a round on 2 cores)
# Needs Debian's python3-torch and libopenblas0-pthread. Both sides run 1 thread on the launcher's BLAS kernels.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROUNDS="${1:-3}"
PYTHON=/usr/bin/python3
if [[ -z "${OPENBLAS_CORETYPE+set}" ]]; then
  if grep -qw avx512bw /proc/cpuinfo; then export OPENBLAS_CORETYPE=SkylakeX; else export OPENBLAS_CORETYPE=Haswell; fi
fi
export CPT4J_THREADS=1
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

for round in $(seq 1 "$ROUNDS"); do
  "$ROOT/cpt4j" bench --json 2>/dev/null > "$WORK/bench.json"
  "$PYTHON" "$ROOT/docs/pytorch/step.py" grpo 1 > "$WORK/grpo.txt"
  "$PYTHON" "$ROOT/docs/pytorch/step.py" sdpo 1 > "$WORK/sdpo.txt"
  "$PYTHON" "$ROOT/docs/pytorch/step.py" train 1 > "$WORK/train.txt"
  "$PYTHON" - "$WORK" "$round" <<'EOF' | tee -a "$WORK/rounds.txt"
import json, re, sys
work, round_ = sys.argv[1], sys.argv[2]
bench = json.load(open(work + "/bench.json"))
steps = {(s["model"], s["objective"]): s for s in bench["rl"]}
def torch_total(name):
    return float(re.search(r"total ([0-9.]+) ms", open(work + "/" + name + ".txt").read()).group(1))
train = float(re.search(r": ([0-9.]+) ms", open(work + "/train.txt").read()).group(1))
grpo, sdpo = steps[("2x64x4", "grpo")]["total_ms"], steps[("2x64x4", "sdpo")]["total_ms"]
large = bench["large"]["train_step_ms"]
print("round %s: grpo %.1f/%.1f = %.2f  sdpo %.1f/%.1f = %.2f  large train %.1f/%.1f = %.2f" % (
    round_, grpo, torch_total("grpo"), grpo / torch_total("grpo"), sdpo, torch_total("sdpo"),
    sdpo / torch_total("sdpo"), large, train, large / train))
EOF
done
"$PYTHON" - "$WORK/rounds.txt" <<'EOF'
import re, statistics, sys
rows = [list(map(float, re.findall(r"= ([0-9.]+)", line))) for line in open(sys.argv[1])]
print("median ratio over %d rounds: grpo %.2f  sdpo %.2f  large train %.2f" % (
    (len(rows),) + tuple(statistics.median(r[i] for r in rows) for i in range(3))))
EOF
