/* cpd-date-parser-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Longest range we believe to be one event, in days. */
#define CPD_DATE_MAX_RANGE_DAYS 366

typedef struct
{
  GDate start;
  GDate end;    /* the last day, included */
  gsize offset; /* where cpd_date_find_ranges() found it in its text, and how long it is */
  gsize length;
} CpdDateRange;

gboolean cpd_date_parse_range (const char *text,
                               guint       default_year,
                               GDate      *start,
                               GDate      *end);
void     cpd_date_find_ranges (const char *text,
                               guint       default_year,
                               GArray     *ranges);

G_END_DECLS
