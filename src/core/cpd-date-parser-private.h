/* cpd-date-parser-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Longest range we believe to be one event, in days. */
#define CPD_DATE_MAX_RANGE_DAYS 366

gboolean cpd_date_parse_range (const char *text,
                               GDate      *start,
                               GDate      *end);

G_END_DECLS
