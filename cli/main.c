/* main.c: the orgwork program — the command line, dispatched to one file of cli/
 * per command. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "orgwork/solve.h"
#include "orgwork/version.h"

static const char *usage =
    "usage: orgwork COMMAND [OPTIONS]\n"
    "\n"
    "Plans the meetings of intergovernmental bodies and writes the proposed\n"
    "organization of work.\n"
    "\n"
    "commands:\n"
    "  solve FILE     find the best schedule and print the organization of work\n"
    "  check FILE SCHEDULE.json\n"
    "                 verify a schedule against the instance, without the solver\n"
    "  whatif FILE    solve variants (--days A..B, --meetings A..B) side by side\n"
    "  diff A.json B.json\n"
    "                 what moved between two schedules, in words\n"
    "  export FILE    write the integer program (--lp OUT or --mps OUT)\n"
    "  workplan FILE  place a workplan's topics in future sessions (--agendas DIR,\n"
    "                 --sessions A..B, --check PLAN)\n"
    "\n"
    "A FILE of - is read from standard input.  `orgwork COMMAND --help` describes\n"
    "each command; `orgwork --version` prints the version.  Exit status: 0 ok,\n"
    "1 internal error, 2 bad input or usage, 3 no schedule exists (or, for check,\n"
    "the schedule breaks a rule).\n";

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
} command;

static const command commands[] = {
    {"solve", ow_cli_solve}, {"check", ow_cli_check},   {"whatif", ow_cli_whatif},
    {"diff", ow_cli_diff},   {"export", ow_cli_export}, {"workplan", ow_cli_workplan},
};
#define N_COMMANDS (sizeof commands / sizeof *commands)

static void on_interrupt(int sig)
{
    (void)sig;
    ow_solve_interrupt();
}

static int dispatch(int argc, char **argv)
{
    if (argc < 2)
        return ow_cli_usage_error(
            NULL, "needs a command (solve, check, whatif, diff, export or workplan)");
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
        fputs(usage, stdout);
        return 0;
    }
    if (strcmp(name, "--version") == 0) {
        printf("orgwork %s\n", OW_VERSION);
        return 0;
    }
    const char *names[N_COMMANDS];
    for (size_t i = 0; i < N_COMMANDS; i++) {
        if (strcmp(name, commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
        names[i] = commands[i].name;
    }
    const char *near = ow_cli_suggest(name, names, N_COMMANDS);
    if (name[0] == '-')
        return ow_cli_usage_error(NULL, "unknown option '%s'", name);
    if (near != NULL)
        return ow_cli_usage_error(NULL, "unknown command '%s' (did you mean '%s'?)", name, near);
    return ow_cli_usage_error(NULL, "unknown command '%s'", name);
}

int main(int argc, char **argv)
{
    /* Ctrl-C, SIGTERM and SIGHUP stop a search and keep the best schedule found so
     * far, which is then written as usual. */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_interrupt;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    int st = dispatch(argc, argv);
    ow_solve_shutdown();
    return st;
}
