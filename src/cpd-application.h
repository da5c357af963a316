/* cpd-application.h
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CPD_TYPE_APPLICATION (cpd_application_get_type ())

G_DECLARE_FINAL_TYPE (CpdApplication, cpd_application, CPD, APPLICATION, AdwApplication)

CpdApplication *cpd_application_new (void);
void            cpd_application_open_page (CpdApplication *self,
                                           GFile          *file,
                                           GtkWindow      *parent);

G_END_DECLS
