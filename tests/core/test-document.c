/* test-document.c: loading, limits, front matter, rendering and links
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cpd-front-matter-private.h"
#include "cpd-test-utils.h"

static void
assert_load_error (const char *data,
                   gsize       length,
                   GQuark      domain,
                   int         code)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, length);
  g_autoptr (GError) error = NULL;
  g_autoptr (CpdDocument) document = NULL;

  document = cpd_document_new_from_bytes (bytes, NULL, &error);
  g_assert_error (error, domain, code);
  g_assert_null (document);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_load_bytes (void)
{
  g_autoptr (CpdDocument) document = cpd_test_load_string ("# Hello\n\nWorld.\n", NULL);

  g_assert_cmpstr (cpd_document_get_title (document), ==, "Hello");
  g_assert_null (cpd_document_get_site_url (document));
  g_assert_nonnull (strstr (cpd_document_get_html (document), "<p>World.</p>"));
  g_assert_nonnull (cpd_document_get_event (document));
}

static void
test_load_empty (void)
{
  assert_load_error ("", 0, CPD_DOCUMENT_ERROR, CPD_DOCUMENT_ERROR_EMPTY);
}

static void
test_load_not_text (void)
{
  static const char data[] = "# Title\n\0\x01\x02 binary";

  assert_load_error (data, sizeof data - 1, CPD_DOCUMENT_ERROR, CPD_DOCUMENT_ERROR_NOT_TEXT);
}

static void
test_load_too_large (void)
{
  gsize            length = CPD_DOCUMENT_MAX_SIZE + 1;
  g_autofree char *data = g_malloc (length);

  memset (data, 'a', length);
  assert_load_error (data, length, CPD_DOCUMENT_ERROR, CPD_DOCUMENT_ERROR_TOO_LARGE);
}

static void
test_load_largest (void)
{
  /* Exactly at the cap is fine. */
  gsize length = CPD_DOCUMENT_MAX_SIZE;
  char *data = g_malloc (length);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (CpdDocument) document = NULL;

  for (gsize i = 0; i < length; i++)
    data[i] = (i % 80 == 79) ? '\n' : 'a' + i % 26;
  bytes = g_bytes_new_take (data, length);

  document = cpd_test_load_bytes (bytes, NULL);
}

static void
test_load_invalid_utf8 (void)
{
  g_autoptr (CpdDocument) document =
    cpd_test_load_string ("# Bad \xff\xfe bytes\n\nText \xc3\n", NULL);
  const char *html = cpd_document_get_html (document);
  CpdSection *section;

  g_assert_true (g_utf8_validate (html, -1, NULL));
  g_assert_true (g_utf8_validate (cpd_document_get_title (document), -1, NULL));
  g_assert_nonnull (strstr (html, "\xef\xbf\xbd")); /* U+FFFD */

  section = g_list_model_get_item (cpd_document_get_sections (document), 0);
  g_assert_true (g_utf8_validate (cpd_section_get_title (section), -1, NULL));
  g_object_unref (section);
}

static void
test_load_file (void)
{
  g_autoptr (CpdDocument) document = cpd_test_load_data ("two-day.md");

  g_assert_cmpstr (cpd_document_get_title (document), ==, "Plumbing Summit: Two Days");
}

static void
test_load_missing_file (void)
{
  g_autoptr (GFile) file = cpd_test_data_file ("does-not-exist.md");
  g_autoptr (GError) error = NULL;
  g_autoptr (CpdDocument) document = NULL;

  document = cpd_document_new_from_file (file, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (document);
}

static void
test_load_directory (void)
{
  g_autoptr (GFile) file = cpd_test_data_file (".");
  g_autoptr (GError) error = NULL;
  g_autoptr (CpdDocument) document = NULL;

  document = cpd_document_new_from_file (file, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_null (document);
}

/* A new temporary file of @n_chunks times @chunk_size bytes of @byte. */
static GFile *
new_tmp_file (char  byte,
              gsize chunk_size,
              guint n_chunks)
{
  g_autoptr (GFileIOStream) stream = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *chunk = g_malloc (chunk_size);
  GFile           *file = g_file_new_tmp ("cpd-test-XXXXXX.md", &stream, &error);
  GOutputStream   *out;

  g_assert_no_error (error);
  out = g_io_stream_get_output_stream (G_IO_STREAM (stream));
  memset (chunk, byte, chunk_size);
  for (guint i = 0; i < n_chunks; i++)
    {
      g_output_stream_write_all (out, chunk, chunk_size, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  g_io_stream_close (G_IO_STREAM (stream), NULL, &error);
  g_assert_no_error (error);

  return file;
}

static void
assert_file_error (GFile *file,
                   int    code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CpdDocument) document = cpd_document_new_from_file (file, NULL, &error);

  g_assert_error (error, CPD_DOCUMENT_ERROR, code);
  g_assert_null (document);
  g_file_delete (file, NULL, NULL);
}

static void
test_load_empty_file (void)
{
  g_autoptr (GFile) file = new_tmp_file ('x', 1, 0);

  assert_file_error (file, CPD_DOCUMENT_ERROR_EMPTY);
}

static void
test_load_large_file (void)
{
  g_autoptr (GFile) file =
    new_tmp_file ('x', 1024 * 1024, CPD_DOCUMENT_MAX_SIZE / (1024 * 1024) + 1);

  assert_file_error (file, CPD_DOCUMENT_ERROR_TOO_LARGE);
}

static void
test_load_resource (void)
{
  g_autoptr (CpdDocument) document = cpd_test_load_bundled ();

  /* The bundled page's front matter has no title or URL: both come from elsewhere. */
  g_assert_cmpstr (cpd_document_get_front_matter (document, "layout"), ==, "default");
  g_assert_cmpstr (cpd_document_get_title (document), ==, "Container Plumbing Days 2024");
  g_assert_cmpstr (cpd_document_get_site_url (document), ==, "https://containerplumbing.org/");
  g_assert_cmpstr (cpd_document_get_lang (document), ==, "en");
  g_assert_nonnull (strstr (cpd_document_get_html (document), "<html lang=\"en\">"));
}

static void
test_load_missing_resource (void)
{
  g_autoptr (GFile) file = g_file_new_for_uri ("resource:///org/example/CPD/content/nope.md");
  g_autoptr (GError) error = NULL;
  g_autoptr (CpdDocument) document = NULL;

  document = cpd_document_new_from_file (file, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_sidecar (void)
{
  g_autoptr (CpdDocument) document = cpd_test_load_data ("with-sidecar.md");
  GPtrArray *links = cpd_document_get_links (document);

  g_assert_cmpstr (cpd_document_get_site_url (document), ==, "https://sidecar.example.net/docs/");
  g_assert_cmpstr (cpd_document_get_lang (document), ==, "de");
  g_assert_nonnull (strstr (cpd_document_get_html (document), "<html lang=\"de\">"));

  g_assert_cmpuint (links->len, ==, 2);
  g_assert_cmpstr (((CpdLink *) links->pdata[0])->url, ==,
                   "https://sidecar.example.net/docs/handbuch");
  g_assert_cmpstr (((CpdLink *) links->pdata[1])->url, ==, "https://sidecar.example.net/");
}

static void
test_sidecar_broken (void)
{
  g_autoptr (CpdDocument) document = cpd_test_load_data ("broken-sidecar.md");
  const char *html = cpd_document_get_html (document);

  g_assert_null (cpd_document_get_site_url (document));
  g_assert_cmpstr (cpd_document_get_lang (document), ==, "");
  /* Without a site URL the relative link keeps its text but is no link. */
  g_assert_cmpuint (cpd_document_get_links (document)->len, ==, 0);
  g_assert_nonnull (strstr (html, "A relative link with no site URL"));
  g_assert_null (strstr (html, "<a "));
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static CpdDocument *
load_async_and_wait (GFile        *file,
                     GCancellable *cancellable,
                     GError      **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GObject) source = NULL;

  cpd_document_load_async (file, cancellable, loaded_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  /* Callers name the file that failed from the result. */
  source = g_async_result_get_source_object (result);
  g_assert_true (source == G_OBJECT (file));

  return cpd_document_load_finish (result, error);
}

static void
test_load_async (void)
{
  g_autoptr (GFile) file = g_file_new_for_uri (CPD_TEST_BUNDLED_URI);
  g_autoptr (GError) error = NULL;
  g_autoptr (CpdDocument) document = NULL;
  g_autoptr (GFile) missing = cpd_test_data_file ("missing.md");

  document = load_async_and_wait (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cpd_document_get_title (document), ==, "Container Plumbing Days 2024");
  g_assert_cmpuint (g_list_model_get_n_items (cpd_document_get_sections (document)), ==, 4);

  g_clear_object (&document);
  document = load_async_and_wait (missing, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (document);
}

static void
test_load_async_cancelled (void)
{
  g_autoptr (GFile) file = g_file_new_for_uri (CPD_TEST_BUNDLED_URI);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (CpdDocument) document = NULL;

  g_cancellable_cancel (cancellable);
  document = load_async_and_wait (file, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (document);
}

static void
test_front_matter (void)
{
  g_autoptr (GError) error = NULL;
  static const char page[] = "\xef\xbb\xbf---\r\n"
                             "layout: post\r\n"
                             "title: \"Quoted: \\\"yes\\\"\"\r\n"
                             "subtitle: 'It''s single'\r\n"
                             "plain: value # a comment\r\n"
                             "url: https://example.org\r\n"
                             "# comment: no\r\n"
                             "nested:\r\n"
                             "  child: no\r\n"
                             "list:\r\n"
                             "  - no\r\n"
                             "block: |\r\n"
                             "  yes\r\n"
                             "---\r\n"
                             "# Body\r\n";
  g_autoptr (CpdFrontMatter) table = NULL;
  gsize body_offset;

  table = cpd_front_matter_parse (page, strlen (page), &body_offset, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (page + body_offset, ==, "# Body\r\n");
  g_assert_cmpstr (cpd_front_matter_lookup (table, "layout"), ==, "post");
  g_assert_cmpstr (cpd_front_matter_lookup (table, "title"), ==, "Quoted: \"yes\"");
  g_assert_cmpstr (cpd_front_matter_lookup (table, "subtitle"), ==, "It's single");
  g_assert_cmpstr (cpd_front_matter_lookup (table, "plain"), ==, "value");
  g_assert_cmpstr (cpd_front_matter_lookup (table, "url"), ==, "https://example.org");
  g_assert_null (cpd_front_matter_lookup (table, "nested"));
  g_assert_null (cpd_front_matter_lookup (table, "child"));
  g_assert_null (cpd_front_matter_lookup (table, "list"));
  g_assert_cmpstr (cpd_front_matter_lookup (table, "block"), ==, "yes\n");
  g_assert_null (cpd_front_matter_lookup (table, "# comment"));
  g_assert_cmpuint (g_hash_table_size (table), ==, 6);
}

static void
test_front_matter_repeated_key (void)
{
  static const char page[] = "---\ntitle: First\nlayout: x\ntitle: 'Last'\n---\nBody";
  g_autoptr (CpdFrontMatter) table = NULL;
  gsize body_offset;

  /* As in YAML loaders Jekyll uses, the last line that gives a key wins. */
  table = cpd_front_matter_parse (page, strlen (page), &body_offset, NULL);
  g_assert_cmpstr (cpd_front_matter_lookup (table, "title"), ==, "Last");
  g_assert_cmpstr (cpd_front_matter_lookup (table, "layout"), ==, "x");
  g_assert_null (cpd_front_matter_lookup (table, "titl"));
  g_assert_null (cpd_front_matter_lookup (table, "title "));
}

static void
test_front_matter_none (void)
{
  static const char *pages[] = {
    "# Just a page\n", "--- not a fence\ntitle: x\n---\n", "\n---\ntitle: x\n---\n",
    "---", /* a fence and nothing else */
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr (CpdFrontMatter) table = NULL;
      gsize body_offset = 42;

      table = cpd_front_matter_parse (pages[i], strlen (pages[i]), &body_offset, NULL);
      g_assert_cmpuint (body_offset, ==, 0);
      g_assert_null (table);
    }
}

static void
test_front_matter_dots_and_empty (void)
{
  static const char page[] = "---\ntitle: Dots\n...\nBody";
  static const char empty[] = "---\n---\nBody";
  g_autoptr (CpdFrontMatter) table = NULL;
  g_autoptr (CpdFrontMatter) table2 = NULL;
  gsize body_offset;

  table = cpd_front_matter_parse (page, strlen (page), &body_offset, NULL);
  g_assert_cmpstr (page + body_offset, ==, "Body");
  g_assert_cmpstr (cpd_front_matter_lookup (table, "title"), ==, "Dots");

  /* Fences with nothing between them: front matter without keys. */
  table2 = cpd_front_matter_parse (empty, strlen (empty), &body_offset, NULL);
  g_assert_cmpstr (empty + body_offset, ==, "Body");
  g_assert_cmpuint (g_hash_table_size (table2), ==, 0);
}

static void
test_front_matter_yaml (void)
{
  static const char page[] = "---\n"
                             "title: \"Caf\\u00e9 \\x41\\t\\\"q\\\"\"\n"
                             "single: 'It''s # not a comment'\n"
                             "literal: |\n"
                             "  line one\n"
                             "  line two\n"
                             "folded: >-\n"
                             "  one\n"
                             "  two\n"
                             "anchored: &name value # a comment\n"
                             "alias: *name\n"
                             "? [a, complex, key]\n"
                             ": skipped\n"
                             "flow: {a: 1}\n"
                             "---\n"
                             "Body";
  g_autoptr (CpdFrontMatter) table = NULL;
  g_autoptr (GError) error = NULL;
  gsize body_offset;

  table = cpd_front_matter_parse (page, strlen (page), &body_offset, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cpd_front_matter_lookup (table, "title"), ==, "Café A\t\"q\"");
  g_assert_cmpstr (cpd_front_matter_lookup (table, "single"), ==, "It's # not a comment");
  g_assert_cmpstr (cpd_front_matter_lookup (table, "literal"), ==, "line one\nline two\n");
  g_assert_cmpstr (cpd_front_matter_lookup (table, "folded"), ==, "one two");
  g_assert_cmpstr (cpd_front_matter_lookup (table, "anchored"), ==, "value");
  /* Aliases are never expanded: no "billion laughs". */
  g_assert_null (cpd_front_matter_lookup (table, "alias"));
  g_assert_null (cpd_front_matter_lookup (table, "flow"));
  /* title, single, literal, folded, anchored: not the alias, the complex key or the flow. */
  g_assert_cmpuint (g_hash_table_size (table), ==, 5);
  g_assert_cmpstr (page + body_offset, ==, "Body");
}

static void
test_front_matter_invalid (void)
{
  static const char *pages[] = {
    "---\n- a list\n- not a mapping\n---\nBody",
    "---\njust a sentence\n---\nBody",
    "---\ntitle: [unclosed\n---\nBody",
    "---\ntitle: \"unterminated\n---\nBody",
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CpdDocument) document = NULL;
      g_autoptr (GBytes) bytes = g_bytes_new_static (pages[i], strlen (pages[i]));

      /* The page is not shown half-read: it does not load, and the message says why. */
      document = cpd_document_new_from_bytes (bytes, NULL, &error);
      g_assert_null (document);
      g_assert_error (error, CPD_DOCUMENT_ERROR, CPD_DOCUMENT_ERROR_FRONT_MATTER);
      g_assert_nonnull (strstr (error->message, "front matter"));
    }
}

static void
test_front_matter_too_many_keys (void)
{
  g_autoptr (GString) page = g_string_new ("---\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (CpdFrontMatter) table = NULL;
  gsize body_offset;

  for (guint i = 0; i < 300; i++)
    g_string_append_printf (page, "key%u: value\n", i);
  g_string_append (page, "---\nBody");

  table = cpd_front_matter_parse (page->str, page->len, &body_offset, &error);
  g_assert_null (table);
  g_assert_error (error, CPD_DOCUMENT_ERROR, CPD_DOCUMENT_ERROR_FRONT_MATTER);
}

static void
test_front_matter_toml_and_pelican (void)
{
  static const char toml[] = "+++\n"
                             "title = \"Caf\\u00e9\"\n"
                             "date = 2025-02-10T08:00:00+02:00\n"
                             "tags = [\"a\", \"b\"]\n"
                             "[params]\n"
                             "nested = 1\n"
                             "+++\n"
                             "Body";
  static const char pelican[] = "Title: Ein Titel: mit Doppelpunkt\n"
                                "Date: 2024-01-15 10:20\n"
                                "\n"
                                "Body";
  g_autoptr (CpdFrontMatter) table = NULL;
  g_autoptr (CpdFrontMatter) table2 = NULL;
  gsize body_offset;

  table = cpd_front_matter_parse (toml, strlen (toml), &body_offset, NULL);
  g_assert_cmpstr (cpd_front_matter_lookup (table, "title"), ==, "Café");
  g_assert_cmpstr (cpd_front_matter_lookup (table, "date"), ==, "2025-02-10T08:00:00+02:00");
  g_assert_null (cpd_front_matter_lookup (table, "tags"));
  g_assert_null (cpd_front_matter_lookup (table, "nested"));
  g_assert_cmpstr (toml + body_offset, ==, "Body");

  table2 = cpd_front_matter_parse (pelican, strlen (pelican), &body_offset, NULL);
  g_assert_cmpstr (cpd_front_matter_lookup (table2, "title"), ==, "Ein Titel: mit Doppelpunkt");
  g_assert_cmpstr (cpd_front_matter_lookup (table2, "date"), ==, "2024-01-15 10:20");
  g_assert_cmpstr (pelican + body_offset, ==, "Body");
}

static void
test_front_matter_unterminated (void)
{
  g_autoptr (CpdDocument) document = cpd_test_load_data ("unterminated.md");
  const char *html = cpd_document_get_html (document);

  g_assert_null (cpd_document_get_front_matter (document, "title"));
  g_assert_cmpstr (cpd_document_get_title (document), ==, "Still the body");
  /* The would-be front matter is text of the page, not swallowed. */
  g_assert_nonnull (strstr (html, "<hr />"));
  g_assert_nonnull (strstr (html, "title: Not front matter"));
  g_assert_nonnull (strstr (html, "keeps all its text"));
}

static void
test_front_matter_stripped (void)
{
  g_autoptr (CpdDocument) document = cpd_test_load_data ("two-day.md");
  const char *html = cpd_document_get_html (document);

  g_assert_cmpstr (cpd_document_get_front_matter (document, "layout"), ==, "post");
  g_assert_cmpstr (cpd_document_get_front_matter (document, "baseurl"), ==, "/2025");
  g_assert_null (cpd_document_get_front_matter (document, "tags"));
  g_assert_null (strstr (html, "layout: post"));
  g_assert_null (strstr (html, "containers"));
  g_assert_cmpstr (cpd_document_get_lang (document), ==, "en-GB");
}

static void
test_render_template (void)
{
  g_autoptr (CpdDocument) document = cpd_test_load_bundled ();
  const char *html = cpd_document_get_html (document);

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (html,
                            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                            "'none'; style-src 'unsafe-inline'; img-src data:\">"));
  g_assert_nonnull (strstr (html, "<title>Container Plumbing Days 2024</title>"));
  /* The stylesheet is inline: libadwaita's fonts, measure and colours. */
  g_assert_nonnull (strstr (html, "<style>"));
  g_assert_nonnull (strstr (html, "max-width: 70ch"));
  g_assert_nonnull (strstr (html, "Cantarell"));
  g_assert_nonnull (strstr (html, "prefers-color-scheme: dark"));
  g_assert_nonnull (strstr (html, "#1e1e1e"));
  g_assert_nonnull (strstr (html, "#1c71d8"));
  g_assert_nonnull (strstr (html, "#78aeed"));
  /* ... as the resource has it: readable, with its comments. */
  g_assert_nonnull (strstr (html, "\n  --view-bg: #ffffff;\n"));
  g_assert_nonnull (strstr (html, "/* libadwaita's .title-1 to .title-4 and .heading */"));
  /* Nothing is loaded from outside. */
  g_assert_null (strstr (html, "<link"));
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "src="));
  g_assert_null (strstr (html, "@import"));
  g_assert_null (strstr (html, "url("));
  g_assert_null (strstr (html, "{{"));
  g_assert_true (g_str_has_suffix (html, "</html>\n"));
}

static void
test_render_smart (void)
{
  g_autoptr (CpdDocument) document = cpd_test_load_bundled ();
  const char *html = cpd_document_get_html (document);

  /* CMARK_OPT_SMART: "we're" and the quoted "plumbing". */
  g_assert_nonnull (strstr (html, "we\xe2\x80\x99re"));
  g_assert_nonnull (strstr (html, "\xe2\x80\x9cplumbing\xe2\x80\x9d"));
  g_assert_nonnull (strstr (html, "<em>in-person</em>"));
}

static void
test_render_unsafe (void)
{
  g_autoptr (CpdDocument) document = NULL;
  const char *html;

  document = cpd_test_load_string (
    "---\ntitle: <script>alert(1)</script> & co\n---\n"
    "<script>alert(2)</script>\n\n"
    "Inline <img src=x onerror=alert(3)> html.\n\n"
    "[js](javascript:alert(4)) [vb](VBScript:x) [file](file:///etc/passwd) "
    "[data](data:text/html,<b>x</b>)\n\n"
    "![pic](data:image/png;base64,iVBORw0KGgo=) ![far](https://evil.example/x.png)\n",
    "https://example.org/");
  html = cpd_document_get_html (document);

  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<img src=x"));
  g_assert_null (strstr (html, "onerror"));
  g_assert_null (strstr (html, "javascript:"));
  g_assert_null (strstr (html, "VBScript:"));
  g_assert_null (strstr (html, "file:"));
  g_assert_null (strstr (html, "data:text"));
  g_assert_nonnull (strstr (html, "<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</title>"));
  g_assert_nonnull (strstr (html, "<!-- raw HTML omitted -->"));
  /* The dangerous links keep their text but are no links. */
  g_assert_nonnull (strstr (html, "<p>js vb file data</p>"));
  g_assert_cmpuint (cpd_document_get_links (document)->len, ==, 0);
  /* Images: data: ones stay (the CSP allows them), others are blocked by the CSP. */
  g_assert_nonnull (strstr (html, "src=\"data:image/png;base64,iVBORw0KGgo=\""));
}

static void
test_links_bundled (void)
{
  g_autoptr (CpdDocument) document = cpd_test_load_bundled ();
  const char *html = cpd_document_get_html (document);
  GPtrArray  *links = cpd_document_get_links (document);
  static const struct
  {
    const char *text;
    const char *url;
  } expected[] = {
    { "LF Events Page", "https://events.linuxfoundation.org/container-plumbing-days/" },
    { "schedule is now live",
      "https://events.linuxfoundation.org/container-plumbing-days/program/schedule/" },
    { "Seattle Convention Center, Seattle, WA",
      "https://events.linuxfoundation.org/container-plumbing-days/attend/venue-travel/" },
    { "Open Source Summit",
      "https://events.linuxfoundation.org/open-source-summit-north-america/" },
    { "videos", "https://containerplumbing.org/videos" },
    { "LF Events Code of Conduct", "https://events.linuxfoundation.org/about/code-of-conduct/" },
    { "Open Container Initiative", "https://opencontainers.org/" },
  };

  g_assert_cmpuint (links->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < links->len; i++)
    {
      CpdLink *link = g_ptr_array_index (links, i);

      g_assert_cmpstr (link->text, ==, expected[i].text);
      g_assert_cmpstr (link->url, ==, expected[i].url);
    }

  /* The page itself links absolutely too. */
  g_assert_nonnull (strstr (html, "<a href=\"https://containerplumbing.org/videos\">videos</a>"));
  g_assert_null (strstr (html, "href=\"/"));
}

static void
test_links_front_matter_url (void)
{
  g_autoptr (CpdDocument) document = cpd_test_load_data ("two-day.md");
  GPtrArray *links = cpd_document_get_links (document);

  /* Jekyll's url + baseurl; "/register" is site-absolute, "agenda.html" is not. */
  g_assert_cmpstr (cpd_document_get_site_url (document), ==, "https://summit.example.org/2025/");
  g_assert_cmpuint (links->len, ==, 3);
  g_assert_cmpstr (((CpdLink *) links->pdata[0])->url, ==, "https://summit.example.org/register");
  g_assert_cmpstr (((CpdLink *) links->pdata[1])->url, ==,
                   "https://summit.example.org/2025/agenda.html");
}

static void
test_links_special (void)
{
  g_autoptr (CpdDocument) document = NULL;
  GPtrArray  *links;
  const char *html;

  document =
    cpd_test_load_string ("# Top\n\n[up](#top) [mail](mailto:a@example.org) "
                          "[spaces](<a b/ü>) [query](?q=1&r=2) [proto](//cdn.example.org/x) "
                          "[**bold** `code`](https://example.org/x)\n",
                          "https://example.org/site");
  links = cpd_document_get_links (document);
  html = cpd_document_get_html (document);

  g_assert_cmpstr (cpd_document_get_site_url (document), ==, "https://example.org/site/");
  /* In-page anchors stay in the page and are not listed. */
  g_assert_nonnull (strstr (html, "<a href=\"#top\">up</a>"));
  g_assert_cmpuint (links->len, ==, 5);
  g_assert_cmpstr (((CpdLink *) links->pdata[0])->url, ==, "mailto:a@example.org");
  g_assert_cmpstr (((CpdLink *) links->pdata[1])->url, ==, "https://example.org/site/a%20b/%C3%BC");
  g_assert_cmpstr (((CpdLink *) links->pdata[2])->url, ==, "https://example.org/site/?q=1&r=2");
  g_assert_cmpstr (((CpdLink *) links->pdata[3])->url, ==, "https://cdn.example.org/x");
  g_assert_cmpstr (((CpdLink *) links->pdata[4])->text, ==, "bold code");
  g_assert_nonnull (strstr (html, "href=\"https://example.org/site/?q=1&amp;r=2\""));
}

static void
test_resolve_link (void)
{
  g_autoptr (CpdDocument) document = cpd_test_load_bundled ();
  g_autoptr (CpdDocument) no_site = cpd_test_load_string ("text", NULL);
  static const struct
  {
    const char *href;
    const char *expected;
  } cases[] = {
    { "/videos", "https://containerplumbing.org/videos" },
    { "videos", "https://containerplumbing.org/videos" },
    { "../../up", "https://containerplumbing.org/up" },
    { "https://example.org/a b", "https://example.org/a%20b" },
    { "HTTP://Example.org/", "HTTP://Example.org/" },
    /* GUri decodes a host's escapes; a link's own host gets them back. */
    { "//ex%20ample.org/a", "https://ex%20ample.org/a" },
    { "mailto:x@example.org", "mailto:x@example.org" },
    { "#conduct", NULL },
    { "", NULL },
    { "javascript:alert(1)", NULL },
    { "JavaScript:alert(1)", NULL },
    { "file:///etc/passwd", NULL },
    { "data:text/html,x", NULL },
    { "vbscript:x", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *resolved = cpd_document_resolve_link (document, cases[i].href);

      g_assert_cmpstr (resolved, ==, cases[i].expected);
    }

  g_assert_null (cpd_document_resolve_link (no_site, "/videos"));
  g_assert_null (cpd_document_resolve_link (document, NULL));
  {
    g_autofree char *absolute = cpd_document_resolve_link (no_site, "https://example.org/");

    g_assert_cmpstr (absolute, ==, "https://example.org/");
  }
}

static void
test_site_url_choice (void)
{
  g_autoptr (CpdDocument) from_arg = cpd_test_load_string ("x", "https://given.example.org");
  g_autoptr (CpdDocument) from_page = cpd_test_load_string (
    "---\nurl: https://page.example.org/\n---\nx", "https://given.example.org");
  g_autoptr (CpdDocument) base_only =
    cpd_test_load_string ("---\nbaseurl: /blog/\n---\nx", "https://given.example.org/");
  g_autoptr (CpdDocument) bad =
    cpd_test_load_string ("---\nurl: javascript:alert(1)\n---\nx", "ftp://given.example.org/");

  g_assert_cmpstr (cpd_document_get_site_url (from_arg), ==, "https://given.example.org/");
  g_assert_cmpstr (cpd_document_get_site_url (from_page), ==, "https://page.example.org/");
  g_assert_cmpstr (cpd_document_get_site_url (base_only), ==, "https://given.example.org/blog/");
  g_assert_null (cpd_document_get_site_url (bad));

  /* Site-absolute links keep the site's authority, read directly or by GUri. */
  {
    static const struct
    {
      const char *site;
      const char *resolved;
    } origins[] = {
      { "https://example.org:8080/docs/", "https://example.org:8080/x" },
      { "https://user@example.org/docs/", "https://user@example.org/x" },
      { "https://[::1]:8080/docs/", "https://[::1]:8080/x" },
      { "http://localhost/", "http://localhost/x" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (origins); i++)
      {
        g_autoptr (CpdDocument) document = cpd_test_load_string ("x", origins[i].site);
        g_autofree char *resolved = cpd_document_resolve_link (document, "/x");

        g_assert_cmpstr (resolved, ==, origins[i].resolved);
      }
  }
}

static void
test_lang (void)
{
  g_autoptr (CpdDocument) ok = cpd_test_load_string ("---\nlang: pt-BR\n---\nx", NULL);
  g_autoptr (CpdDocument) hostile =
    cpd_test_load_string ("---\nlang: \"en\\\" onload=\\\"x\"\n---\nx", NULL);

  g_assert_nonnull (strstr (cpd_document_get_html (ok), "<html lang=\"pt-BR\">"));
  g_assert_nonnull (strstr (cpd_document_get_html (hostile), "<html lang=\"\">"));
  g_assert_null (strstr (cpd_document_get_html (hostile), "onload"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/load/bytes", test_load_bytes);
  g_test_add_func ("/document/load/empty", test_load_empty);
  g_test_add_func ("/document/load/not-text", test_load_not_text);
  g_test_add_func ("/document/load/too-large", test_load_too_large);
  g_test_add_func ("/document/load/largest", test_load_largest);
  g_test_add_func ("/document/load/invalid-utf8", test_load_invalid_utf8);
  g_test_add_func ("/document/load/file", test_load_file);
  g_test_add_func ("/document/load/missing-file", test_load_missing_file);
  g_test_add_func ("/document/load/directory", test_load_directory);
  g_test_add_func ("/document/load/empty-file", test_load_empty_file);
  g_test_add_func ("/document/load/large-file", test_load_large_file);
  g_test_add_func ("/document/load/resource", test_load_resource);
  g_test_add_func ("/document/load/missing-resource", test_load_missing_resource);
  g_test_add_func ("/document/load/sidecar", test_sidecar);
  g_test_add_func ("/document/load/sidecar-broken", test_sidecar_broken);
  g_test_add_func ("/document/load/async", test_load_async);
  g_test_add_func ("/document/load/async-cancelled", test_load_async_cancelled);
  g_test_add_func ("/document/front-matter/scalars", test_front_matter);
  g_test_add_func ("/document/front-matter/repeated-key", test_front_matter_repeated_key);
  g_test_add_func ("/document/front-matter/none", test_front_matter_none);
  g_test_add_func ("/document/front-matter/dots-and-empty", test_front_matter_dots_and_empty);
  g_test_add_func ("/document/front-matter/unterminated", test_front_matter_unterminated);
  g_test_add_func ("/document/front-matter/yaml", test_front_matter_yaml);
  g_test_add_func ("/document/front-matter/invalid", test_front_matter_invalid);
  g_test_add_func ("/document/front-matter/too-many-keys", test_front_matter_too_many_keys);
  g_test_add_func ("/document/front-matter/toml-and-pelican", test_front_matter_toml_and_pelican);
  g_test_add_func ("/document/front-matter/stripped", test_front_matter_stripped);
  g_test_add_func ("/document/render/template", test_render_template);
  g_test_add_func ("/document/render/smart", test_render_smart);
  g_test_add_func ("/document/render/unsafe", test_render_unsafe);
  g_test_add_func ("/document/links/bundled", test_links_bundled);
  g_test_add_func ("/document/links/front-matter-url", test_links_front_matter_url);
  g_test_add_func ("/document/links/special", test_links_special);
  g_test_add_func ("/document/links/resolve", test_resolve_link);
  g_test_add_func ("/document/site-url", test_site_url_choice);
  g_test_add_func ("/document/lang", test_lang);

  return g_test_run ();
}
