/* cpd-test-utils.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cpd-core.h"

G_BEGIN_DECLS

/* The bundled page as the app sees it, compiled into the tests' own resource. */
#define CPD_TEST_BUNDLED_URI "resource:///org/example/CPD/content/container-plumbing-days-2024.md"

GFile       *cpd_test_data_file (const char *name);
CpdDocument *cpd_test_load_data (const char *name);
CpdDocument *cpd_test_load_bundled (void);
CpdDocument *cpd_test_load_bytes (GBytes     *bytes,
                                  const char *site_url);
CpdDocument *cpd_test_load_string (const char *markdown,
                                   const char *site_url);
void         cpd_test_assert_date (const GDate *date,
                                   guint        year,
                                   guint        month,
                                   guint        day);

G_END_DECLS
