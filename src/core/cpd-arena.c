/* cpd-arena.c: a region allocator for one cmark tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cmark allocates every node, text and buffer on its own with calloc(), and freeing a
 * tree walks all of it again. A page's tree lives exactly as long as one
 * cpd_document_new_from_*() call, so its memory comes from a few large blocks instead:
 * allocation is a pointer bump, consecutive nodes sit next to each other (walking the
 * tree is then a sequential read, not a cache miss per node), and the whole tree is
 * freed with its blocks. This is what makes the document core about as fast as plain
 * cmark_markdown_to_html(), see tests/benchmark/bench-core.c.
 *
 * cmark's allocator callbacks take no user data, so the arena they use is the calling
 * thread's current one: cpd_arena_new() makes it current and cpd_arena_free() restores
 * the one before. Everything cmark allocates through cpd_arena_get_mem() must therefore
 * happen on that thread while the arena is alive.
 *
 * A freed arena leaves its chunks to the next arena of the same thread, up to
 * SPARE_MAX_SIZE, the way malloc() keeps freed memory for the next call: memory given
 * back to the kernel has to be faulted in again, which costs more than parsing into it.
 * The spares go when the thread ends; the app loads pages in GTask's pool, whose idle
 * threads end after 15 s.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

/* Under AddressSanitizer the arena poisons what is not handed out (headers, free space,
 * what cmark freed), so overflows and uses after free inside the tree are still caught.
 * Without it, the header's macros do nothing. */
#include <sanitizer/asan_interface.h>

#include "cpd-arena-private.h"

#define ALIGNMENT 16
#define FIRST_CHUNK_SIZE (32 * 1024)
#define MAX_CHUNK_SIZE (1024 * 1024)
/* Allocations this large get a block of their own, which realloc() can grow without
 * copying: the rendered HTML and the buffers of very long blocks. Smaller than the
 * first chunk, so any other allocation fits in a chunk. */
#define OWN_BLOCK_SIZE (16 * 1024)
#define SPARE_MAX_SIZE (256 * 1024 * 1024)

/* In front of every allocation. */
typedef struct
{
  gsize size;      /* usable size, a multiple of ALIGNMENT */
  gsize own_block; /* 0 inside a chunk, else 1 + the index of its own block */
} Header;

G_STATIC_ASSERT (sizeof (Header) == ALIGNMENT);

typedef struct
{
  char *data;
  gsize size;
} Chunk;

struct _CpdArena
{
  cmark_mem  mem;
  Chunk      first_chunk; /* most pages need no other, so it needs no array */
  GArray    *more_chunks; /* of Chunk after the first, in the order they were used */
  GPtrArray *own_blocks;  /* malloc()ed, NULL where freed; made with the first */
  char      *chunk;       /* the chunk allocations are cut from */
  gsize      chunk_size;
  gsize      chunk_used;
  char      *last;     /* the latest allocation in the chunk, which may grow in place */
  gsize      total;    /* bytes of all blocks */
  CpdArena  *previous; /* the thread's arena before this one */
};

static void spare_chunks_free (gpointer data);

/* Looked up on every allocation: a C11 thread-local, not a GPrivate call. */
static _Thread_local CpdArena *current_arena;
static GPrivate                spare_chunks = G_PRIVATE_INIT (spare_chunks_free);

/* A thread's spare chunks: a GArray of Chunk. */
static void
spare_chunks_free (gpointer data)
{
  GArray *spares = data;

  for (guint i = 0; i < spares->len; i++)
    g_free (g_array_index (spares, Chunk, i).data);

  g_array_unref (spares);
}

static void
take_chunk (CpdArena *self)
{
  GArray *spares = g_private_get (&spare_chunks);
  Chunk   chunk;

  if (spares != NULL && spares->len > 0)
    {
      chunk = g_array_index (spares, Chunk, spares->len - 1);
      g_array_set_size (spares, spares->len - 1);
    }
  else
    {
      /* Small pages stay small; large ones soon get the largest chunks. */
      chunk.size = self->first_chunk.data == NULL ? FIRST_CHUNK_SIZE
                                                  : MIN (self->chunk_size * 2, MAX_CHUNK_SIZE);
      chunk.data = g_malloc (chunk.size);
    }

  if (self->first_chunk.data == NULL)
    self->first_chunk = chunk;
  else
    {
      if (self->more_chunks == NULL)
        self->more_chunks = g_array_new (FALSE, FALSE, sizeof (Chunk));
      g_array_append_val (self->more_chunks, chunk);
    }
  self->chunk = chunk.data;
  self->chunk_size = chunk.size;
  self->chunk_used = 0;
  self->total += chunk.size;
  ASAN_POISON_MEMORY_REGION (chunk.data, chunk.size);
}

static guint
n_chunks (CpdArena *self)
{
  if (self->first_chunk.data == NULL)
    return 0;

  return 1 + (self->more_chunks != NULL ? self->more_chunks->len : 0);
}

static void
give_back_chunks (CpdArena *self)
{
  GArray *spares = g_private_get (&spare_chunks);
  gsize   kept = 0;

  if (spares == NULL)
    {
      spares = g_array_new (FALSE, FALSE, sizeof (Chunk));
      g_private_set (&spare_chunks, spares);
    }

  for (guint i = 0; i < spares->len; i++)
    kept += g_array_index (spares, Chunk, i).size;

  /* Last in, first out: the next page starts with the chunk this one started with. */
  for (guint i = n_chunks (self); i > 0; i--)
    {
      Chunk *chunk =
        i == 1 ? &self->first_chunk : &g_array_index (self->more_chunks, Chunk, i - 2);

      /* AddressSanitizer must see the memory as unused until it is handed out again. */
      ASAN_POISON_MEMORY_REGION (chunk->data, chunk->size);

      if (kept + chunk->size <= SPARE_MAX_SIZE)
        {
          g_array_append_val (spares, *chunk);
          kept += chunk->size;
        }
      else
        g_free (chunk->data);
    }
}

static inline gsize
round_up (gsize size)
{
  if (size > G_MAXSIZE - 2 * ALIGNMENT)
    g_error ("cmark asked for %" G_GSIZE_FORMAT " bytes", size);

  return (size + ALIGNMENT - 1) & ~(gsize) (ALIGNMENT - 1);
}

static inline Header *
header_of (void *ptr)
{
  Header *header = (Header *) ((char *) ptr - sizeof (Header));

  ASAN_UNPOISON_MEMORY_REGION (header, sizeof (Header));

  return header;
}

static inline void *
finish_header (Header *header,
               gsize   size,
               gsize   own_block,
               gsize   requested)
{
  void *ptr = (char *) header + sizeof (Header);

  ASAN_UNPOISON_MEMORY_REGION (header, sizeof (Header));
  header->size = size;
  header->own_block = own_block;
  ASAN_POISON_MEMORY_REGION (header, sizeof (Header));
  ASAN_UNPOISON_MEMORY_REGION (ptr, requested);

  return ptr;
}

static CpdArena *
current (void)
{
  CpdArena *self = current_arena;

  /* cmark called outside cpd_arena_new() ... cpd_arena_free() on this thread. */
  if G_UNLIKELY (self == NULL)
    g_error ("cmark allocated memory without an arena");

  return self;
}

static void *
allocate (CpdArena *self,
          gsize     requested)
{
  gsize   size = round_up (MAX (requested, 1));
  Header *header;

  if (size >= OWN_BLOCK_SIZE)
    {
      header = g_malloc (sizeof (Header) + size);
      if (self->own_blocks == NULL)
        self->own_blocks = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (self->own_blocks, header);
      self->total += sizeof (Header) + size;

      return finish_header (header, size, self->own_blocks->len, requested);
    }

  if (self->chunk == NULL || self->chunk_used + sizeof (Header) + size > self->chunk_size)
    take_chunk (self);

  header = (Header *) (self->chunk + self->chunk_used);
  self->chunk_used += sizeof (Header) + size;
  self->last = (char *) header + sizeof (Header);

  return finish_header (header, size, 0, requested);
}

static void *
arena_calloc (size_t count,
              size_t size)
{
  gsize bytes;
  void *ptr;

  if (!g_size_checked_mul (&bytes, count, size))
    g_error ("cmark asked for %" G_GSIZE_FORMAT " × %" G_GSIZE_FORMAT " bytes", count, size);

  ptr = allocate (current (), bytes);
  memset (ptr, 0, bytes);

  return ptr;
}

static void *
arena_realloc (void  *ptr,
               size_t requested)
{
  CpdArena *self = current ();
  Header   *header;
  gsize     size, old_size;
  void     *moved;

  if (ptr == NULL)
    return allocate (self, requested);

  header = header_of (ptr);
  old_size = header->size;
  size = round_up (MAX (requested, 1));

  if (header->own_block != 0)
    {
      gsize index = header->own_block - 1;

      if (size > old_size)
        {
          ASAN_UNPOISON_MEMORY_REGION (ptr, old_size);
          header = g_realloc (header, sizeof (Header) + size);
          self->own_blocks->pdata[index] = header;
          self->total += size - old_size;
        }
      else
        size = old_size;

      return finish_header (header, size, index + 1, requested);
    }

  if (size <= old_size)
    return finish_header (header, old_size, 0, requested);

  /* Buffers grow while cmark appends to them, usually with nothing allocated since. */
  if (ptr == self->last && size < OWN_BLOCK_SIZE &&
      self->chunk_used - old_size + size <= self->chunk_size)
    {
      self->chunk_used += size - old_size;
      return finish_header (header, size, 0, requested);
    }

  ASAN_POISON_MEMORY_REGION (header, sizeof (Header));
  moved = allocate (self, requested);
  /* cmark asked for less than old_size, but may have written all it asked for. */
  ASAN_UNPOISON_MEMORY_REGION (ptr, old_size);
  memcpy (moved, ptr, MIN (old_size, requested));
  ASAN_POISON_MEMORY_REGION (ptr, old_size);

  return moved;
}

static void
arena_free (void *ptr)
{
  Header *header;

  if (ptr == NULL)
    return;

  header = header_of (ptr);

  /* Own blocks can be large: give them back now. Chunk space waits for the arena. */
  if (header->own_block != 0)
    {
      CpdArena *self = current ();
      gsize     index = header->own_block - 1;

      self->total -= sizeof (Header) + header->size;
      self->own_blocks->pdata[index] = NULL;
      g_free (header);
      return;
    }

  ASAN_POISON_MEMORY_REGION (header, sizeof (Header) + header->size);
}

/**
 * cpd_arena_new:
 *
 * Creates an arena and makes it the calling thread's current one, until
 * cpd_arena_free().
 *
 * Returns: (transfer full): the arena
 */
CpdArena *
cpd_arena_new (void)
{
  CpdArena *self = g_new0 (CpdArena, 1);

  self->mem.calloc = arena_calloc;
  self->mem.realloc = arena_realloc;
  self->mem.free = arena_free;
  self->previous = current_arena;
  current_arena = self;

  return self;
}

/**
 * cpd_arena_get_mem:
 * @self: the thread's current arena
 *
 * Returns: (transfer none): an allocator for cmark_parser_new_with_mem() and
 *   cmark_node_new_with_mem(); what it allocates lives until cpd_arena_free()
 */
cmark_mem *
cpd_arena_get_mem (CpdArena *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->mem;
}

/**
 * cpd_arena_get_size:
 * @self: an arena
 *
 * Returns: the bytes the arena holds
 */
gsize
cpd_arena_get_size (CpdArena *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->total;
}

/**
 * cpd_arena_free:
 * @self: (transfer full): the thread's current arena
 *
 * Frees everything allocated from the arena, without cmark_node_free(), and makes the
 * arena before it current again. Its chunks are kept for the thread's next arena.
 */
void
cpd_arena_free (CpdArena *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (current_arena == self);

  current_arena = self->previous;

  give_back_chunks (self);
  g_clear_pointer (&self->more_chunks, g_array_unref);
  g_clear_pointer (&self->own_blocks, g_ptr_array_unref);
  g_free (self);
}
