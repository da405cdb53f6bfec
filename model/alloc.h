/* alloc.h: the library's allocation calls, with fault injection for the tests.
 * Internal to the library (model/ and solver/); the tests include it to drive it.
 *
 * SQLite's habit: every allocation goes through one place, where a countdown can
 * make the Nth allocation from now fail.  The unit tests (tests/test_alloc.c) loop
 * over N, so every out-of-memory path of the code they drive runs at least once. */
#ifndef ORGWORK_MODEL_ALLOC_H
#define ORGWORK_MODEL_ALLOC_H

#include <stdbool.h>
#include <stddef.h>

/* As malloc, calloc and realloc (free what they return with free()), but each
 * returns NULL when an injected fault is due (realloc then leaves its block as it
 * was). */
void *ow_malloc(size_t size);
void *ow_calloc(size_t n, size_t size);
void *ow_realloc(void *p, size_t size);

/* Makes the allocation n calls from now fail (0: the next one), and every one after
 * it while sticky is true; n < 0 turns injection off (the default).  Not for threads:
 * the tests set it on one thread with no solver running. */
void ow_alloc_fail_after(long n, bool sticky);

/* How many faults have been injected since the last ow_alloc_fail_after. */
long ow_alloc_faults(void);

#endif
