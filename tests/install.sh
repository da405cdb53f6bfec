#!/usr/bin/env bash
# install.sh: `cmake --install` into a scratch DESTDIR gives a C user what the
# project promises — the orgwork program and its manual page, the public headers
# (and none of the solver's own), liborgwork.a and orgwork.pc — and a small C
# program compiled and linked through pkg-config solves an instance to the same
# bytes as `orgwork solve`.  The version everywhere is CMake's project() version.
# Usage: bash tests/install.sh BUILD_DIR CC [EXTRA_CFLAGS]   (from the repository root)
set -u
build=${1:?usage: install.sh BUILD_DIR CC [EXTRA_CFLAGS]}
cc=${2:?usage: install.sh BUILD_DIR CC [EXTRA_CFLAGS]}
extra=${3:-}
fail=0
no() {
    printf 'FAIL %s\n' "$*"
    fail=1
}
for tool in pkg-config groff man; do
    command -v $tool > /dev/null || { echo "FAIL $tool is not installed (.ci/setup --test installs it)"; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dest=$tmp/dest
prefix=/opt/orgwork
DESTDIR=$dest cmake --install "$build" --prefix "$prefix" > "$tmp/install.log" 2>&1 ||
    { cat "$tmp/install.log"; echo "FAIL cmake --install"; exit 1; }
root=$dest$prefix
version=$(sed -n 's/^project(orgwork VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)

for f in bin/orgwork lib/liborgwork.a lib/pkgconfig/orgwork.pc share/man/man1/orgwork.1 \
         include/orgwork/solve.h include/orgwork/render.h include/orgwork/export.h \
         include/orgwork/version.h; do
    [ -f "$root/$f" ] || no "not installed: $f"
done
for h in program.h mip.h decompose.h diagnose.h formulation.h internal.h decode.h cli.h; do
    [ -e "$root/include/orgwork/$h" ] && no "a private header is installed: $h"
done
[ "$("$root/bin/orgwork" --version)" = "orgwork $version" ] || no "installed orgwork --version"

# The manual page renders without a warning, through groff and through man.
groff -man -Tutf8 -ww -z "$root/share/man/man1/orgwork.1" 2> "$tmp/groff.err"
[ -s "$tmp/groff.err" ] && no "groff warns: $(cat "$tmp/groff.err")"
MANWIDTH=80 man -l "$root/share/man/man1/orgwork.1" > "$tmp/man.txt" 2> "$tmp/man.err" ||
    no "man -l: $(cat "$tmp/man.err")"
grep -q "orgwork $version" "$tmp/man.txt" || no "the manual page does not carry version $version"
for cmd in solve check whatif diff export workplan; do
    grep -q "^       $cmd " "$tmp/man.txt" || no "the manual page lacks the $cmd command"
done

# pkg-config, relocated to the scratch directory.
export PKG_CONFIG_PATH=$root/lib/pkgconfig
pc=(pkg-config --define-variable=prefix="$root")
[ "$("${pc[@]}" --modversion orgwork)" = "$version" ] || no "pkg-config --modversion"
# Each installed header compiles on its own, with what pkg-config gives.
for h in "$root"/include/orgwork/*.h; do
    # shellcheck disable=SC2046
    printf '#include <orgwork/%s>\n' "$(basename "$h")" |
        "$cc" -std=c11 -Wall -Wextra -Werror -fsyntax-only $("${pc[@]}" --cflags orgwork) -x c - \
            2> "$tmp/h.err" || no "installed header $(basename "$h") does not compile alone: $(cat "$tmp/h.err")"
done
cat > "$tmp/plan.c" <<'C'
/* A library user: solve an instance and print its organization of work. */
#include <stdio.h>

#include <orgwork/render.h>
#include <orgwork/solve.h>
#include <orgwork/version.h>

int main(int argc, char **argv)
{
    ow_error err;
    ow_error_clear(&err);
    ow_instance *inst = NULL;
    ow_schedule *s = NULL;
    ow_buf why = OW_BUF_INIT, out = OW_BUF_INIT;
    ow_solve_options opts = {0};
    ow_render_options ro = {.timings = false, .body = -1};
    int st = 1;
    if (argc == 2 && ow_instance_load(argv[1], &inst, &err) == OW_OK &&
        ow_solve(inst, &opts, &s, &why, &err) == OW_OK &&
        ow_solve_status_has_schedule(s->status) &&
        ow_render(inst, s, OW_FORMAT_MD, &ro, &out, &err) == OW_OK) {
        fwrite(ow_buf_str(&out), 1, out.len, stdout);
        fprintf(stderr, "liborgwork %s\n", OW_VERSION);
        st = 0;
    } else {
        ow_error_print(&err, stderr);
    }
    ow_buf_free(&out);
    ow_buf_free(&why);
    ow_schedule_free(s);
    ow_instance_free(inst);
    ow_solve_shutdown();
    return st;
}
C
# shellcheck disable=SC2046,SC2086
"$cc" -std=c11 -Wall -Wextra -Werror $extra $("${pc[@]}" --cflags orgwork) "$tmp/plan.c" \
    -o "$tmp/plan" $("${pc[@]}" --libs orgwork) 2> "$tmp/cc.err" ||
    no "compiling and linking against the installed library: $(cat "$tmp/cc.err")"
if [ -x "$tmp/plan" ]; then
    for inst in instances/som-2024.yaml instances/expert-group.yaml; do
        "$tmp/plan" "$inst" > "$tmp/lib.md" 2> "$tmp/plan.err" || no "plan $inst: $(cat "$tmp/plan.err")"
        "$root/bin/orgwork" solve "$inst" --quiet > "$tmp/cli.md"
        cmp -s "$tmp/lib.md" "$tmp/cli.md" || no "the library and orgwork solve differ on $inst"
        grep -qx "liborgwork $version" "$tmp/plan.err" || no "OW_VERSION is not $version"
    done
fi
[ $fail -eq 0 ] && echo "install: all checks passed"
exit $fail
