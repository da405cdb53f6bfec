#!/usr/bin/env python3
"""Turns bench/results/suite.tsv into the Markdown tables of suite.md (`table`) or
the log-log plot suite.svg (`svg`).  Standard library only, so the benchmark needs no
plotting package.  Both show how orgwork's time grows with the size of the period:
time ∝ entries^k, k fitted by least squares on log(time) against log(agenda entries)
over the sizes orgwork answered before its time limit.

Usage: report.py table|svg SUITE.tsv TIME_LIMIT_S
(a `limit` column, when present, gives each row's own time limit)
"""
import csv
import math
import sys

SOLVED = {"optimal", "infeasible"}  # a proof, not a time-out
OURS = ("orgwork", "orgwork-whole")  # the peers are every other solver
COLOURS = {"orgwork": "#1f77b4", "orgwork-whole": "#17becf", "glpsol": "#2ca02c", "cbc": "#d62728", "highs": "#9467bd"}


def load(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def row_limit(row, limit):
    """The row's own time limit (XXL has its own), else the suite's."""
    return float(row.get("limit") or limit)


def charged(row, limit, key="seconds"):
    """Seconds counted for a run: a run without a proof counts at the limit."""
    return float(row[key]) if row["status"] in SOLVED else row_limit(row, limit)


def finished(row, limit):
    """An answer before the time limit: a proof, or a schedule that orgwork's
    decomposition returned on its own (its time is the time to that answer); a run
    stopped by the limit only says the time is at least the limit."""
    if row["status"] in SOLVED:
        return True
    return row["status"] == "feasible" and float(row["seconds"]) < 0.95 * row_limit(row, limit)


def fit(points):
    """Least-squares slope and intercept of log(t) on log(x): t = exp(b) x^k."""
    lx = [math.log(x) for x, _ in points]
    ly = [math.log(max(t, 1e-4)) for _, t in points]
    n = len(points)
    mx, my = sum(lx) / n, sum(ly) / n
    sxx = sum((a - mx) ** 2 for a in lx)
    if n < 2 or sxx == 0:
        return None
    k = sum((a - mx) * (b - my) for a, b in zip(lx, ly)) / sxx
    return k, my - k * mx


def growth_fit(rows, solver, limit, key="seconds"):
    """(k, b, sizes fitted) for one solver's finished rows, or None."""
    # A time of 0 (CPU time below GNU time's 0.01 s) has no logarithm: left out.
    pts = [r for r in rows if r["solver"] == solver and finished(r, limit) and float(r[key]) > 0]
    f = fit([(float(r["entries"]), float(r[key])) for r in pts])
    return None if f is None else (f[0], f[1], [r["size"] for r in pts])


def sgm(times, shift=1.0):
    """Shifted geometric mean, the usual summary of MIP benchmarks."""
    return math.exp(sum(math.log(t + shift) for t in times) / len(times)) - shift


def order(rows, key):
    seen = []
    for r in rows:
        if r[key] not in seen:
            seen.append(r[key])
    return seen


def fmt_s(x):
    return f"{x:.3f}" if x < 10 else f"{x:.1f}"


def gap_cell(r):
    gap = r["gap"]
    if gap in ("-", "") or r["status"] == "optimal":
        return gap
    return f"{float(gap):.2%}"


def answered(r):
    """A schedule was found (proven or not)."""
    return r["objective"] not in ("-", "")


def table(rows, limit):
    sizes = order(rows, "size")
    solvers = order(rows, "solver")
    print("| size | agenda entries | rows × columns (binaries) | solver | seconds | CPU s"
          " | peak MiB | status | objective | bound | gap | orgwork / solver |")
    print("|---|---:|---|---|---:|---:|---:|---|---:|---:|---:|---:|")
    for size in sizes:
        here = [r for r in rows if r["size"] == size]
        ow = next((r for r in here if r["solver"] == "orgwork"), None)
        for r in here:
            ratio = ""
            if ow is not None and r["solver"] != "orgwork":
                ratio = f"{charged(ow, limit) / charged(r, limit):.3f}"
            note = r["note"]
            if note.startswith("DISAGREES"):
                note = f"**{note}**"
            status = r["status"] + (f" ({note})" if note else "")
            print(f"| {size} | {r['entries']} | {r['rows']} × {r['columns']} ({r['binaries']})"
                  f" | {r['solver']} | {fmt_s(float(r['seconds']))} | {r['cpu_seconds']} | {r['peak_mib']}"
                  f" | {status} | {r['objective']} | {r.get('bound', '-')} | {gap_cell(r)} | {ratio} |")
    print()
    bad = [r for r in rows if r["note"].startswith("DISAGREES")]
    if bad:
        print(f"**OBJECTIVES DISAGREE in {len(bad)} row(s)**: "
              + "; ".join(f"{r['size']} {r['solver']}: {r['note']}" for r in bad) + ".")
    else:
        print("Objectives agree: every proven optimum equals orgwork's where both are proven,"
              " and no schedule beats a proven optimum or bound.")
    print()
    print("Ratio orgwork / best peer (the fastest peer with a proof; time-outs at the limit),"
          " by wall time and by CPU time:")
    print()
    print("| size | orgwork s | best peer | its s | ratio | orgwork CPU s | best peer by CPU"
          " | its CPU s | CPU ratio |")
    print("|---|---:|---|---:|---:|---:|---|---:|---:|")
    for size in sizes:
        here = [r for r in rows if r["size"] == size]
        ow = next((r for r in here if r["solver"] == "orgwork"), None)
        peers = [r for r in here if r["solver"] not in OURS]
        if ow is None or not peers:
            continue
        cells = []
        for key in ("seconds", "cpu_seconds"):
            best = min(peers, key=lambda r: charged(r, limit, key))
            mine, theirs = charged(ow, limit, key), charged(best, limit, key)
            ratio = f"{mine / theirs:.3f}" if theirs > 0 else "—"
            cells += [fmt_s(mine), best["solver"], fmt_s(theirs), ratio]
        print("| " + size + " | " + " | ".join(cells) + " |")
    print()
    print("Time to the answer, as measured (no charge for a missing proof), and the answer,"
          " against CBC and against `--whole`. Time ratio = orgwork s / other s; objective"
          " no worse = orgwork has a schedule and the other none, or one at most as costly:")
    print()
    print("| size | orgwork s | orgwork answer | other | its s | its answer | time ratio"
          " | objective no worse |")
    print("|---|---:|---|---|---:|---|---:|---|")
    for size in sizes:
        here = {r["solver"]: r for r in rows if r["size"] == size}
        ow = here.get("orgwork")
        if ow is None:
            continue
        for other in ("cbc", "orgwork-whole"):
            r = here.get(other)
            if r is None:
                continue

            def answer(x):
                if not answered(x):
                    return x["status"]
                return f"{x['status']} {x['objective']}" + (
                    f" (gap {gap_cell(x)})" if x["status"] != "optimal" else "")
            if not answered(ow):
                better = "no" if answered(r) else "neither has one"
            elif not answered(r):
                better = "yes"
            else:
                better = "yes" if float(ow["objective"]) <= float(r["objective"]) else "no"
            t_ow, t_r = float(ow["seconds"]), float(r["seconds"])
            print(f"| {size} | {fmt_s(t_ow)} | {answer(ow)} | {r['solver']} | {fmt_s(t_r)}"
                  f" | {answer(r)} | {t_ow / t_r:.3f} | {better} |")
    print()
    growth(rows, limit)
    print(f"Shifted geometric mean across sizes (shift 1 s): runs without a proof counted at"
          f" their time limit, and time to the answer as measured:")
    print()
    print("| solver | sizes | proven | with a schedule | wall s | CPU s | wall s, as measured |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for s in solvers:
        mine = [r for r in rows if r["solver"] == s]
        solved = sum(1 for r in mine if r["status"] in SOLVED)
        found = sum(1 for r in mine if answered(r))
        wall = sgm([charged(r, limit) for r in mine])
        cpu = sgm([charged(r, limit, "cpu_seconds") for r in mine])
        raw = sgm([float(r["seconds"]) for r in mine])
        print(f"| {s} | {len(mine)} | {solved} | {found} | {wall:.3f} | {cpu:.3f} | {raw:.3f} |")


def growth(rows, limit):
    """orgwork's time from the smallest size to the largest, and the fitted exponent."""
    mine = [r for r in rows if r["solver"] == "orgwork"]
    if not mine:
        return
    print(f"Growth of orgwork's time with the size of the period ({mine[0]['size']} to"
          f" {mine[-1]['size']}); size measure: agenda entries (items and sub-items of all"
          f" bodies, the `duration:` lines of the instance):")
    print()
    print("| size | agenda entries | × entries | seconds | × seconds | CPU s | peak MiB | limit s"
          " | status | answered before the limit |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|---|")
    prev = None
    for r in mine:
        xe = xs = ""
        if prev is not None:
            xe = f"{float(r['entries']) / float(prev['entries']):.1f}"
            if float(prev["seconds"]) > 0:
                xs = f"{float(r['seconds']) / float(prev['seconds']):.1f}"
        status = r["status"] + (f" ({r['note']})" if r["note"] else "")
        print(f"| {r['size']} | {r['entries']} | {xe} | {fmt_s(float(r['seconds']))} | {xs}"
              f" | {r['cpu_seconds']} | {r['peak_mib']} | {row_limit(r, limit):g} | {status}"
              f" | {'yes' if finished(r, limit) else 'no'} |")
        prev = r
    print()
    print("Fitted exponent k of time ∝ entries^k (least squares on log-log, over the sizes"
          " answered before the limit; a run stopped by its limit is only a lower bound and"
          " is left out; so is a CPU time under GNU time's 0.01 s). At the small sizes the"
          " time is mostly the start-up of the process, so k is an average over very"
          " different regimes, not a law:")
    print()
    print("| solver | k (wall) | k (CPU) | sizes fitted |")
    print("|---|---:|---:|---|")
    for s in order(rows, "solver"):
        wall, cpu = growth_fit(rows, s, limit), growth_fit(rows, s, limit, "cpu_seconds")
        if wall is None:
            print(f"| {s} | — | — | fewer than two |")
            continue
        kc = f"{cpu[0]:.2f}" if cpu is not None else "—"
        print(f"| {s} | {wall[0]:.2f} | {kc} | {', '.join(wall[2])} |")
    print()


def svg(rows, limit):
    w, h = 640, 420
    left, right, top, bottom = 70, 150, 30, 55
    xs = [float(r["entries"]) for r in rows]
    limits = sorted({row_limit(r, limit) for r in rows} or {float(limit)})
    ts = [float(r["seconds"]) for r in rows] + limits
    x0 = 10 ** math.floor(math.log10(min(xs)))
    x1 = 10 ** math.ceil(math.log10(max(xs)))
    y0 = 10 ** math.floor(math.log10(max(min(ts), 1e-3)))
    y1 = 10 ** math.ceil(math.log10(max(ts) * 1.01))

    def px(x):
        return left + (math.log10(x) - math.log10(x0)) / (math.log10(x1) - math.log10(x0)) * (w - left - right)

    def py(y):
        y = max(y, y0)
        return h - bottom - (math.log10(y) - math.log10(y0)) / (math.log10(y1) - math.log10(y0)) * (h - top - bottom)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
           f'viewBox="0 0 {w} {h}" font-family="sans-serif" font-size="12">',
           f'<rect width="{w}" height="{h}" fill="white"/>',
           f'<text x="{left}" y="18" font-size="14">Whole-process time against instance size'
           f' (log-log)</text>']
    d = x0
    while d <= x1 * 1.001:
        X = px(d)
        out.append(f'<line x1="{X:.1f}" y1="{top}" x2="{X:.1f}" y2="{h - bottom}" stroke="#ddd"/>')
        out.append(f'<text x="{X:.1f}" y="{h - bottom + 16}" text-anchor="middle">{d:g}</text>')
        d *= 10
    d = y0
    while d <= y1 * 1.001:
        Y = py(d)
        out.append(f'<line x1="{left}" y1="{Y:.1f}" x2="{w - right}" y2="{Y:.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 6}" y="{Y + 4:.1f}" text-anchor="end">{d:g}</text>')
        d *= 10
    out.append(f'<rect x="{left}" y="{top}" width="{w - left - right}" height="{h - top - bottom}"'
               f' fill="none" stroke="black"/>')
    out.append(f'<text x="{(left + w - right) / 2}" y="{h - 15}" text-anchor="middle">'
               f'agenda entries (sizes {", ".join(order(rows, "size"))})</text>')
    out.append(f'<text transform="translate(18 {(top + h - bottom) / 2}) rotate(-90)"'
               f' text-anchor="middle">seconds</text>')
    for lim in limits:
        Y = py(lim)
        out.append(f'<line x1="{left}" y1="{Y:.1f}" x2="{w - right}" y2="{Y:.1f}" stroke="#888"'
                   f' stroke-dasharray="6 4"/>')
        sizes = [r["size"] for r in rows if r["solver"] == "orgwork" and row_limit(r, limit) == lim]
        which = f" ({', '.join(sizes)})" if len(limits) > 1 and sizes else ""
        out.append(f'<text x="{w - right - 4}" y="{Y - 5:.1f}" text-anchor="end" fill="#555">'
                   f'time limit {lim:g} s{which}</text>')
    for i, s in enumerate(order(rows, "solver")):
        colour = COLOURS.get(s, "#333")
        mine = [r for r in rows if r["solver"] == s]
        # A run that gave neither a schedule nor a time-out (refused, killed, an
        # error) is a cross at the time it took, off the line.
        pts = [(px(float(r["entries"])), py(float(r["seconds"])), r["status"] in SOLVED)
               for r in mine if answered(r) or r["status"] in SOLVED | {"timelimit"}]
        crosses = [(px(float(r["entries"])), py(float(r["seconds"])))
                   for r in mine if not (answered(r) or r["status"] in SOLVED | {"timelimit"})]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in pts)
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for x, y, ok in pts:
            fill = colour if ok else "white"
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{fill}" stroke="{colour}"'
                       f' stroke-width="2"/>')
        for x, y in crosses:
            out.append(f'<path d="M{x - 5:.1f},{y - 5:.1f}L{x + 5:.1f},{y + 5:.1f}'
                       f'M{x - 5:.1f},{y + 5:.1f}L{x + 5:.1f},{y - 5:.1f}" stroke="{colour}"'
                       f' stroke-width="2"/>')
        ly = top + 10 + 20 * i
        out.append(f'<line x1="{w - right + 12}" y1="{ly}" x2="{w - right + 36}" y2="{ly}"'
                   f' stroke="{colour}" stroke-width="2"/>')
        out.append(f'<text x="{w - right + 42}" y="{ly + 4}">{s}</text>')
    ly = top + 10 + 20 * len(order(rows, "solver")) + 10
    out.append(f'<circle cx="{w - right + 24}" cy="{ly}" r="4" fill="white" stroke="#333"'
               f' stroke-width="2"/>')
    out.append(f'<text x="{w - right + 42}" y="{ly + 4}">no proof</text>')
    ly += 20
    out.append(f'<path d="M{w - right + 19},{ly - 5}L{w - right + 29},{ly + 5}'
               f'M{w - right + 19},{ly + 5}L{w - right + 29},{ly - 5}" stroke="#333"'
               f' stroke-width="2"/>')
    out.append(f'<text x="{w - right + 42}" y="{ly + 4}">no answer</text>')
    # orgwork's fitted growth, drawn over the sizes it was fitted on.
    g = growth_fit(rows, "orgwork", limit)
    if g is not None:
        k, b, fitted = g
        xs_fit = [float(r["entries"]) for r in rows if r["solver"] == "orgwork" and r["size"] in fitted]
        xa, xb = min(xs_fit), max(xs_fit)
        ya, yb = math.exp(b) * xa ** k, math.exp(b) * xb ** k
        out.append(f'<line x1="{px(xa):.1f}" y1="{py(ya):.1f}" x2="{px(xb):.1f}" y2="{py(yb):.1f}"'
                   f' stroke="{COLOURS["orgwork"]}" stroke-width="1" stroke-dasharray="2 3"/>')
        out.append(f'<text x="{left + 8}" y="{top + 16}" fill="{COLOURS["orgwork"]}">'
                   f'orgwork: time ∝ entries^{k:.2f} (fit over {", ".join(fitted)})</text>')
    out.append("</svg>")
    print("\n".join(out))


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("table", "svg"):
        sys.exit(__doc__)
    rows = load(sys.argv[2])
    (table if sys.argv[1] == "table" else svg)(rows, sys.argv[3])


if __name__ == "__main__":
    main()
