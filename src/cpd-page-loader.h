/* cpd-page-loader.h
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cpd-page-module.h"

G_BEGIN_DECLS

void                      cpd_page_loader_load_async (GCancellable       *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer            user_data);
const CpdPageModuleTypes *cpd_page_loader_load_finish (GAsyncResult *result,
                                                       GError      **error);
const CpdPageModuleTypes *cpd_page_loader_load (GError **error);
void                      cpd_page_loader_set_builtin (CpdPageModuleRegisterFunc register_func);

G_END_DECLS
