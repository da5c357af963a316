/* test-sections.c: heading ids and the outline model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cpd-slug-private.h"
#include "cpd-test-utils.h"

static void
test_slugify (void)
{
  static const struct
  {
    const char *text;
    const char *slug;
  } cases[] = {
    { "Container Plumbing Days 2024", "container-plumbing-days-2024" },
    { "Container Plumbing?", "container-plumbing" },
    { "Conduct", "conduct" },
    { "What's new: v2.0 (beta)!", "whats-new-v20-beta" },
    { "snake_case and-hyphen", "snake_case-and-hyphen" },
    { "  two  spaces ", "--two--spaces-" },
    { "Ünïcödé Straße", "ünïcödé-straße" },
    { "Привет мир", "привет-мир" },
    { "日本語の見出し", "日本語の見出し" },
    { "שלום עולם", "שלום-עולם" },
    { "🎉🎉", "" },
    { "\"<script>\" </h2>", "script-h2" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slug = cpd_slugify (cases[i].text);

      g_assert_cmpstr (slug, ==, cases[i].slug);
    }
}

static void
test_slugify_cap (void)
{
  g_autoptr (GString) long_title = g_string_new (NULL);
  g_autofree char *slug = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append (long_title, "é");

  slug = cpd_slugify (long_title->str);
  g_assert_cmpuint (g_utf8_strlen (slug, -1), ==, CPD_SLUG_MAX_CHARS);
  g_assert_true (g_utf8_validate (slug, -1, NULL));
}

static void
test_slugger_unique (void)
{
  g_autoptr (CpdSlugger) slugger = cpd_slugger_new ();
  static const struct
  {
    const char *text;
    const char *slug;
  } cases[] = {
    { "Intro", "intro" },
    { "Intro", "intro-1" },
    { "Intro 1", "intro-1-1" }, /* "intro-1" is taken by the repeat */
    { "Intro", "intro-2" },
    { "", "section" },
    { "🎉", "section-1" },
    { "Section", "section-2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slug = cpd_slugger_slug (slugger, cases[i].text);

      g_assert_cmpstr (slug, ==, cases[i].slug);
    }
}

static void
test_sections_bundled (void)
{
  g_autoptr (CpdDocument) document = cpd_test_load_bundled ();
  GListModel *sections = cpd_document_get_sections (document);
  const char *html = cpd_document_get_html (document);
  static const struct
  {
    const char *title;
    const char *id;
  } expected[] = {
    { "Container Plumbing Days 2024", "container-plumbing-days-2024" },
    { "Container Plumbing?", "container-plumbing" },
    { "Conduct", "conduct" },
    { "Sponsors", "sponsors" },
  };

  g_assert_true (g_list_model_get_item_type (sections) == CPD_TYPE_SECTION);
  g_assert_cmpuint (g_list_model_get_n_items (sections), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr (CpdSection) section = g_list_model_get_item (sections, i);
      g_autofree char *tag = NULL;
      g_autofree char *title = NULL;
      g_autofree char *id = NULL;
      guint            level = 0;

      g_assert_cmpstr (cpd_section_get_title (section), ==, expected[i].title);
      g_assert_cmpstr (cpd_section_get_id (section), ==, expected[i].id);
      g_assert_cmpuint (cpd_section_get_level (section), ==, 2);

      /* The same through properties, which the sidebar binds to. */
      g_object_get (section, "title", &title, "id", &id, "level", &level, NULL);
      g_assert_cmpstr (title, ==, expected[i].title);
      g_assert_cmpstr (id, ==, expected[i].id);
      g_assert_cmpuint (level, ==, 2);

      tag = g_strdup_printf ("<h2 id=\"%s\">%s</h2>\n", expected[i].id, expected[i].title);
      g_assert_nonnull (strstr (html, tag));
    }

  g_assert_null (strstr (html, "<h2>"));
}

/* Ids from outside the page (a saved position, a link's fragment) are looked up, not trusted. */
static void
test_find_section (void)
{
  g_autoptr (CpdDocument) document =
    cpd_test_load_string ("# Intro\n\n## Talks\n\n## Talks\n\n## Über uns\n", NULL);
  guint position = G_MAXUINT;

  g_assert_true (cpd_document_find_section (document, "intro", &position));
  g_assert_cmpuint (position, ==, 0);
  g_assert_true (cpd_document_find_section (document, "talks-1", &position));
  g_assert_cmpuint (position, ==, 2);
  g_assert_true (cpd_document_find_section (document, "über-uns", &position));
  g_assert_cmpuint (position, ==, 3);
  g_assert_true (cpd_document_find_section (document, "talks", NULL));

  /* Not there: the position is left alone. */
  position = G_MAXUINT;
  g_assert_false (cpd_document_find_section (document, "nowhere", &position));
  g_assert_false (cpd_document_find_section (document, "", &position));
  g_assert_false (cpd_document_find_section (document, "Talks", &position));
  g_assert_cmpuint (position, ==, G_MAXUINT);
}

static void
test_sections_levels_and_markup (void)
{
  g_autoptr (CpdDocument) document = NULL;
  GListModel *sections;
  const char *html;
  static const struct
  {
    const char *title;
    const char *id;
    guint       level;
  } expected[] = {
    { "One", "one", 1 },
    { "Two with emphasis and code", "two-with-emphasis-and-code", 2 },
    { "Three", "three", 3 },
    { "Four", "four", 4 },
    { "Five", "five", 5 },
    { "Six linked", "six-linked", 6 },
    { "Setext", "setext", 1 },
    { "Quoted", "quoted", 2 },
    { "One", "one-1", 1 },
    { "Untitled Section", "section", 2 }, /* "##" alone: labelled, so no row is blank */
  };

  document =
    cpd_test_load_string ("# One\n## Two *with emphasis* and `code`\n### Three\n#### Four\n"
                          "##### Five\n###### Six [linked](https://example.org)\n\n"
                          "Setext\n======\n\n> ## Quoted\n\n# One\n\n##\n",
                          NULL);
  sections = cpd_document_get_sections (document);
  html = cpd_document_get_html (document);

  g_assert_cmpuint (g_list_model_get_n_items (sections), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr (CpdSection) section = g_list_model_get_item (sections, i);

      g_assert_cmpstr (cpd_section_get_title (section), ==, expected[i].title);
      g_assert_cmpstr (cpd_section_get_id (section), ==, expected[i].id);
      g_assert_cmpuint (cpd_section_get_level (section), ==, expected[i].level);
    }

  g_assert_nonnull (strstr (html,
                            "<h2 id=\"two-with-emphasis-and-code\">Two <em>with emphasis</em> "
                            "and <code>code</code></h2>"));
  g_assert_nonnull (strstr (html, "<h6 id=\"six-linked\">Six <a href=\"https://example.org\">"
                                  "linked</a></h6>"));
  g_assert_nonnull (strstr (html, "<blockquote>\n<h2 id=\"quoted\">Quoted</h2>"));
  g_assert_nonnull (strstr (html, "<h2 id=\"section\"></h2>"));
  g_assert_cmpstr (cpd_document_get_title (document), ==, "One");
}

static void
test_sections_ids_among_tags (void)
{
  /* Ids go into heading tags only: not <hr>, not escaped "<h1>" in text or code, also
   * when a heading tag ends the body or sits across the 16-byte steps of the search. */
  g_autoptr (CpdDocument) document =
    cpd_test_load_string ("***\n\n# After a rule\n\nText with `<h1>` and <h2> and &lt;h3&gt;.\n\n"
                          "***\n## a\n### b\n#### c\n***\n###### Last\n",
                          NULL);
  const char *html = cpd_document_get_html (document);

  g_assert_nonnull (strstr (html, "<hr />\n<h1 id=\"after-a-rule\">After a rule</h1>"));
  g_assert_nonnull (strstr (html, "<code>&lt;h1&gt;</code>"));
  g_assert_nonnull (strstr (html, "<h2 id=\"a\">a</h2>\n<h3 id=\"b\">b</h3>\n<h4 id=\"c\">c</h4>"));
  g_assert_nonnull (strstr (html, "<hr />\n<h6 id=\"last\">Last</h6>\n"));
  g_assert_null (strstr (html, "<hr id="));
}

static void
test_sections_none (void)
{
  g_autoptr (CpdDocument) document = cpd_test_load_string ("Just a paragraph.\n", NULL);

  g_assert_cmpuint (g_list_model_get_n_items (cpd_document_get_sections (document)), ==, 0);
  g_assert_null (cpd_document_get_title (document));
  g_assert_nonnull (strstr (cpd_document_get_html (document), "<title></title>"));
}

static void
test_title_front_matter (void)
{
  g_autoptr (CpdDocument) document = cpd_test_load_data ("two-day.md");
  GListModel *sections = cpd_document_get_sections (document);
  g_autoptr (CpdSection) last = NULL;

  g_assert_cmpstr (cpd_document_get_title (document), ==, "Plumbing Summit: Two Days");
  g_assert_cmpuint (g_list_model_get_n_items (sections), ==, 3);
  last = g_list_model_get_item (sections, 2);
  g_assert_cmpstr (cpd_section_get_id (last), ==, "welcome-to-the-plumbing-summit-1");
}

static void
test_sections_model (void)
{
  /* The outline as a list model: its items are the sections, in order, the same object each
   * time a view asks. */
  g_autoptr (CpdDocument) document =
    cpd_test_load_string ("# Intro\n\nText.\n\n### Details\n\nMore.\n", NULL);
  GListModel *model = cpd_document_get_sections (document);
  g_autoptr (CpdSection) first = NULL;
  g_autoptr (CpdSection) again = NULL;
  g_autoptr (CpdSection) second = NULL;
  guint position = 0;

  g_assert_true (g_list_model_get_item_type (model) == CPD_TYPE_SECTION);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  first = g_list_model_get_item (model, 0);
  again = g_list_model_get_item (model, 0);
  g_assert_true (first == again);
  g_assert_cmpstr (cpd_section_get_title (first), ==, "Intro");

  second = g_list_model_get_item (model, 1);
  g_assert_cmpstr (cpd_section_get_id (second), ==, "details");
  g_assert_cmpuint (cpd_section_get_level (second), ==, 3);
  g_assert_true (cpd_document_find_section (document, "details", &position));
  g_assert_cmpuint (position, ==, 1);
  g_assert_false (cpd_document_find_section (document, "missing", NULL));

  g_assert_null (g_list_model_get_item (model, 2));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sections/slugify", test_slugify);
  g_test_add_func ("/sections/model", test_sections_model);
  g_test_add_func ("/sections/slugify-cap", test_slugify_cap);
  g_test_add_func ("/sections/slugger-unique", test_slugger_unique);
  g_test_add_func ("/sections/bundled", test_sections_bundled);
  g_test_add_func ("/sections/find", test_find_section);
  g_test_add_func ("/sections/levels-and-markup", test_sections_levels_and_markup);
  g_test_add_func ("/sections/ids-among-tags", test_sections_ids_among_tags);
  g_test_add_func ("/sections/none", test_sections_none);
  g_test_add_func ("/sections/title-front-matter", test_title_front_matter);

  return g_test_run ();
}
