/* arena.h: a bump allocator; an instance or schedule owns one and frees it whole.
 * Internal to the library (model/ and solver/): the public headers name the type
 * only as the owner of a schedule's memory. */
#ifndef ORGWORK_MODEL_ARENA_H
#define ORGWORK_MODEL_ARENA_H

#include <stddef.h>

typedef struct ow_arena ow_arena;

/* Returns a new empty arena, or NULL when out of memory.  Free with ow_arena_free. */
ow_arena *ow_arena_new(void);

/* Frees every block the arena handed out.  ow_arena_free(NULL) does nothing. */
void ow_arena_free(ow_arena *arena);

/* Returns size zeroed bytes aligned for any type, or NULL when out of memory
 * or when size exceeds the arena's cap (OW_ARENA_MAX bytes in all). */
void *ow_arena_alloc(ow_arena *arena, size_t size);

/* Like ow_arena_alloc for n elements of size bytes, checking the product. */
void *ow_arena_calloc(ow_arena *arena, size_t n, size_t size);

/* Copies the first len bytes of s and a terminating NUL into the arena. */
char *ow_arena_strndup(ow_arena *arena, const char *s, size_t len);

/* Copies the NUL-terminated s into the arena; NULL for s gives NULL. */
char *ow_arena_strdup(ow_arena *arena, const char *s);

/* Cap on an arena's total size: growth has limits (STYLE: Memory). */
#define OW_ARENA_MAX ((size_t)1 << 30)

#endif
