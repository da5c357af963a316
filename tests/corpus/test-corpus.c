/* test-corpus.c: the core's event facts on the labelled pages of tests/data/pages (issue 18)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>

#include "cpd-score.h"

/* A calendar companion must never be wrong; it may miss a little. */
#define MIN_FOUND_PERCENT 90

/* Each failed check is its own message, so that one run shows all of them. */
static void
check_found_share (const char          *name,
                   const CpdScoreCount *count,
                   guint               *n_failed)
{
  if (count->found * 100 >= count->stated * MIN_FOUND_PERCENT)
    return;

  g_test_message ("FAIL %s: %u of %u stated facts found, under %d %%", name, count->found,
                  count->stated, MIN_FOUND_PERCENT);
  (*n_failed)++;
}

static void
test_corpus (void)
{
  static const CpdScoreField found_fields[] = {
    CPD_SCORE_FIELD_TITLE,
    CPD_SCORE_FIELD_START,
    CPD_SCORE_FIELD_END,
    CPD_SCORE_FIELD_VENUE,
  };
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "data", "pages", NULL);
  g_autoptr (CpdScore) score = cpd_score_new ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  g_autofree char *table = NULL;
  CpdScoreCount    total;
  guint            n_failed = 0;

  g_assert_true (cpd_score_add_dir (score, dir, &error));
  g_assert_no_error (error);

  table = cpd_score_format (score, FALSE);
  lines = g_strsplit (table, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    g_test_message ("%s", lines[i]);

  g_assert_cmpuint (cpd_score_get_n_pages (score), >=, 40);
  g_assert_cmpuint (cpd_score_get_n_errors (score), ==, 0);

  for (guint i = 0; i < CPD_SCORE_N_FIELDS; i++)
    {
      const CpdScoreCount *count = cpd_score_get_count (score, i);

      if (count->wrong == 0 && count->invented == 0)
        continue;

      g_test_message ("FAIL %s: %u wrong, %u invented", cpd_score_field_name (i), count->wrong,
                      count->invented);
      n_failed++;
    }

  for (guint i = 0; i < G_N_ELEMENTS (found_fields); i++)
    check_found_share (cpd_score_field_name (found_fields[i]),
                       cpd_score_get_count (score, found_fields[i]), &n_failed);

  total = cpd_score_get_total (score);
  check_found_share ("overall", &total, &n_failed);

  if (n_failed > 0)
    g_test_fail_printf ("%u checks failed, listed above", n_failed);
}

int
main (int   argc,
      char *argv[])
{
  /* The table holds page text in any language: print it in the user's charset, not ASCII. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/corpus/score", test_corpus);

  return g_test_run ();
}
