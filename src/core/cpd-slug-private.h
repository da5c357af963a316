/* cpd-slug-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Longest slug we make, in characters, before any "-N" suffix. */
#define CPD_SLUG_MAX_CHARS 100

/* Every id a page handed out, each with the next suffix to try for it. */
typedef GHashTable CpdSlugger;

char       *cpd_slugify (const char *text);
CpdSlugger *cpd_slugger_new (void);
void        cpd_slugger_free (CpdSlugger *self);
char       *cpd_slugger_slug (CpdSlugger *self,
                              const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpdSlugger, cpd_slugger_free)

G_END_DECLS
