/* cpd-timing.h
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean cpd_timing_enabled (void);
void     cpd_timing_report (const char *milestone);

G_END_DECLS
