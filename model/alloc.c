/* alloc.c: the library's allocation calls and their fault injection (alloc.h). */
#include "alloc.h"

#include <stdlib.h>

static long countdown = -1; /* < 0: no injection */
static bool sticky_faults;
static long faults;

/* True when this allocation is to fail. */
static bool inject(void)
{
    if (countdown < 0)
        return false;
    if (countdown > 0) {
        countdown--;
        return false;
    }
    faults++;
    if (!sticky_faults)
        countdown = -1;
    return true;
}

void *ow_malloc(size_t size)
{
    return inject() ? NULL : malloc(size);
}

void *ow_calloc(size_t n, size_t size)
{
    return inject() ? NULL : calloc(n, size);
}

void *ow_realloc(void *p, size_t size)
{
    return inject() ? NULL : realloc(p, size);
}

void ow_alloc_fail_after(long n, bool sticky)
{
    countdown = n;
    sticky_faults = sticky;
    faults = 0;
}

long ow_alloc_faults(void)
{
    return faults;
}
