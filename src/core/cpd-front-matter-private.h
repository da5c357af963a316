/* cpd-front-matter-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The simple scalars of a page's front matter: key to value, both strings. */
typedef GHashTable CpdFrontMatter;

CpdFrontMatter *cpd_front_matter_parse (const char *text,
                                        gsize       length,
                                        gsize      *body_offset,
                                        GError    **error);
const char     *cpd_front_matter_lookup (CpdFrontMatter *self,
                                         const char     *key);
const char     *cpd_front_matter_lookup_first (CpdFrontMatter    *self,
                                               const char *const *keys);
void            cpd_front_matter_free (CpdFrontMatter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpdFrontMatter, cpd_front_matter_free)

G_END_DECLS
