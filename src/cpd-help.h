/* cpd-help.h
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     cpd_help_show (GtkWindow *parent);
gboolean cpd_help_in_app (void);
gboolean cpd_help_in_flatpak (void);
GFile   *cpd_help_find_index (void);

G_END_DECLS
