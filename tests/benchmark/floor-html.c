/* floor-html.c: writes the HTML document the app shows for a page, for the floor program.
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: floor-html PAGE.md OUTPUT.html
 *
 * Rendered once at build time, so the floor measures WebKit alone, not our Markdown code.
 */

#include "config.h"

#include "cpd-document.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GFile) page = NULL;
  g_autoptr (CpdDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  const char *html;

  if (argc != 3)
    {
      g_printerr ("Usage: %s PAGE.md OUTPUT.html\n", argv[0]);
      return 2;
    }

  /* Same loader as the app, so the sidecar metadata (site URL, language) applies too. */
  page = g_file_new_for_commandline_arg (argv[1]);
  document = cpd_document_new_from_file (page, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }

  html = cpd_document_get_html (document);
  if (!g_file_set_contents (argv[2], html, -1, &error))
    {
      g_printerr ("%s: %s\n", argv[2], error->message);
      return 1;
    }

  return 0;
}
