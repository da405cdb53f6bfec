/* arena.c: a bump allocator over a chain of malloc'ed blocks. */
#include "arena.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

#define BLOCK_SIZE 16384
#define ALIGN      16

typedef struct block {
    struct block *next;
    size_t size;
    size_t used;
    _Alignas(ALIGN) unsigned char data[];
} block;

struct ow_arena {
    block *head;
    size_t total;
};

ow_arena *ow_arena_new(void)
{
    return ow_calloc(1, sizeof(ow_arena));
}

void ow_arena_free(ow_arena *arena)
{
    if (arena == NULL)
        return;
    block *b = arena->head;
    while (b != NULL) {
        block *next = b->next;
        free(b);
        b = next;
    }
    free(arena);
}

void *ow_arena_alloc(ow_arena *arena, size_t size)
{
    if (arena == NULL || size > OW_ARENA_MAX)
        return NULL;
    size_t rounded = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    if (rounded == 0)
        rounded = ALIGN;
    block *b = arena->head;
    if (b == NULL || b->size - b->used < rounded) {
        size_t bsize = rounded > BLOCK_SIZE ? rounded : BLOCK_SIZE;
        if (arena->total + bsize > OW_ARENA_MAX)
            return NULL;
        block *nb = ow_malloc(sizeof(block) + bsize);
        if (nb == NULL)
            return NULL;
        nb->size = bsize;
        nb->used = 0;
        arena->total += bsize;
        /* A large one-off block goes behind the head so the head keeps its room. */
        if (b != NULL && bsize > BLOCK_SIZE) {
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            arena->head = nb;
        }
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += rounded;
    assert(b->used <= b->size && (uintptr_t)p % ALIGN == 0);
    memset(p, 0, rounded);
    return p;
}

void *ow_arena_calloc(ow_arena *arena, size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size)
        return NULL;
    return ow_arena_alloc(arena, n * size);
}

char *ow_arena_strndup(ow_arena *arena, const char *s, size_t len)
{
    if (len == SIZE_MAX)
        return NULL;
    char *p = ow_arena_alloc(arena, len + 1);
    if (p == NULL)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *ow_arena_strdup(ow_arena *arena, const char *s)
{
    if (s == NULL)
        return NULL;
    return ow_arena_strndup(arena, s, strlen(s));
}
