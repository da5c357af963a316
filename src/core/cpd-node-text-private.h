/* cpd-node-text-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cmark.h>
#include <glib.h>

G_BEGIN_DECLS

void  cpd_node_append_text (cmark_node *node,
                            GString    *out);
char *cpd_node_dup_text (cmark_node *node);

G_END_DECLS
