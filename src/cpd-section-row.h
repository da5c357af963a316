/* cpd-section-row.h
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cpd-section.h"

G_BEGIN_DECLS

#define CPD_TYPE_SECTION_ROW (cpd_section_row_get_type ())

G_DECLARE_FINAL_TYPE (CpdSectionRow, cpd_section_row, CPD, SECTION_ROW, GtkListBoxRow)

GtkWidget  *cpd_section_row_new (CpdSection *section);
CpdSection *cpd_section_row_get_section (CpdSectionRow *self);

G_END_DECLS
