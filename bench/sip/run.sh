#!/usr/bin/env bash
# SIP screening under sipp load on loopback, against a baseline measured in the same run.
#
#   bench/sip/run.sh [RATE] [SECONDS] [SUBSCRIBERS]      defaults: 1000 calls/s, 30 s, 10000
#
# 1. baseline: sipp UAC -> sipp UAS directly (the cost of SIP itself on this machine)
# 2. dunshield: sipp UAC -> ./dunshield sip -> sipp UAS, same calls, same rate, after a warm-up at half rate
#    (WARM_SECONDS x RATE calls, default 30: one minute; the JIT needs it on a 2-vCPU box)
#    REFRESH (default 30): the service's --refresh, seconds an account's rules, contacts and settings are cached
#    PLAIN_JVM=1: start the service with `java -jar` and the JVM defaults instead of the launcher (its options for `sip`)
# Every call goes to one of SUBSCRIBERS accounts (own-number +86138xxxxxxxx, each with its own history,
# standard settings and every detector on) from a caller in a different number block; about 3 % of the
# callers are blocked by a user rule of their callee. Prints and writes bench/sip/results-<date>.txt:
# attempts, successful/failed calls, retransmissions, INVITE->final answer p50/p99/max for both runs,
# the service's own decision-latency histogram, and the CPU seconds each process used.
set -euo pipefail
rate="${1:-1000}"; seconds="${2:-30}"; subscribers="${3:-10000}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/bench/sip"
work="$(mktemp -d /tmp/dunshield-sip-bench.XXXXXX)"
calls=$((rate * seconds))
warm=$((rate * ${WARM_SECONDS:-30})) # calls at half the rate: a minute of JIT and caches by default
sip_port=25060; uas_port=25070; health_port=25080
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

[ "${DUNSHIELD_NO_BUILD:-}" = 1 ] || (cd "$root" && mvn -q -B -DskipTests -pl cli -am package) >&2
jar="$root/cli/target/dunshield-cli.jar"
data="$work/data"

# subscribers: owner 1 through the CLI (creates the store), the rest straight into the settings table
java -jar "$jar" --data "$data" --lang en settings set own-number +8613800000000 >/dev/null
sqlite3 "$data/dunshield.db" "WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < $subscribers)
  INSERT INTO settings (owner, name, value) SELECT i, 'own-number', '+86138' || printf('%08d', i - 1) FROM n;"

python3 - "$work" "$calls" "$warm" "$subscribers" <<'PY'
import random, sys
work, calls, warm, subs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(0x5EED)
prefixes = [str(p) for p in list(range(130, 140)) + [150, 151, 152, 153, 155, 156, 157, 158, 159] + list(range(180, 190))]
def caller(i):
    # a different number block (all but the last 3 digits) per call, so redial-by-block counts stay honest
    return "%s%05d%03d" % (rng.choice(prefixes), (i * 7919) % 100000, rng.randrange(1000))
def write(name, n, offset, callees):
    with open(f"{work}/{name}", "w") as f:
        f.write("SEQUENTIAL\n")
        for i in range(n):
            f.write("%s;138%08d;\n" % (caller(i + offset), callees(i)))
write("calls.csv", calls, 0, lambda i: rng.randrange(subs))
# the warm-up calls every subscriber once (in random order) before drawing at random, so the measured
# run sees a service that has run a while (every account's rules and detectors loaded); without it
# the first measured seconds pay for loading the accounts the warm-up missed (about a fifth)
every = list(range(subs)); rng.shuffle(every)
write("warm.csv", warm, calls, lambda i: every[i] if i < subs else rng.randrange(subs))
PY

# 3 % of the measured callers are blocked by a rule of their callee, written as the store writes rules
python3 - "$work" <<'PY'
import sqlite3, sys, random
work = sys.argv[1]
db = sqlite3.connect(f"{work}/data/dunshield.db")
cols = [r[1] for r in db.execute("PRAGMA table_info(rules)")]
rng = random.Random(7)
lines = open(f"{work}/calls.csv").read().split("\n")[1:]
n = 0
for line in lines:
    if line and rng.random() < 0.03:
        c, callee, _ = line.split(";")
        owner = int(callee[3:]) + 1
        row = {"owner": owner, "action": "block", "kind": "exact", "pattern": "+86" + c, "channel": "both",
               "priority": 0, "label": "bench", "schedule": None}
        use = [k for k in row if k in cols]
        db.execute(f"INSERT INTO rules ({','.join(use)}) VALUES ({','.join('?' * len(use))})", [row[k] for k in use])
        n += 1
db.commit()
print(f"{n} block rules", file=sys.stderr)
PY

cpu() { awk '{print ($14 + $15) / 100}' "/proc/$1/stat"; }

uac() { # name target csv count [rate]
  local rc=0
  (cd "$work" && exec sipp "127.0.0.1:$2" -sf "$here/uac.xml" -inf "$work/$3" -i 127.0.0.1 -m "$4" -r "${5:-$rate}" \
      -l 20000 -timeout $((seconds + 60))s -timeout_error -nostdin -trace_rtt -rtt_freq 100 -trace_stat \
      -stf "$work/$1-stat.csv" -trace_err -error_file "$work/$1-errors.log" >"$work/$1.out" 2>&1) || rc=$?
  echo "$rc" >"$work/$1.rc"
  cat "$work"/uac_*_rtt.csv >"$work/$1-rtt.csv"
  rm -f "$work"/uac_*_rtt.csv
}

(cd "$work" && sipp -sf "$here/uas.xml" -i 127.0.0.1 -p "$uas_port" -nostdin >"$work/uas.out" 2>&1) &
pids+=($!)
sleep 1
uas_pid="$(pgrep -n -f "sipp -sf $here/uas.xml")"
pids+=("$uas_pid")

echo "baseline: $calls calls at $rate/s straight to the UAS" >&2
uas_cpu0="$(cpu "$uas_pid")"
uac baseline "$uas_port" calls.csv "$calls"
uas_cpu_base="$(echo "$(cpu "$uas_pid") - $uas_cpu0" | bc)"

# the service as users start it: the launcher, with its JVM options for `sip` (PLAIN_JVM=1: java -jar
# with the JVM's defaults, for comparisons); JAVA_OPTS come after either
if [ "${PLAIN_JVM:-}" = 1 ]; then launch=(java ${JAVA_OPTS:-} -jar "$jar"); else launch=(env DUNSHIELD_NO_REBUILD=1 "$root/dunshield"); fi
"${launch[@]}" --data "$data" --lang en sip --listen "127.0.0.1:$sip_port" --forward "127.0.0.1:$uas_port" \
    --health "127.0.0.1:$health_port" --refresh "${REFRESH:-30}" >"$work/dunshield.out" 2>&1 &
pids+=($!)
java_pid=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$health_port/health" >/dev/null && break; sleep 0.5; done

echo "warm-up: $warm calls through Dunshield at $((rate / 2))/s (JIT, caches)" >&2
uac warm "$sip_port" warm.csv "$warm" $((rate / 2))
curl -sf "http://127.0.0.1:$health_port/metrics" >"$work/metrics-warm.txt"
sleep "${SETTLE:-35}" # let the warm-up's transactions end (timer J) before measuring

echo "dunshield: $calls calls at $rate/s through the screening service" >&2
java_cpu0="$(cpu "$java_pid")"; uas_cpu0="$(cpu "$uas_pid")"
uac dunshield "$sip_port" calls.csv "$calls"
java_cpu="$(echo "$(cpu "$java_pid") - $java_cpu0" | bc)"
uas_cpu_dun="$(echo "$(cpu "$uas_pid") - $uas_cpu0" | bc)"
curl -sf "http://127.0.0.1:$health_port/metrics" >"$work/metrics.txt"

python3 - "$work" "$rate" "$seconds" "$subscribers" "$java_cpu" "$uas_cpu_base" "$uas_cpu_dun" <<'PY' | tee "$here/results-$(date -u +%Y%m%dT%H%M%SZ).txt"
import sys, csv, os, re
work, rate, seconds, subs, java_cpu, uas_base, uas_dun = sys.argv[1:8]
def stat(name):
    rows = list(csv.reader(open(f"{work}/{name}-stat.csv"), delimiter=";"))
    head, last = rows[0], rows[-1]
    get = lambda k: last[head.index(k)] if k in head else "?"
    return {k: get(k) for k in ["TotalCallCreated", "SuccessfulCall(C)", "FailedCall(C)", "Retransmissions(C)",
                                "FailedMaxUDPRetrans(C)", "FailedUnexpectedMessage(C)", "FailedCallRejected(C)",
                                "OutOfCallMsgs(C)", "DeadCallMsgs(C)", "ElapsedTime(C)", "CallRate(C)"]}
def rtts(name):
    out = []
    for row in csv.reader(open(f"{work}/{name}-rtt.csv"), delimiter=";"):
        try:
            out.append(float(row[1]))
        except (ValueError, IndexError):
            pass
    return sorted(out)
def pct(v, p):
    return v[min(len(v) - 1, int(p / 100 * len(v)))] if v else float("nan")
print(f"SIP screening bench: {rate} calls/s for {seconds} s, {subs} subscribers, loopback, "
      f"{os.cpu_count()} vCPU ({open('/proc/cpuinfo').read().split('model name')[1].split(':')[1].splitlines()[0].strip()})")
print(f"load average at the end: {open('/proc/loadavg').read().split()[:3]}")
for name in ["baseline", "dunshield"]:
    s, r = stat(name), rtts(name)
    rc = open(f"{work}/{name}.rc").read().strip()
    print(f"\n[{name}] sipp exit {rc}; " + ", ".join(f"{k}={v}" for k, v in s.items()))
    print(f"[{name}] INVITE -> final answer: n={len(r)} p50={pct(r,50):.3f} ms p90={pct(r,90):.3f} ms "
          f"p99={pct(r,99):.3f} ms p99.9={pct(r,99.9):.3f} ms max={r[-1] if r else float('nan'):.3f} ms")
b, d = rtts("baseline"), rtts("dunshield")
print(f"\nadded by Dunshield: p50 {pct(d,50)-pct(b,50):+.3f} ms, p99 {pct(d,99)-pct(b,99):+.3f} ms")
m = open(f"{work}/metrics.txt").read()
w = open(f"{work}/metrics-warm.txt").read()
def metric(text, name):
    return {k: float(v) for k, v in re.findall(rf'^{re.escape(name)}(\S*) (\S+)$', text, re.M)}
cur = metric(m, "dunshield_sip_decision_seconds_bucket"); old = metric(w, "dunshield_sip_decision_seconds_bucket")
count = metric(m, "dunshield_sip_decision_seconds_count")[""] - metric(w, "dunshield_sip_decision_seconds_count")[""]
print(f"\nservice decision latency (INVITE in -> verdict, queue wait included; the history write follows the answer), measured run only: {count:.0f} decisions")
for k in cur:
    n = cur[k] - old.get(k, 0)
    print(f"  {k:>16} {n:8.0f}  {100 * n / count if count else 0:6.2f} %")
dec = metric(m, "dunshield_sip_decisions_total"); decw = metric(w, "dunshield_sip_decisions_total")
print("decisions: " + ", ".join(f"{k} {dec[k] - decw.get(k, 0):.0f}" for k in dec))
print(f"failures inside the service: {metric(m, 'dunshield_sip_failures_total')['']:.0f}")
print(f"\nCPU seconds: Dunshield JVM {float(java_cpu):.1f} s for {count:.0f} calls "
      f"({count / float(java_cpu) if float(java_cpu) else 0:.0f} calls per CPU-second); "
      f"UAS {float(uas_base):.1f} s (baseline) / {float(uas_dun):.1f} s (through Dunshield)")
PY
echo "work directory: $work" >&2
