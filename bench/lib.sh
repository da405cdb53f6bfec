# shellcheck shell=bash
# Shared by bench/run-seeds and bench/run (sourced, not executed).
# Every solver is run as a whole process, one at a time, single-threaded; each
# ow_bench_* function prints one line of space-separated fields so the callers stay
# simple.

OW_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OW_BUILD=${OW_BUILD:-$OW_ROOT/build-bench}
OW_BIN=$OW_BUILD/orgwork
OW_HIGHS_DIR=$OW_BUILD/highs

# Release build in its own directory, so a benchmark never times a debug binary or
# disturbs anyone else's build tree.
# shellcheck disable=SC2120 # callers may add targets
ow_bench_build() {
    cmake -S "$OW_ROOT" -B "$OW_BUILD" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
    cmake --build "$OW_BUILD" -j2 --target orgwork "$@" >/dev/null
}

ow_bench_require() {
    local t missing=()
    for t in "$@"; do
        command -v "$t" >/dev/null 2>&1 || missing+=("$t")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "missing: ${missing[*]} (run .ci/setup --bench)" >&2
        return 1
    fi
}

# "median min max" in milliseconds of a hyperfine JSON export.
ow_bench_stats() {
    jq -r '.results[0].times | sort
           | [.[(length - 1) / 2 | floor], .[0], .[-1]]
           | map(. * 1000 | tostring) | join(" ")' "$1" |
        awk '{ printf "%.1f %.1f %.1f\n", $1, $2, $3 }'
}

# Peak resident set size in MiB (the largest of 3 runs) of a command.
ow_bench_rss() {
    local kib max=0 tf
    tf=$(mktemp)
    for _ in 1 2 3; do
        /usr/bin/time -o "$tf" -f "%M" "$@" >/dev/null 2>&1 || true
        kib=$(tail -1 "$tf")
        [ "$kib" -gt "$max" ] && max=$kib
    done
    rm -f "$tf"
    awk -v k="$max" 'BEGIN { printf "%.1f\n", k / 1024 }'
}

# Times a command with hyperfine: ow_bench_time RUNS JSON_OUT CMD ARGS...
ow_bench_time() {
    local runs=$1 json=$2
    shift 2
    hyperfine -N -i --style none --warmup 1 --runs "$runs" --export-json "$json" \
        -- "$(printf '%q ' "$@")" >/dev/null 2>&1
    ow_bench_stats "$json"
}

# The reported objective from the program's optimum: floor(optimum / scale).  The
# optimum is rounded to an integer first (all costs are integers) so that a solver's
# 55070117.9999 does not lose a unit.
ow_bench_unscale() {
    awk -v o="$1" -v s="$2" 'BEGIN {
        if (o == "-" || o == "") { print "-"; exit }
        r = (o < 0) ? -int(-o + 0.5) : int(o + 0.5)
        q = int(r / s); if (q * s > r) q--; print q }'
}

# Solvers: ow_bench_X_cmd prints the command line for an MPS file and a time limit
# in seconds (paths without spaces), ow_bench_X_parse reads its output, and ow_bench_X
# runs it; each prints "status optimum bound gap".  Status is optimal, feasible (limit hit with a solution),
# timelimit (limit hit, none), infeasible or error.

# Wall-clock limit (-timeMode elapsed), like the others: CBC counts CPU seconds by
# default, which a busy machine stretches far past the limit in wall time.
ow_bench_cbc_cmd() {
    echo cbc -import "$1" -threads 1 -timeMode elapsed -sec "$2" -ratioGap 0 -solve -quit
}

# CBC's log on standard input.
ow_bench_cbc_parse() {
    awk '
        /^Result - Optimal/          { st = "optimal" }
        /^Result - Stopped on time/  { st = "limit" }
        /^Result - Problem proven infeasible/ { st = "infeasible" }
        /^Objective value:/          { obj = $3 }
        /^Lower bound:/              { bnd = $3 }
        /^Gap:/                      { gap = $2 }
        END {
            if (st == "") st = "error"
            if (st == "limit") st = (obj == "" ? "timelimit" : "feasible")
            if (st == "optimal") { bnd = obj; gap = 0 }
            printf "%s %s %s %s\n", st, (obj == "" ? "-" : obj), (bnd == "" ? "-" : bnd), (gap == "" ? "-" : gap)
        }'
}

ow_bench_cbc() {
    local cmd
    read -ra cmd < <(ow_bench_cbc_cmd "$1" "$2")
    "${cmd[@]}" 2>&1 | ow_bench_cbc_parse
}

# glpsol with the settings orgwork gives GLPK (presolver on, all cuts, gap 0), so the
# difference to orgwork is what orgwork does around the solver.  $3: the solution file.
ow_bench_glpsol_cmd() {
    echo glpsol --freemps "$1" --cuts --mipgap 0 --tmlim "$2" -o "$3"
}

# ow_bench_glpsol_parse SOLUTION_FILE LOG_FILE
ow_bench_glpsol_parse() {
    awk -v logf="$2" '
        /^Status:/    { s = $0 }
        /^Objective:/ { obj = $4 }
        END {
            if (s ~ /INTEGER OPTIMAL/) st = "optimal"
            else if (s ~ /EMPTY|INFEASIBLE \(FINAL\)/) st = "infeasible"
            else if (s ~ /NON-OPTIMAL/) st = "feasible"
            else if (s ~ /UNDEFINED/) st = "timelimit"
            else st = "error"
            if (st == "infeasible" || st == "timelimit") obj = "-"
            bnd = "-"; gap = "-"
            while ((getline line < logf) > 0)
                if (line ~ /^[+*] .*mip =/) last = line
            if (st == "optimal") { bnd = obj; gap = 0 }
            else if (last != "") {
                n = split(last, f, /[ \t]+/)
                for (i = 1; i <= n; i++) if (f[i] == ">=") { bnd = f[i + 1]; break }
                for (i = 1; i <= n; i++) if (f[i] ~ /%$/) { g = f[i]; sub(/%/, "", g); gap = g / 100 }
            }
            if (obj == "") obj = "-"
            printf "%s %s %s %s\n", st, obj, bnd, gap
        }' "$1" 2>/dev/null || echo "error - - -"
}

ow_bench_glpsol() {
    local sol log cmd
    sol=$(mktemp) log=$(mktemp)
    read -ra cmd < <(ow_bench_glpsol_cmd "$1" "$2" "$sol")
    "${cmd[@]}" >"$log" 2>&1 || true
    ow_bench_glpsol_parse "$sol" "$log"
    rm -f "$sol" "$log"
}

ow_bench_have_highs() {
    [ -f "$OW_HIGHS_DIR/node_modules/highs/package.json" ] && command -v node >/dev/null 2>&1
}

ow_bench_highs_cmd() {
    echo env NODE_PATH="$OW_HIGHS_DIR/node_modules" node "$OW_ROOT/bench/highs-solve.cjs" "$1" "$2"
}

# highs-solve.cjs already prints "status optimum bound gap"; standard input.
ow_bench_highs_parse() {
    awk 'NF == 4 { line = $0 } END { print (line == "" ? "error - - -" : line) }'
}

# Machine and versions, as Markdown lines.
ow_bench_machine() {
    local cpu mem
    cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
    mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
    echo "- Machine: $(nproc) CPUs ($cpu), $mem memory, $(uname -sr)"
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); load average at the start $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- orgwork: $("$OW_BIN" --version 2>&1 | head -1) (Release build), commit $(git -C "$OW_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$OW_ROOT" diff --quiet HEAD -- 2>/dev/null || echo ' + uncommitted changes')"
    echo "- GLPK: $(glpsol --version 2>/dev/null | head -1)"
    echo "- CBC: $(cbc -quit 2>/dev/null | awk '/^Version:/ { print "CBC " $2; exit }')"
    if ow_bench_have_highs; then
        echo "- HiGHS: npm package highs $(jq -r .version "$OW_HIGHS_DIR/node_modules/highs/package.json") (WebAssembly) on Node.js $(node --version)"
    fi
    echo "- hyperfine $(hyperfine --version | awk '{ print $2 }'), GNU time $(dpkg-query -W -f='${Version}' time 2>/dev/null || echo "(version unknown)")"
}
