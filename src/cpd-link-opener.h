/* cpd-link-opener.h
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CPD_LINK_OPENER_ERROR (cpd_link_opener_error_quark ())

typedef enum
{
  CPD_LINK_OPENER_ERROR_REFUSED_SCHEME,
  CPD_LINK_OPENER_ERROR_INVALID_URI,
} CpdLinkOpenerError;

#define CPD_TYPE_LINK_OPENER (cpd_link_opener_get_type ())

G_DECLARE_FINAL_TYPE (CpdLinkOpener, cpd_link_opener, CPD, LINK_OPENER, GObject)

GQuark         cpd_link_opener_error_quark (void);
CpdLinkOpener *cpd_link_opener_new (void);
gboolean       cpd_link_opener_check_uri (const char *uri,
                                          GError    **error);
void           cpd_link_opener_open_uri_async (CpdLinkOpener      *self,
                                               GtkWindow          *parent,
                                               const char         *uri,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
gboolean       cpd_link_opener_open_uri_finish (CpdLinkOpener *self,
                                                GAsyncResult  *result,
                                                GError       **error);
void           cpd_link_opener_open_file_async (CpdLinkOpener      *self,
                                                GtkWindow          *parent,
                                                GFile              *file,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);
gboolean       cpd_link_opener_open_file_finish (CpdLinkOpener *self,
                                                 GAsyncResult  *result,
                                                 GError       **error);
void           cpd_link_opener_cancel (CpdLinkOpener *self);

G_END_DECLS
