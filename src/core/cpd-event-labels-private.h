/* cpd-event-labels-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a label names: the event's date, its venue, or one of its links. */
typedef enum
{
  CPD_LABEL_NONE = -1,
  CPD_LABEL_DATE,
  CPD_LABEL_VENUE,
  CPD_LABEL_REGISTRATION,
  CPD_LABEL_SCHEDULE,
  CPD_LABEL_CONDUCT,
  CPD_LABEL_RECORDINGS,
  CPD_N_LABELS
} CpdLabel;

char    *cpd_label_fold (const char *text,
                         gssize      length);
CpdLabel cpd_label_match (const char *text,
                          gssize      length,
                          gboolean    labels[CPD_N_LABELS]);
CpdLabel cpd_label_split_line (const char *text,
                               char      **value);
char    *cpd_label_clean_value (const char *text);
gboolean cpd_label_says_unknown (const char *value);

G_END_DECLS
