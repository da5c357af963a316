/* cpd-event-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cpd-event.h"
#include "cpd-front-matter-private.h"
#include "cpd-page-text-private.h"

G_BEGIN_DECLS

/* Filled once by the rules (cpd-event-rules.c), read-only after. */
struct _CpdEvent
{
  char    *title;
  GDate    start;
  GDate    end;
  gboolean has_dates; /* else the dates are NULL to callers */
  char    *venue_name;
  char    *venue_url;
  char    *registration_url;
  char    *schedule_url;
  char    *conduct_url;
  char    *recordings_url;
};

CpdEvent *cpd_event_new (void);

/* The rules, in cpd-event-rules.c. */
CpdEvent *cpd_event_find (const CpdPageText *page,
                          CpdFrontMatter    *front_matter);

G_END_DECLS
