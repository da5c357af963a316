/* cpd-ui-test-utils.h: driving real windows from GTests.
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cpd-application.h"
#include "cpd-page-view.h"
#include "cpd-window.h"

G_BEGIN_DECLS

typedef gboolean (*CpdTestCondition) (gpointer data);
typedef void (*CpdTestWindowFunc) (CpdWindow *window);

CpdApplication *cpd_test_start_app (CpdWindow **window);
CpdPageView    *cpd_test_get_page_view (CpdWindow *window);
GtkMenuButton  *cpd_test_get_main_menu (CpdWindow *window);
void            cpd_test_stop_app (CpdApplication *app);
void            cpd_test_add_window_test (const char       *path,
                                          CpdTestWindowFunc test);
void            cpd_test_wait_for_window_ready (CpdWindow *window);
void            cpd_test_wait_for (CpdTestCondition condition,
                                   gpointer         data,
                                   const char      *what);
void            cpd_test_wait_for_label (GtkWidget  *root,
                                         const char *text);
void            cpd_test_wait_for_selected (CpdSidebar *sidebar,
                                            const char *section_id);
GFile          *cpd_test_data_file (const char *name);
CpdWindow      *cpd_test_open_page (CpdWindow *parent,
                                    GFile     *file);
void            cpd_test_set_today (CpdWindow *window,
                                    int        year,
                                    int        month,
                                    int        day);
void            cpd_test_run_script (CpdPageView *page_view,
                                     const char  *script);
char           *cpd_test_eval_string (CpdPageView *page_view,
                                      const char  *script);
double          cpd_test_eval_double (CpdPageView *page_view,
                                      const char  *script);
typedef gboolean (*CpdTestWidgetMatch) (GtkWidget *widget,
                                        gpointer   data);

GtkWidget *cpd_test_find_widget_matching (GtkWidget         *root,
                                          CpdTestWidgetMatch match,
                                          gpointer           data);
GtkWidget *cpd_test_find_widget (GtkWidget *root,
                                 GType      type);
GtkWidget *cpd_test_find_actionable (GtkWidget  *root,
                                     const char *action_name);
gboolean   cpd_test_widget_has_label (GtkWidget  *root,
                                      const char *text);
GtkWidget *cpd_test_find_toast (CpdWindow *window);
void       cpd_test_dismiss_toast (CpdWindow *window);
void       cpd_test_expect_toast (CpdWindow  *window,
                                  const char *text);

G_END_DECLS
