/* cpd-page-module.c
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The page module's entry point (cpd-page-module.h); the app loads the module in
 * cpd-page-loader.c. */

#include "config.h"

#include "cpd-help-window.h"
#include "cpd-page-module.h"
#include "cpd-page-view.h"

void
cpd_page_module_register_types (CpdPageModuleTypes *types)
{
  types->page_view_type = CPD_TYPE_PAGE_VIEW;
  types->help_window_type = CPD_TYPE_HELP_WINDOW;
}
