/* cpd-event-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cmark.h>

#include "cpd-event.h"

G_BEGIN_DECLS

/* The document feeds the scanner while it walks the page once, so the rules that
 * find event facts stay in cpd-event.c. */
typedef struct _CpdEventScanner CpdEventScanner;

CpdEventScanner *cpd_event_scanner_new (void);
void             cpd_event_scanner_free (CpdEventScanner *self);
gboolean         cpd_event_scanner_may_start_labelled_line (cmark_node     *node,
                                                            cmark_node_type type);
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
