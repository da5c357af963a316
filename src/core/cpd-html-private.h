/* cpd-html-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cpd-section.h"

G_BEGIN_DECLS

char *cpd_html_assemble (const char *lang,
                         const char *title,
                         const char *body,
                         GListModel *sections);

G_END_DECLS
