#!/usr/bin/env bash
# command_line.sh: the command line itself — `--format=html`, `-` for standard
# input, the format taken from -o's extension, "did you mean" for a mistyped
# command, option or format, a usage error in one line and a pointer to --help
# (exit 2), --help and --version.  Every schedule written is checked.
# Usage: bash tests/cli/command_line.sh path/to/orgwork   (run from the repository root)
set -u
bin=${1:?usage: command_line.sh ORGWORK_BINARY}
inst=instances/som-2024.yaml
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

no() {
    printf 'FAIL %s\n' "$*"
    fail=1
}

# usage_error WANT ARGS...: exit 2, stderr is two lines, the first holds WANT,
# the second points to --help; nothing on stdout, no help text.
usage_error() {
    local want=$1
    shift
    "$bin" "$@" > "$tmp/out" 2> "$tmp/err"
    local st=$?
    [ $st -eq 2 ] || no "orgwork $*: exit $st, want 2"
    [ "$(wc -l < "$tmp/err")" -eq 2 ] || no "orgwork $*: $(wc -l < "$tmp/err") lines on stderr, want 2"
    grep -qF -- "$want" "$tmp/err" || no "orgwork $*: stderr lacks '$want': $(cat "$tmp/err")"
    sed -n 2p "$tmp/err" | grep -q -- "--help'\.$" || no "orgwork $*: no pointer to --help"
    [ -s "$tmp/out" ] && no "orgwork $*: wrote to stdout"
    return 0
}

# --- mistyped commands, options and values: "did you mean", one line, exit 2
usage_error "unknown command 'slove' (did you mean 'solve'?)" slove "$inst"
usage_error "unknown command 'exprot' (did you mean 'export'?)" exprot "$inst"
usage_error "unknown command 'frobnicate'" frobnicate
usage_error "needs a command" 
usage_error "unknown option '--fromat' (did you mean '--format'?)" solve "$inst" --fromat html
usage_error "unknown option '--tim-limit' (did you mean '--time-limit'?)" solve "$inst" --tim-limit 5
usage_error "unknown option '--dayz' (did you mean '--days'?)" whatif "$inst" --dayz 1..2
usage_error "unknown option '--format'" check "$inst" x.json --format json
usage_error "not 'htm' (did you mean 'html'?)" solve "$inst" --format=htm
usage_error "option '--days' needs a value" solve "$inst" --days
usage_error "option '--quiet' takes no value" solve "$inst" --quiet=yes
usage_error "option '--ti' is ambiguous (--time-limit, --timings)" solve "$inst" --ti 3
usage_error "unknown option '-x'" solve -x "$inst"
usage_error "needs an instance FILE" solve
usage_error "unexpected argument 'extra'" solve "$inst" extra
usage_error "--days takes a whole number" solve "$inst" --days 0
usage_error "needs an instance FILE and a SCHEDULE.json" check "$inst"
usage_error "needs two schedule files" diff a.json
usage_error "give one of --lp OUT or --mps OUT" export "$inst"
usage_error "standard input (-) can be read only once" check - -

# --- help and version: on stdout, exit 0; the version is the one CMake sets
"$bin" --help > "$tmp/help" 2>&1 && grep -q '^usage: orgwork COMMAND' "$tmp/help" || no "--help"
for cmd in solve check whatif diff export workplan; do
    "$bin" $cmd --help > "$tmp/help.$cmd" || no "$cmd --help: exit $?"
    grep -q "^usage: orgwork $cmd" "$tmp/help.$cmd" || no "$cmd --help: no usage line"
done
grep -q 'without joint items' "$tmp/help.solve" && no "solve --help still limits --whole to periods without joint items"
want=$(sed -n 's/^project(orgwork VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
[ "$("$bin" --version)" = "orgwork $want" ] || no "--version says '$("$bin" --version)', want 'orgwork $want'"

# --- --format=VALUE is the same as --format VALUE
"$bin" solve "$inst" --format=html > "$tmp/eq.html" || no "--format=html: exit $?"
"$bin" solve "$inst" --format html > "$tmp/sp.html"
cmp -s "$tmp/eq.html" "$tmp/sp.html" || no "--format=html differs from --format html"
head -1 "$tmp/eq.html" | grep -q '^<!DOCTYPE html>' || no "--format=html is not HTML"

# --- the format follows -o's extension when --format is not given
"$bin" solve "$inst" --format json > "$tmp/want.json"
for ext in html json csv svg ics md; do
    "$bin" solve "$inst" --format $ext > "$tmp/want.$ext"
    "$bin" solve "$inst" -o "$tmp/got.$ext" || no "-o got.$ext: exit $?"
    cmp -s "$tmp/want.$ext" "$tmp/got.$ext" || no "-o got.$ext is not --format $ext"
done
"$bin" solve "$inst" --format text > "$tmp/want.text"
"$bin" solve "$inst" -o "$tmp/got.txt" && cmp -s "$tmp/want.text" "$tmp/got.txt" || no "-o .txt is not text"
"$bin" solve "$inst" -o "$tmp/got.out" && cmp -s "$tmp/want.md" "$tmp/got.out" || no "-o .out is not md (the default)"
"$bin" solve "$inst" --format md -o "$tmp/forced.json" && cmp -s "$tmp/want.md" "$tmp/forced.json" ||
    no "--format md -o x.json: --format must win"
"$bin" whatif "$inst" --days 1..3 --jobs 1 --format csv > "$tmp/want.wcsv"
"$bin" whatif "$inst" --days 1..3 --jobs 1 -o "$tmp/got.csv" && cmp -s "$tmp/want.wcsv" "$tmp/got.csv" ||
    no "whatif -o x.csv is not --format csv"
"$bin" check "$inst" "$tmp/got.json" > /dev/null || no "check of the schedule -o got.json wrote"

# --- - reads standard input, with the same bytes out as the file
"$bin" solve - --format json < "$inst" > "$tmp/stdin.json" || no "solve -: exit $?"
cmp -s "$tmp/want.json" "$tmp/stdin.json" || no "solve - differs from solve FILE"
"$bin" check - "$tmp/want.json" < "$inst" > /dev/null || no "check - SCHEDULE: exit $?"
"$bin" check "$inst" - < "$tmp/want.json" > /dev/null || no "check FILE -: exit $?"
"$bin" diff - "$tmp/want.json" < "$tmp/want.json" > "$tmp/diff" || no "diff -: exit $?"
grep -qx 'No item moved.' "$tmp/diff" || no "diff - against itself: $(cat "$tmp/diff")"
"$bin" whatif "$inst" --days 1..3 --jobs 1 > "$tmp/w.file"
"$bin" whatif - --days 1..3 --jobs 1 < "$inst" > "$tmp/w.stdin" || no "whatif -: exit $?"
cmp -s "$tmp/w.file" "$tmp/w.stdin" || no "whatif - differs from whatif FILE"
"$bin" export "$inst" --lp "$tmp/file.lp" 2> /dev/null
"$bin" export - --lp "$tmp/stdin.lp" < "$inst" 2> /dev/null || no "export -: exit $?"
cmp -s "$tmp/file.lp" "$tmp/stdin.lp" || no "export - differs from export FILE"
# Bad input on standard input is named <stdin>, with its line and column.
printf 'sessions: [\n' | "$bin" solve - > /dev/null 2> "$tmp/err"
st=$?
[ $st -eq 2 ] || no "bad YAML on stdin: exit $st"
grep -q '^<stdin>:[0-9]*:[0-9]*: error: ' "$tmp/err" || no "bad YAML on stdin: $(cat "$tmp/err")"

[ $fail -eq 0 ] && echo "command_line: all checks passed"
exit $fail
