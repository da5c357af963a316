/* cpd-event-rules-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cpd-event.h"
#include "cpd-front-matter-private.h"
#include "cpd-page-text-private.h"

G_BEGIN_DECLS

CpdEvent *cpd_event_find (const CpdPageText *page,
                          CpdFrontMatter    *front_matter);

G_END_DECLS
