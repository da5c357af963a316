/* cpd-sidebar.h
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cpd-document.h"

G_BEGIN_DECLS

#define CPD_TYPE_SIDEBAR (cpd_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (CpdSidebar, cpd_sidebar, CPD, SIDEBAR, AdwBin)

CpdDocument   *cpd_sidebar_get_document (CpdSidebar *self);
void           cpd_sidebar_set_document (CpdSidebar  *self,
                                         CpdDocument *document);
void           cpd_sidebar_select_section (CpdSidebar *self,
                                           const char *section_id);
const char    *cpd_sidebar_get_selected_section (CpdSidebar *self);
void           cpd_sidebar_activate_section (CpdSidebar *self,
                                             guint       position);
GtkListView   *cpd_sidebar_get_section_list (CpdSidebar *self);
GtkListBox    *cpd_sidebar_get_action_list (CpdSidebar *self);
CpdEventTiming cpd_sidebar_get_timing (CpdSidebar *self);
void           cpd_sidebar_set_timing (CpdSidebar    *self,
                                       CpdEventTiming timing);

G_END_DECLS
