/* fuzz-document.c: libFuzzer target for the document core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Feeds arbitrary bytes through everything a page goes through in the app:
 * load -> render -> sections -> links -> event facts -> dates -> .ics.
 */

#include "config.h"

#include <string.h>

#include "cpd-core.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* Every heading's tag in the page carries its id, and nothing else looks like one. */
static guint
count_heading_ids (const char *html)
{
  guint n = 0;

  for (const char *p = strstr (html, "<h"); p != NULL; p = strstr (p + 2, "<h"))
    if (p[2] >= '1' && p[2] <= '6' && g_str_has_prefix (p + 3, " id=\""))
      n++;

  return n;
}

static void
check_sections (CpdDocument *document)
{
  GListModel *sections = cpd_document_get_sections (document);
  guint       n = g_list_model_get_n_items (sections);

  if (count_heading_ids (cpd_document_get_html (document)) != n)
    __builtin_trap ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CpdSection) section = g_list_model_get_item (sections, i);
      const char *id = cpd_section_get_id (section);

      /* Ids end up in HTML attributes: they must never be empty or break out. */
      if (id[0] == '\0' || strpbrk (id, "\"<>& \t\n") != NULL)
        __builtin_trap ();
      if (!g_utf8_validate (cpd_section_get_title (section), -1, NULL))
        __builtin_trap ();
    }
}

static void
check_event (CpdDocument *document)
{
  CpdEvent        *event = cpd_document_get_event (document);
  g_autofree char *dates = cpd_event_format_dates (event);
  g_autofree char *slug = cpd_event_dup_slug (event);
  g_autofree char *ics = NULL;
  g_autoptr (GDateTime) stamp = g_date_time_new_utc (2024, 1, 1, 0, 0, 0);
  GDate today;
  int   days;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, 4, 2024);
  cpd_event_get_timing (event, &today, &days);

  if (strchr (slug, '/') != NULL || slug[0] == '\0')
    __builtin_trap ();

  ics = cpd_event_to_icalendar (event, stamp, NULL);
  if (ics != NULL && !g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\n"))
    __builtin_trap ();
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (CpdDocument) document = NULL;
  GPtrArray  *links;
  const char *html;

  document = cpd_document_new_from_bytes (bytes, "https://example.org/site/", &error);
  if (document == NULL)
    {
      if (error == NULL || error->domain != CPD_DOCUMENT_ERROR)
        __builtin_trap ();
      return 0;
    }

  html = cpd_document_get_html (document);
  if (!g_utf8_validate (html, -1, NULL) || strstr (html, "<script") != NULL)
    __builtin_trap ();

  check_sections (document);

  links = cpd_document_get_links (document);
  for (guint i = 0; i < links->len; i++)
    {
      CpdLink         *link = g_ptr_array_index (links, i);
      g_autofree char *again = cpd_document_resolve_link (document, link->url);

      if (g_ascii_strncasecmp (link->url, "javascript:", 11) == 0)
        __builtin_trap ();
      /* An absolute URL resolves to itself. */
      if (g_strcmp0 (again, link->url) != 0)
        __builtin_trap ();
    }

  check_event (document);

  return 0;
}
