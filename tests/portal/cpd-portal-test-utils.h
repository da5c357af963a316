/* cpd-portal-test-utils.h: tests that run under portal-run (the real xdg-desktop-portal, a stub
 * handler that logs what it receives, the bus traffic recorded), and drive other processes'
 * windows through AT-SPI.
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char *cpd_test_read_handler_log (void);
void  cpd_test_wait_for_handler (const char *text);
guint cpd_test_count_portal_calls (GApplication *app,
                                   const char   *interface,
                                   const char   *member,
                                   const char   *needle);
char *cpd_test_drive_atspi (const char *first_arg,
                            ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
