/* cpd-search-provider.h
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cpd-application.h"

G_BEGIN_DECLS

#define CPD_TYPE_SEARCH_PROVIDER (cpd_search_provider_get_type ())

G_DECLARE_FINAL_TYPE (CpdSearchProvider, cpd_search_provider, CPD, SEARCH_PROVIDER, GObject)

/* Where the search provider's .ini file (data/) tells GNOME Shell to find it. */
#define CPD_SEARCH_PROVIDER_OBJECT_PATH RESOURCE_BASE "/SearchProvider"

CpdSearchProvider *cpd_search_provider_new (CpdApplication *application);
gboolean           cpd_search_provider_register (CpdSearchProvider *self,
                                                 GDBusConnection   *connection,
                                                 const char        *object_path,
                                                 GError           **error);
void               cpd_search_provider_unregister (CpdSearchProvider *self);

G_END_DECLS
