/* cpd-arena-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cmark.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _CpdArena CpdArena;

CpdArena  *cpd_arena_new (void);
cmark_mem *cpd_arena_get_mem (CpdArena *self);
void       cpd_arena_free (CpdArena *self);

/* For the tests. */
gsize cpd_arena_get_size (CpdArena *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpdArena, cpd_arena_free)

G_END_DECLS
