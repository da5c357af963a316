/* cpd-event-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cmark.h>

#include "cpd-event.h"

G_BEGIN_DECLS

/* Filled once by the scanner, read-only after. */
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
};

CpdEvent *cpd_event_new (void);

/* The document feeds the scanner while it walks the page once; the rules that find event
 * facts live in cpd-event-scanner.c. */
typedef struct _CpdEventScanner CpdEventScanner;

CpdEventScanner *cpd_event_scanner_new (void);
void             cpd_event_scanner_free (CpdEventScanner *self);
void             cpd_event_scanner_add_paragraph (CpdEventScanner *self,
                                                  cmark_node      *paragraph);
void             cpd_event_scanner_add_link (CpdEventScanner *self,
                                             const char      *text,
                                             const char      *url);
CpdEvent        *cpd_event_scanner_finish (CpdEventScanner *self,
                                           const char      *title,
                                           const char      *front_matter_date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpdEventScanner, cpd_event_scanner_free)

G_END_DECLS
