/* cpd-section-list-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CPD_TYPE_SECTION_LIST (cpd_section_list_get_type ())

/**
 * CpdSectionList:
 *
 * The outline of a page: a #GListModel of #CpdSection, filled once while the page is
 * rendered and never changed after.
 */
G_DECLARE_FINAL_TYPE (CpdSectionList, cpd_section_list, CPD, SECTION_LIST, GObject)

CpdSectionList *cpd_section_list_new (void);
void            cpd_section_list_append (CpdSectionList *self,
                                         char           *title,
                                         char           *id,
                                         guint           level);
const char     *cpd_section_list_peek_id (CpdSectionList *self,
                                          guint           position);
gboolean        cpd_section_list_find (CpdSectionList *self,
                                       const char     *id,
                                       guint          *position);

G_END_DECLS
