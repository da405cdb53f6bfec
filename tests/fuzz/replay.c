/* replay.c: runs a fuzz harness once on each file named, or on each file of each
 * directory named, so that ctest (and valgrind, and the sanitizer build) replays the
 * seed corpus and every crash input without libFuzzer.  Exits 0 when every input
 * went through; a harness that finds a bug aborts, and so fails the test. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "orgwork/buf.h"
#include "orgwork/solve.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Slightly more than the loader takes, so the size limit itself is replayed. */
#define REPLAY_MAX_BYTES ((size_t)8 << 20)

static int run_file(const char *path)
{
    char *data = NULL;
    size_t len = 0;
    ow_error err;
    if (ow_read_file(path, REPLAY_MAX_BYTES, &data, &len, &err) != OW_OK) {
        ow_error_print(&err, stderr);
        return 1;
    }
    LLVMFuzzerTestOneInput((const uint8_t *)data, len);
    free(data);
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Files of a directory in name order: the same inputs in the same order every run. */
static int run_dir(const char *dir, int *count)
{
    DIR *d = opendir(dir);
    if (d == NULL) {
        fprintf(stderr, "replay: cannot open %s\n", dir);
        return 1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    int failed = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            char **p = realloc(names, cap * sizeof *names);
            if (p == NULL) {
                failed = 1;
                break;
            }
            names = p;
        }
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        names[n] = malloc(len);
        if (names[n] == NULL) {
            failed = 1;
            break;
        }
        snprintf(names[n], len, "%s/%s", dir, e->d_name);
        n++;
    }
    closedir(d);
    if (n > 0)
        qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (!failed && stat(names[i], &st) == 0 && S_ISREG(st.st_mode)) {
            failed |= run_file(names[i]);
            (*count)++;
        }
        free(names[i]);
    }
    free(names);
    return failed;
}

int main(int argc, char **argv)
{
    int failed = 0, count = 0;
    if (argc < 2) {
        fputs("usage: replay FILE_OR_DIRECTORY...\n", stderr);
        return 2;
    }
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            fprintf(stderr, "replay: no such file or directory: %s\n", argv[i]);
            failed = 1;
        } else if (S_ISDIR(st.st_mode)) {
            failed |= run_dir(argv[i], &count);
        } else {
            failed |= run_file(argv[i]);
            count++;
        }
    }
    ow_solve_shutdown();
    printf("replayed %d inputs\n", count);
    return failed;
}
