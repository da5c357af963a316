/* cpd-calendar-export.h
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cpd-event.h"
#include "cpd-link-opener.h"

G_BEGIN_DECLS

void     cpd_calendar_export_add_async (CpdEvent           *event,
                                        CpdLinkOpener      *link_opener,
                                        GtkWindow          *parent,
                                        GCancellable       *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data);
gboolean cpd_calendar_export_add_finish (GAsyncResult *result,
                                         GError      **error);
void     cpd_calendar_export_save_async (CpdEvent           *event,
                                         GtkWindow          *parent,
                                         GCancellable       *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data);
gboolean cpd_calendar_export_save_finish (GAsyncResult *result,
                                          GError      **error);

G_END_DECLS
