/* cpd-front-matter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CpdFrontMatter CpdFrontMatter;

CpdFrontMatter *cpd_front_matter_parse (const char *text,
                                        gsize       length,
                                        gsize      *body_offset);
const char     *cpd_front_matter_lookup (const CpdFrontMatter *self,
                                         const char           *key);
guint           cpd_front_matter_get_n_keys (const CpdFrontMatter *self);
void            cpd_front_matter_free (CpdFrontMatter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpdFrontMatter, cpd_front_matter_free)

G_END_DECLS
