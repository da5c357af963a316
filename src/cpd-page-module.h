/* cpd-page-module.h
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The one entry point of the page module (libcpd-page.so, see cpd-page-loader.c), which holds
 * everything that uses WebKitGTK. Its other symbols stay hidden; the symbols it uses from the
 * app (the core, the link opener, the timing hook) the app exports. */

#pragma once

#include <glib-object.h>
#include <gmodule.h>

G_BEGIN_DECLS

#define CPD_PAGE_MODULE_ENTRY_POINT "cpd_page_module_register_types"

typedef struct
{
  GType page_view_type;   /* a GtkWidget that implements CpdPage */
  GType help_window_type; /* an AdwWindow with a construct-only GFile "index" property */
} CpdPageModuleTypes;

/**
 * CpdPageModuleRegisterFunc:
 * @types: (out caller-allocates): the module's types, registered on return
 *
 * Called once, on the main thread, after the module is loaded.
 */
typedef void (*CpdPageModuleRegisterFunc) (CpdPageModuleTypes *types);

G_MODULE_EXPORT void cpd_page_module_register_types (CpdPageModuleTypes *types);

G_END_DECLS
