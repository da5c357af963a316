/* cpd-section.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CPD_TYPE_SECTION (cpd_section_get_type ())

/**
 * CpdSection:
 *
 * One heading of a page: its plain-text title, the unique id it carries in
 * the rendered HTML (a GitHub-style slug) and its level, 1 to 6.
 */
G_DECLARE_FINAL_TYPE (CpdSection, cpd_section, CPD, SECTION, GObject)

CpdSection *cpd_section_new (const char *title,
                             const char *id,
                             guint       level);
const char *cpd_section_get_title (CpdSection *self);
const char *cpd_section_get_id (CpdSection *self);
guint       cpd_section_get_level (CpdSection *self);

G_END_DECLS
