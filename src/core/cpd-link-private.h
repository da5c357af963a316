/* cpd-link-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cpd-link.h"

G_BEGIN_DECLS

CpdLink *cpd_link_new_len (const char *text,
                           gsize       text_len,
                           const char *url);

G_END_DECLS
