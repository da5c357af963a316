/* cpd-find-bar.h
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cpd-page.h"

G_BEGIN_DECLS

#define CPD_TYPE_FIND_BAR (cpd_find_bar_get_type ())

G_DECLARE_FINAL_TYPE (CpdFindBar, cpd_find_bar, CPD, FIND_BAR, GtkWidget)

CpdPage *cpd_find_bar_get_page_view (CpdFindBar *self);
void     cpd_find_bar_set_page_view (CpdFindBar *self,
                                     CpdPage    *page_view);

gboolean cpd_find_bar_forward_key (CpdFindBar            *self,
                                   GtkEventControllerKey *controller);

G_END_DECLS
