/* cpd-front-matter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GHashTable *cpd_front_matter_parse (const char *text,
                                    gsize       length,
                                    gsize      *body_offset);

G_END_DECLS
