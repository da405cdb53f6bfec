#!/usr/bin/env bash
# bench_report.sh: bench/report.py turns a suite's figures into its tables and plot.
# A made-up suite whose orgwork times grow exactly as entries^2 (0.001 s × entries²)
# up to L, then stop at the time limit (XL) and are refused (XXL, with its own
# limit): the fitted exponent must be 2.00 over S, M and L alone, the growth table
# must say which sizes answered before their limit, and the plot must carry the fit.
# Usage: bash tests/bench_report.sh   (run from the repository root)
set -u
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail=0
{
    printf 'size\tentries\trows\tcolumns\tbinaries\tsolver\tseconds\tcpu_seconds\truns\tpeak_mib\tstatus\tobjective\tbound\tgap\tnote\tlimit\n'
    printf 'S\t10\t1\t1\t1\torgwork\t0.1\t0.1\t3\t4.0\toptimal\t30\t30\t0\t\t60\n'
    printf 'S\t10\t1\t1\t1\tcbc\t0.2\t0.2\t3\t9.0\toptimal\t30\t30\t0\t\t60\n'
    printf 'M\t40\t1\t1\t1\torgwork\t1.6\t1.6\t3\t4.0\toptimal\t100\t100\t0\t\t60\n'
    printf 'M\t40\t1\t1\t1\tcbc\t3.0\t3.0\t3\t9.0\toptimal\t100\t100\t0\t\t60\n'
    printf 'L\t200\t1\t1\t1\torgwork\t40\t40\t1\t9.0\tfeasible\t900\t890\t0.011\t\t60\n'
    printf 'L\t200\t1\t1\t1\tcbc\t61\t61\t1\t99.0\ttimelimit\t-\t880\t-\t\t60\n'
    printf 'XL\t1000\t1\t1\t1\torgwork\t60.1\t60.1\t1\t20.0\ttimelimit\t-\t-\t-\t\t60\n'
    printf 'XXL\t3000\t-\t-\t-\torgwork\t88\t43\t1\t32.5\trefused\t-\t-\t-\ttoo large\t300\n'
} >"$t/suite.tsv"

python3 bench/report.py table "$t/suite.tsv" 60 >"$t/table.md" || { echo "FAIL: table exit $?"; fail=1; }
grep -q '^| orgwork | 2\.00 | 2\.00 | S, M, L |$' "$t/table.md" || { echo "FAIL: orgwork's exponent"; fail=1; }
grep -q '^| cbc | 1\.95 | 1\.95 | S, M |$' "$t/table.md" || { echo "FAIL: cbc's exponent (log 15 / log 4)"; fail=1; }
grep -q '^| XL | 1000 | 5\.0 | 60\.1 | 1\.5 | 60\.1 | 20\.0 | 60 | timelimit | no |$' "$t/table.md" ||
    { echo "FAIL: the XL growth row"; fail=1; }
grep -q '^| XXL | 3000 | 3\.0 | 88\.0 | 1\.5 | 43 | 32\.5 | 300 | refused (too large) | no |$' "$t/table.md" ||
    { echo "FAIL: the XXL growth row (its own limit)"; fail=1; }
grep -q '^| L | 200 | 5\.0 | 40\.0 | 25\.0 | 40 | 9\.0 | 60 | feasible | yes |$' "$t/table.md" ||
    { echo "FAIL: the L growth row"; fail=1; }

python3 bench/report.py svg "$t/suite.tsv" 60 >"$t/plot.svg" || { echo "FAIL: svg exit $?"; fail=1; }
python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$t/plot.svg" ||
    { echo "FAIL: the plot is not well-formed XML"; fail=1; }
grep -q 'orgwork: time ∝ entries^2\.00 (fit over S, M, L)' "$t/plot.svg" || { echo "FAIL: the fit on the plot"; fail=1; }
grep -q 'time limit 300 s (XXL)' "$t/plot.svg" || { echo "FAIL: XXL's own limit on the plot"; fail=1; }

[ "$fail" -eq 0 ] && echo "bench_report: tables and plot as expected"
exit "$fail"
