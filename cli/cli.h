/* cli.h: what the commands of the orgwork program share (cli/common.c).  Each
 * command is a file of cli/ with one entry point, called with argv[0] the
 * command's name. */
#ifndef ORGWORK_CLI_H
#define ORGWORK_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>

#include "orgwork/error.h"
#include "orgwork/instance.h"
#include "orgwork/render.h"
#include "orgwork/schedule.h"

int ow_cli_solve(int argc, char **argv);
int ow_cli_check(int argc, char **argv);
int ow_cli_whatif(int argc, char **argv);
int ow_cli_diff(int argc, char **argv);
int ow_cli_export(int argc, char **argv);
int ow_cli_workplan(int argc, char **argv);

/* getopt_long for command cmd, with its messages: an unknown option ("did you mean
 * ..." when one of longopts is close), an option without its value or with a value
 * it does not take are usage errors, reported here.  Returns the option's value as
 * getopt_long does, -1 at the end, or '?' after a usage error (exit status 2). */
int ow_cli_getopt(const char *cmd, int argc, char **argv, const char *shortopts,
                  const struct option *longopts);

/* The options solve and whatif share: -h, -o, --format, --time-limit, --timings,
 * --whole, --gap.  Their getopt_long values; a command's own come after OW_CLI_OPT_OWN. */
enum {
    OW_CLI_OPT_FORMAT = 256,
    OW_CLI_OPT_TIME_LIMIT,
    OW_CLI_OPT_TIMINGS,
    OW_CLI_OPT_WHOLE,
    OW_CLI_OPT_GAP,
    OW_CLI_OPT_OWN
};

#define OW_CLI_SHARED_OPTIONS                                                                      \
    {"format", required_argument, NULL, OW_CLI_OPT_FORMAT},                                        \
        {"output", required_argument, NULL, 'o'},                                                  \
        {"time-limit", required_argument, NULL, OW_CLI_OPT_TIME_LIMIT},                            \
        {"timings", no_argument, NULL, OW_CLI_OPT_TIMINGS},                                        \
        {"whole", no_argument, NULL, OW_CLI_OPT_WHOLE},                                            \
        {"gap", required_argument, NULL, OW_CLI_OPT_GAP},                                          \
    {                                                                                              \
        "help", no_argument, NULL, 'h'                                                             \
    }

typedef struct ow_cli_shared {
    const char *output; /* -o, or NULL */
    ow_format format;   /* the command's default until --format (or -o's extension) */
    bool has_format, timings, whole;
    double time_limit;   /* 0: none (--time-limit 0, or not given) */
    bool has_time_limit; /* --time-limit was given (0 included) */
    double gap;          /* --gap: a fraction (0: prove the optimum) */
} ow_cli_shared;

/* Takes option c (ow_cli_getopt's answer) when it is a shared one: returns -1 when it
 * was, -2 when it is not, or the exit status to stop with (0 after printing usage
 * for -h, 2 after a usage error). */
int ow_cli_shared_option(const char *cmd, int c, const char *usage, ow_cli_shared *o);

/* Without --format, the format -o's extension names, if any (ow_cli_format_of_path). */
void ow_cli_shared_format(ow_cli_shared *o);

/* A usage error of command cmd (NULL: of orgwork itself): one line on standard
 * error, "orgwork CMD: message", and a pointer to `orgwork CMD --help`.  Returns
 * OW_INPUT, the exit status. */
int ow_cli_usage_error(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* The candidate closest to word, within a typing slip (an edit or two), or NULL. */
const char *ow_cli_suggest(const char *word, const char *const *candidates, size_t n);

/* Parses a whole number from lo to hi, a positive number of seconds, "A..B" or
 * "A" (a range of whole numbers from lo to hi). */
bool ow_cli_parse_int(const char *s, int lo, int hi, int *out);
bool ow_cli_parse_seconds(const char *s, double *out);

/* --gap G: a fraction from 0 to 1 ("0.01") or a percentage from 0 to 100 ("1%").
 * Returns true and sets *out (the fraction) when s is one. */
bool ow_cli_parse_gap(const char *s, double *out);
bool ow_cli_parse_range(const char *s, int lo, int hi, int *from, int *to);

/* --format F: F is one of ow_format_parse's names; else a usage error, with the
 * closest name.  Returns true when it is. */
bool ow_cli_parse_format(const char *cmd, const char *value, ow_format *out);

/* The format a file name's extension names (.md, .txt, .html, .csv, .ics, .json,
 * .svg, .docx, .odt, .xlsx); false for any other. */
bool ow_cli_format_of_path(const char *path, ow_format *out);

/* Reads a whole input file, or standard input when path is "-" (then errors name
 * "<stdin>"), at most max_bytes.  Free *text with free(). */
ow_status ow_cli_read(const char *path, size_t max_bytes, char **text, size_t *len, ow_error *err);

/* The name errors give an input: "<stdin>" for "-", else path. */
const char *ow_cli_input_name(const char *path);

/* Loads the instance at path ("-": standard input) and applies --days and
 * --meetings (0: as in the file). */
ow_status ow_cli_load(const char *path, int days, int meetings, ow_instance **inst, ow_error *err);

/* Reads a schedule (JSON) at path ("-": standard input) against inst. */
ow_status ow_cli_read_schedule(const ow_instance *inst, const char *path, ow_schedule **out,
                               ow_error *err);

/* The same for re-planning (--keep): pieces of items or bodies inst no longer has are
 * left out and named in unmatched, one line each (NULL: refused, as above). */
ow_status ow_cli_read_schedule_matching(const ow_instance *inst, const char *path,
                                        ow_buf *unmatched, ow_schedule **out, ow_error *err);

/* Prints the note ow_solve left in s, if any, on standard error (the library never
 * prints): "orgwork: note: ...". */
void ow_cli_solve_note(const ow_schedule *s);

/* Prints err unless rc is OW_OK or OW_INFEASIBLE; returns rc as an exit status. */
int ow_cli_report(ow_status rc, const ow_error *err);

/* --memory-limit MB (solve, whatif, export): sets GLPK's memory limit.  Returns -1,
 * or the exit status of a usage error. */
int ow_cli_memory_limit(const char *cmd, const char *value);

/* --jobs N (solve, whatif): the threads that solve at once, into *jobs; more than
 * the machine's cores runs as many as the cores, and says so.  Returns -1, or the
 * exit status of a usage error. */
int ow_cli_jobs(const char *cmd, const char *value, int *jobs);

/* A run that found no schedule writes its JSON (status and reasons) to standard
 * output or a new file, never over an existing one: true (and says so) then. */
bool ow_cli_kept_output(const char *output);

#endif
