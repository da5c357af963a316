/* score-pages.c: the corpus table for any folder of labelled pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * score-pages [--missed] DIR
 *
 * Scores the core on every NAME.md of DIR that has a NAME.facts beside it (the format is in
 * tests/data/pages/README.md), so that pages kept outside the repository can be measured too.
 */

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "cpd-score.h"

int
main (int   argc,
      char *argv[])
{
  gboolean           missed = FALSE;
  const GOptionEntry entries[] = {
    { "missed", 'm', 0, G_OPTION_ARG_NONE, &missed, "List the stated facts not found too", NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("DIR");
  g_autoptr (CpdScore) score = cpd_score_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *table = NULL;

  setlocale (LC_ALL, "");

  g_option_context_set_summary (context, "Scores the event facts the core finds in DIR/*.md "
                                         "against the labels in DIR/*.facts.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "usage: score-pages [--missed] DIR");
      return EXIT_FAILURE;
    }

  if (!cpd_score_add_dir (score, argv[1], &error))
    {
      g_printerr ("score-pages: %s\n", error->message);
      return EXIT_FAILURE;
    }

  table = cpd_score_format (score, missed);
  fputs (table, stdout);

  return EXIT_SUCCESS;
}
