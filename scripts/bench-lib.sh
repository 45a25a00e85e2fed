# Shared by scripts/bench-*: start `hyok serve` variants on free ports and compare their Encrypt throughput over
# HTTPS in alternating rounds (so both see the same noise). Source it after setting root, data, duration, concurrency.
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT
# One log line per request costs throughput; every server logs warnings only, so the comparison is of what differs.
export Logging__LogLevel__Default=Warning Hyok__Server__Listen__0=127.0.0.1:0
# HYOK_BENCH_SERVER_CPUS / HYOK_BENCH_CLIENT_CPUS (taskset lists, e.g. 1 and 0): run the servers and the load generator on
# CPUs of their own, as a client on another machine would be (docs/performance.md "Splitting the CPUs").
server_cpus=(); [ -z "${HYOK_BENCH_SERVER_CPUS:-}" ] || server_cpus=(taskset -c "$HYOK_BENCH_SERVER_CPUS")
client_cpus=(); [ -z "${HYOK_BENCH_CLIENT_CPUS:-}" ] || client_cpus=(taskset -c "$HYOK_BENCH_CLIENT_CPUS")

serve() { # $1 = name, rest = hyok serve arguments (prefix with VAR=value to vary settings); sets $port
  # Not in $(...): the server's pid must reach the cleanup's list in this shell.
  local name=$1; shift
  "${server_cpus[@]}" env "$@" > "$data/$name.log" 2>&1 & pids+=($!)
  wait_for_port "$name" 's#^Hyok XKS proxy is listening on https://127.0.0.1:\([0-9]*\).*#\1#p'
}

serve_baseline() { # the bare Kestrel endpoint (benchmarks/Hyok.Baseline, built to $data/baseline) on the embedded
  # default's certificate; sets $port
  dotnet build "$root/benchmarks/Hyok.Baseline/Hyok.Baseline.csproj" -c Release -o "$data/baseline" --nologo -v quiet -clp:ErrorsOnly >&2
  "${server_cpus[@]}" dotnet "$data/baseline/Hyok.Baseline.dll" "$data/tls/server.crt" "$data/tls/server.key" 0 > "$data/kestrel.log" 2>&1 & pids+=($!)
  wait_for_port kestrel 's#^Hyok baseline is listening on https://127.0.0.1:\([0-9]*\).*#\1#p'
}

wait_for_port() { # $1 = name (its log is $data/NAME.log), $2 = sed script printing the port from that log; sets $port
  for _ in $(seq 300); do
    port=$(sed -n "$2" "$data/$1.log" | head -1)
    [ -n "$port" ] && return; sleep 0.1
  done
  echo "bench: $1 did not start:" >&2; cat "$data/$1.log" >&2; exit 1
}

bench() { # $1 = port, $2 = key id; prints one JSON line. With $HYOK_BENCH_RATE set: open loop at that rate instead.
  # Each round is a new `hyok bench` process, which compiles its own hot code during its first seconds: the
  # --warmup (HYOK_BENCH_ROUND_WARMUP, 10 s) keeps that out of the measured time.
  "${client_cpus[@]}" "$root/hyok" bench --url "https://localhost:$1/keystores/default/kms/xks/v1" --access-key-id "$akid" \
    --secret-file "$data/credentials/default.secret" --cacert "$data/tls/server.crt" --key-id "$2" \
    --duration "$duration" --warmup "${HYOK_BENCH_ROUND_WARMUP:-10}" --concurrency "$concurrency" \
    ${HYOK_BENCH_RATE:+--rate "$HYOK_BENCH_RATE"} --json \
    || [ $? = 1 ] # exit 1: an SLO verdict FAIL (open loop); the JSON line is printed all the same
}

warm() { # $@ = PORT or PORT:KEY_ID (default demo-key): the same closed loop for $HYOK_BENCH_WARMUP seconds (20) each,
  # not measured. A fresh server spends its first tens of seconds under load compiling its hot code again at full
  # optimization (.NET tiered compilation took ~25 % of the CPU 4-12 s after start), which a round's --warmup misses.
  local target
  for target in "$@"; do
    "${client_cpus[@]}" "$root/hyok" bench --url "https://localhost:${target%%:*}/keystores/default/kms/xks/v1" --access-key-id "$akid" \
      --secret-file "$data/credentials/default.secret" --cacert "$data/tls/server.crt" \
      --key-id "$([[ $target == *:* ]] && echo "${target#*:}" || echo demo-key)" \
      --duration "${HYOK_BENCH_WARMUP:-20}" --warmup 0 --concurrency "$concurrency" --json >/dev/null || true
  done
}

header() { echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), duration ${duration}s, concurrency $concurrency${HYOK_BENCH_SERVER_CPUS:+, servers on CPUs $HYOK_BENCH_SERVER_CPUS}${HYOK_BENCH_CLIENT_CPUS:+, generator on CPUs $HYOK_BENCH_CLIENT_CPUS}"; }

throughput() { sed -n 's/.*"throughput":\([0-9.]*\).*/\1/p' <<<"$1"; }

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # user + system CPU time of a process, in clock ticks

bench_with_cpu() { # $1 = port, $2 = key id, $3 = server pid: one round like bench; sets $line (its JSON) and $cpu, the
  # server's CPU microseconds per answered request over the measured seconds (from 1 s after the round's warm-up to
  # 1 s before its end). At a fixed rate (HYOK_BENCH_RATE) this is steadier than throughput: a setting that saves
  # work shows below saturation too.
  local out="$data/round-cpu.json" s0 s1 window=$((duration - 2))
  bench "$1" "$2" > "$out" & local bench_pid=$!
  sleep "$((${HYOK_BENCH_ROUND_WARMUP:-10} + 1))"; s0=$(ticks "$3")
  sleep "$window"; s1=$(ticks "$3")
  wait "$bench_pid"; line=$(cat "$out")
  cpu=$(awk -v s=$((s1 - s0)) -v hz="$(getconf CLK_TCK)" -v w="$window" -v tp="$(throughput "$line")" \
    'BEGIN { printf "%.1f", (tp > 0 ? s / hz / w / tp * 1e6 : 0) }')
}

latency() { # $1 = JSON line, $2 = percentile name (p50, p99, ...): milliseconds
  sed -n "s/.*\"latencyMs\":{[^}]*\"$2\":\([0-9.]*\).*/\1/p" <<<"$1"; }

compare() { # $1 = name A, $2 = name B, $3 = A's throughputs, $4 = B's throughputs (space separated)
  awk -v na="$1" -v nb="$2" -v s="$3" -v h="$4" 'BEGIN {
    n = split(s, a, " "); split(h, b, " "); for (i = 1; i <= n; i++) { ta += a[i]; tb += b[i]; r = r sprintf(" %.2f", b[i] / a[i]) }
    printf "%s %.0f req/s, %s %.0f req/s, ratio %s/%s %.3f (rounds:%s)\n", na, ta / n, nb, tb / n, nb, na, tb / ta, r }'
}
