/* test-arena.c: the region allocator the document core parses into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cpd-arena-private.h"

static void
test_allocations (void)
{
  g_autoptr (CpdArena) arena = cpd_arena_new ();
  cmark_mem *mem = cpd_arena_get_mem (arena);
  guint8    *zeroed = mem->calloc (100, 3);
  char      *grown = mem->calloc (1, 8);
  char      *big;

  /* calloc() clears, and every allocation is aligned for any type. */
  for (guint i = 0; i < 300; i++)
    g_assert_cmpuint (zeroed[i], ==, 0);
  g_assert_cmpuint (GPOINTER_TO_SIZE (zeroed) % 16, ==, 0);

  /* A buffer grown by realloc() keeps its contents, in place or moved. */
  memcpy (grown, "arena", 6);
  mem->calloc (1, 24);
  grown = mem->realloc (grown, 4000);
  g_assert_cmpstr (grown, ==, "arena");
  grown = mem->realloc (grown, 8000);
  g_assert_cmpstr (grown, ==, "arena");
  g_assert_cmpuint (GPOINTER_TO_SIZE (grown) % 16, ==, 0);

  /* Large allocations get their own block and come back at once when freed. */
  big = mem->realloc (NULL, 1024 * 1024);
  memset (big, 'x', 1024 * 1024);
  big = mem->realloc (big, 4 * 1024 * 1024);
  g_assert_cmpint (big[1024 * 1024 - 1], ==, 'x');
  g_assert_cmpuint (cpd_arena_get_size (arena), >, 4 * 1024 * 1024);
  mem->free (big);
  g_assert_cmpuint (cpd_arena_get_size (arena), <, 1024 * 1024);

  mem->free (NULL);
}

static void
test_parse (void)
{
  static const char page[] = "# Title\n\nSome *text* with [a link](https://example.org/).\n";

  for (guint round = 0; round < 3; round++)
    {
      /* The second and third rounds reuse the first one's chunks. */
      g_autoptr (CpdArena) arena = cpd_arena_new ();
      cmark_parser *parser =
        cmark_parser_new_with_mem (CMARK_OPT_DEFAULT, cpd_arena_get_mem (arena));
      cmark_node *root;
      char       *html;

      cmark_parser_feed (parser, page, strlen (page));
      root = cmark_parser_finish (parser);
      cmark_parser_free (parser);

      html = cmark_render_html (root, CMARK_OPT_DEFAULT);
      g_assert_cmpstr (html, ==,
                       "<h1>Title</h1>\n<p>Some <em>text</em> with <a "
                       "href=\"https://example.org/\">a link</a>.</p>\n");
    }
}

static void
test_nesting (void)
{
  CpdArena *outer = cpd_arena_new ();
  CpdArena *inner;
  char     *outer_text = cpd_arena_get_mem (outer)->calloc (1, 16);
  char     *inner_text;

  /* While an inner arena is alive, cmark's callbacks allocate from it; then from the
   * outer one again. */
  inner = cpd_arena_new ();
  inner_text = cpd_arena_get_mem (inner)->calloc (1, 16);
  strcpy (inner_text, "inner");
  g_assert_cmpuint (cpd_arena_get_size (inner), >, 0);
  cpd_arena_free (inner);

  strcpy (outer_text, "outer");
  outer_text = cpd_arena_get_mem (outer)->realloc (outer_text, 64);
  g_assert_cmpstr (outer_text, ==, "outer");
  cpd_arena_free (outer);
}

static gpointer
parse_in_thread (gpointer data)
{
  test_parse ();

  return NULL;
}

static void
test_threads (void)
{
  GThread *threads[4];

  /* Each thread has its own current arena and spare chunks, freed when it ends. */
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("parse", parse_in_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/arena/allocations", test_allocations);
  g_test_add_func ("/arena/parse", test_parse);
  g_test_add_func ("/arena/nesting", test_nesting);
  g_test_add_func ("/arena/threads", test_threads);

  return g_test_run ();
}
