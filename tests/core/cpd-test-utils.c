/* cpd-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cpd-test-utils.h"

/* Pages under tests/data/; G_TEST_SRCDIR is tests/core/. */
GFile *
cpd_test_data_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", name, NULL);

  return g_file_new_for_path (path);
}

/* Loads @file, which must load. */
static CpdDocument *
load_file (GFile *file)
{
  g_autoptr (GError) error = NULL;
  CpdDocument *document = cpd_document_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

CpdDocument *
cpd_test_load_data (const char *name)
{
  g_autoptr (GFile) file = cpd_test_data_file (name);

  return load_file (file);
}

CpdDocument *
cpd_test_load_bundled (void)
{
  g_autoptr (GFile) file = g_file_new_for_uri (CPD_TEST_BUNDLED_URI);

  return load_file (file);
}

CpdDocument *
cpd_test_load_bytes (GBytes     *bytes,
                     const char *site_url)
{
  g_autoptr (GError) error = NULL;
  CpdDocument *document = cpd_document_new_from_bytes (bytes, site_url, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

CpdDocument *
cpd_test_load_string (const char *markdown,
                      const char *site_url)
{
  g_autoptr (GBytes) bytes = g_bytes_new (markdown, strlen (markdown));

  return cpd_test_load_bytes (bytes, site_url);
}

void
cpd_test_assert_date (const GDate *date,
                      guint        year,
                      guint        month,
                      guint        day)
{
  g_assert_nonnull (date);
  g_assert_true (g_date_valid (date));
  g_assert_cmpuint (g_date_get_year (date), ==, year);
  g_assert_cmpuint (g_date_get_month (date), ==, month);
  g_assert_cmpuint (g_date_get_day (date), ==, day);
}
