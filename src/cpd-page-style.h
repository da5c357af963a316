/* cpd-page-style.h
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

gboolean cpd_page_style_get_accent (AdwStyleManager *manager,
                                    GdkRGBA         *accent);
char    *cpd_page_style_dup_css (AdwStyleManager *manager);

G_END_DECLS
