/* test-hostile.c: odd and hostile pages load or fail cleanly, and never inject markup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cpd-slug-private.h"
#include "cpd-test-utils.h"

/* Every element the page may contain comes from cmark or our template: anything else
 * means input reached the HTML unescaped. */
static void
assert_safe_html (const char *html)
{
  static const char *forbidden[] = {
    "<script",
    "<iframe",
    "<object",
    "<embed",
    "<svg",
    "<math",
    "<form",
    "<input",
    "<style>\n<",
    "<base",
    "<meta http-equiv=\"refresh",
    " onerror",
    " onload",
    " onclick",
    "javascript:",
  };
  const char *body = strstr (html, "<main");

  g_assert_true (g_utf8_validate (html, -1, NULL));
  g_assert_nonnull (body);
  body += strlen ("<main");
  for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
    g_assert_null (strstr (html, forbidden[i]));

  /* The template's own head appears once: the body cannot close it or open another. */
  g_assert_true (strstr (html, "<head>") == g_strrstr (html, "<head>"));
  g_assert_true (strstr (body, "</main>") == g_strrstr (body, "</main>"));
  g_assert_null (strstr (body, "<main"));
}

static void
assert_sections_valid (CpdDocument *document)
{
  GListModel *sections = cpd_document_get_sections (document);
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  const char *html = cpd_document_get_html (document);
  guint       n = g_list_model_get_n_items (sections);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CpdSection) section = g_list_model_get_item (sections, i);
      const char *id = cpd_section_get_id (section);

      g_assert_cmpstr (id, !=, "");
      g_assert_true (g_utf8_validate (id, -1, NULL));
      g_assert_true (g_utf8_validate (cpd_section_get_title (section), -1, NULL));
      for (const char *p = id; *p; p++)
        g_assert_true (!g_ascii_isspace (*p) && *p != '"' && *p != '<' && *p != '>' && *p != '&');
      g_assert_false (g_hash_table_contains (ids, id));
      g_hash_table_add (ids, (gpointer) id);
      g_assert_cmpuint (cpd_section_get_level (section), >=, 1);
      g_assert_cmpuint (cpd_section_get_level (section), <=, 6);
    }

  /* Every heading in the HTML carries its id. */
  for (int level = 1; level <= 6; level++)
    {
      char tag[5];

      g_snprintf (tag, sizeof tag, "<h%d>", level);
      g_assert_null (strstr (html, tag));
    }
}

static void
test_no_headings (void)
{
  g_autoptr (CpdDocument) document = cpd_test_load_string ("plain text\n\n* a list\n\n---\n", NULL);

  g_assert_cmpuint (g_list_model_get_n_items (cpd_document_get_sections (document)), ==, 0);
  assert_safe_html (cpd_document_get_html (document));
}

static void
test_many_headings (void)
{
  g_autoptr (GString) page = g_string_new (NULL);
  g_autoptr (CpdDocument) document = NULL;
  GListModel *sections;
  g_autoptr (CpdSection) last = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (page, "%.*s Same title\n", (int) (i % 6) + 1, "######");

  document = cpd_test_load_string (page->str, NULL);
  sections = cpd_document_get_sections (document);

  g_assert_cmpuint (g_list_model_get_n_items (sections), ==, 10000);
  last = g_list_model_get_item (sections, 9999);
  g_assert_cmpstr (cpd_section_get_id (last), ==, "same-title-9999");
  assert_sections_valid (document);
  assert_safe_html (cpd_document_get_html (document));
}

static void
test_hostile_headings (void)
{
  static const char *headings[] = {
    "# \"Quoted\" 'single' \"\"\"\"\n",
    "# <script>alert(1)</script>\n",
    "# </h2><script>alert(2)</script><h2>\n",
    "## Close </h2> early\n",
    "# \" onmouseover=\"alert(3)\n",
    "# Emoji 🎉🚀 party 👩‍👩‍👧\n",
    "# 🎉\n",
    "# עברית ومرحبا RTL \xe2\x80\x8f marks \xe2\x80\xae override\n",
    "# Zero\xe2\x80\x8bwidth\n",
    "# &lt;entities&gt; &amp; &#60;script&#62;\n",
    "# [link](javascript:alert(4))\n",
    "# ![img](x \"<script>\")\n",
    "# `<code>`\n",
    "#\n",
  };
  g_autoptr (GString) page = g_string_new (NULL);
  g_autoptr (CpdDocument) document = NULL;
  GListModel *sections;
  const char *html;

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    g_string_append_printf (page, "%s\ntext\n\n", headings[i]);

  document = cpd_test_load_string (page->str, "https://example.org/");
  sections = cpd_document_get_sections (document);
  html = cpd_document_get_html (document);

  g_assert_cmpuint (g_list_model_get_n_items (sections), ==, G_N_ELEMENTS (headings));
  assert_sections_valid (document);
  assert_safe_html (html);

  {
    g_autoptr (CpdSection) s = g_list_model_get_item (sections, 2);

    /* Raw HTML is left out of titles, as it is left out of the page. */
    g_assert_cmpstr (cpd_section_get_title (s), ==, "alert(2)");
  }
  {
    g_autoptr (CpdSection) s = g_list_model_get_item (sections, 5);

    g_assert_cmpstr (cpd_section_get_title (s), ==, "Emoji 🎉🚀 party 👩‍👩‍👧");
    g_assert_cmpstr (cpd_section_get_id (s), ==, "emoji--party-");
  }
  {
    g_autoptr (CpdSection) s = g_list_model_get_item (sections, 9);

    g_assert_cmpstr (cpd_section_get_title (s), ==, "<entities> & <script>");
  }
  g_assert_nonnull (strstr (html, "&lt;entities&gt; &amp; &lt;script&gt;"));
  g_assert_nonnull (strstr (html, "<code>&lt;code&gt;</code>"));
}

static void
test_long_line (void)
{
  gsize length = 1024 * 1024;
  g_autoptr (GString) page = g_string_new ("# ");
  g_autoptr (CpdDocument) document = NULL;
  g_autoptr (CpdSection) section = NULL;

  for (gsize i = 0; i < length; i++)
    g_string_append_c (page, "a <b>&\"'*_[]()`\\#"[i % 18]);
  g_string_append (page, "\n\n");
  for (gsize i = 0; i < length; i++)
    g_string_append_c (page, "x<script>"[i % 9]);

  document = cpd_test_load_string (page->str, NULL);
  section = g_list_model_get_item (cpd_document_get_sections (document), 0);
  g_assert_nonnull (section);
  g_assert_cmpuint (g_utf8_strlen (cpd_section_get_id (section), -1), <=, CPD_SLUG_MAX_CHARS);
  assert_sections_valid (document);
  assert_safe_html (cpd_document_get_html (document));
}

static void
test_binary_junk (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (0xc0ffee);

  for (guint round = 0; round < 200; round++)
    {
      gsize   length = g_rand_int_range (rand, 1, 64 * 1024);
      guchar *data = g_malloc (length);
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (CpdDocument) document = NULL;
      gboolean has_nul;

      for (gsize i = 0; i < length; i++)
        {
          /* Half the rounds without NUL bytes, so they reach the parser. */
          data[i] = g_rand_int_range (rand, round % 2 ? 1 : 0, 256);
        }
      has_nul = memchr (data, 0, length) != NULL;
      bytes = g_bytes_new_take (data, length);

      document = cpd_document_new_from_bytes (bytes, "https://example.org/", &error);
      if (has_nul)
        {
          g_assert_error (error, CPD_DOCUMENT_ERROR, CPD_DOCUMENT_ERROR_NOT_TEXT);
          continue;
        }

      g_assert_no_error (error);
      assert_sections_valid (document);
      assert_safe_html (cpd_document_get_html (document));
      g_free (cpd_event_format_dates (cpd_document_get_event (document)));
      g_free (cpd_event_to_icalendar (cpd_document_get_event (document), NULL, NULL));
    }
}

static void
test_markdown_junk (void)
{
  /* Deep nesting and delimiter storms are cmark's classic slow or crashing inputs. */
  g_autoptr (GString) page = g_string_new (NULL);
  g_autoptr (CpdDocument) document = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append (page, "> ");
  g_string_append (page, "deep\n\n");
  for (guint i = 0; i < 5000; i++)
    g_string_append (page, "* ");
  g_string_append (page, "lists\n\n");
  for (guint i = 0; i < 20000; i++)
    g_string_append (page, "*_[`<");
  g_string_append (page, "\n\n");
  for (guint i = 0; i < 20000; i++)
    g_string_append (page, "[a](");
  g_string_append (page, "\n");

  document = cpd_test_load_string (page->str, NULL);
  assert_safe_html (cpd_document_get_html (document));
}

static void
test_hostile_front_matter (void)
{
  g_autoptr (CpdDocument) document =
    cpd_test_load_string ("---\ntitle: \"</title><script>alert(1)</script>\xff\"\n"
                          "url: \"https://example.org/\\\"><script>\"\n"
                          "date: 2024-99-99\n---\n# x\n",
                          NULL);
  const char *html = cpd_document_get_html (document);

  assert_safe_html (html);
  g_assert_true (g_utf8_validate (cpd_document_get_title (document), -1, NULL));
  g_assert_nonnull (strstr (html, "<title>&lt;/title&gt;&lt;script&gt;"));
  g_assert_null (cpd_document_get_site_url (document));
  g_assert_null (cpd_event_get_start_date (cpd_document_get_event (document)));
}

static void
test_hostile_site_url (void)
{
  /* GUri would decode the host, and relative links would carry it decoded. */
  g_autoptr (CpdDocument) document = cpd_test_load_string ("[v](/videos)\n", "https://ex%20ample.org/");

  g_assert_null (cpd_document_get_site_url (document));
  g_assert_cmpuint (cpd_document_get_links (document)->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile/no-headings", test_no_headings);
  g_test_add_func ("/hostile/many-headings", test_many_headings);
  g_test_add_func ("/hostile/headings", test_hostile_headings);
  g_test_add_func ("/hostile/long-line", test_long_line);
  g_test_add_func ("/hostile/binary-junk", test_binary_junk);
  g_test_add_func ("/hostile/markdown-junk", test_markdown_junk);
  g_test_add_func ("/hostile/front-matter", test_hostile_front_matter);
  g_test_add_func ("/hostile/site-url", test_hostile_site_url);

  return g_test_run ();
}
