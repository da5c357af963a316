/* cpd-html.c: the complete HTML page around cmark's body
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cpd-core-resources.h"
#include "cpd-html-private.h"

#define TEMPLATE_PATH RESOURCE_BASE "/core/template.html"
#define STYLE_PATH RESOURCE_BASE "/core/style.css"

/* The template and its stylesheet, looked up once: a lookup in a GResource costs more
 * than rendering a small page. Read-only after. */
typedef struct
{
  GBytes *template;
  GBytes *style;
} Resources;

static const Resources *
get_resources (void)
{
  static Resources *resources;

  if (g_once_init_enter_pointer (&resources))
    {
      Resources *found = g_new (Resources, 1);

      found->template = g_resource_lookup_data (cpd_core_get_resource (), TEMPLATE_PATH, 0, NULL);
      found->style = g_resource_lookup_data (cpd_core_get_resource (), STYLE_PATH, 0, NULL);
      g_assert (found->template != NULL && found->style != NULL);
      g_once_init_leave_pointer (&resources, found);
    }

  return resources;
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (out, escaped);
}

/* cmark's HTML writer has no heading ids. Without CMARK_OPT_UNSAFE, every "<hN>" in the
 * body it writes is the opening tag of a heading (text, code and URLs come out escaped,
 * raw HTML is omitted), in document order: the ids go into those tags as they come.
 * Slugs need no escaping (see cpd-slug.c). */
static void
append_body (GString    *out,
             const char *body,
             GListModel *sections)
{
  guint       n_sections = g_list_model_get_n_items (sections);
  const char *p = body;
  const char *tag = body;
  guint       i = 0;

  while (i < n_sections && (tag = strstr (tag, "<h")) != NULL)
    {
      if (tag[2] >= '1' && tag[2] <= '6' && tag[3] == '>')
        {
          g_autoptr (CpdSection) section = g_list_model_get_item (sections, i++);

          g_string_append_len (out, p, tag + 3 - p);
          g_string_append (out, " id=\"");
          g_string_append (out, cpd_section_get_id (section));
          g_string_append_c (out, '"');
          p = tag + 3;
        }

      tag++;
    }

  g_string_append (out, p);

  /* Only a cmark that writes headings differently gets here; the fuzzer checks it. */
  g_warn_if_fail (i == n_sections);
}

/**
 * cpd_html_assemble:
 * @lang: the page's language tag (letters, digits and hyphens, nothing to escape), or ""
 * @title: (nullable): the page's title
 * @body: the page's body as cmark wrote it
 * @sections: the page's headings, in order
 *
 * Fills the fields of the template: {{lang}}, {{title}}, {{style}} and {{body}}, with
 * the heading ids written into the body's heading tags.
 *
 * Returns: (transfer full): the complete page
 */
char *
cpd_html_assemble (const char *lang,
                   const char *title,
                   const char *body,
                   GListModel *sections)
{
  GBytes *style = get_resources ()->style;
  gsize   length;
  /* GResource data always ends in a NUL. */
  const char *p = g_bytes_get_data (get_resources ()->template, &length);
  GString    *out = g_string_sized_new (length + g_bytes_get_size (style) + strlen (body));
  const char *open;

  while ((open = strstr (p, "{{")) != NULL)
    {
      g_string_append_len (out, p, open - p);
      p = open + 2;

      if (g_str_has_prefix (open, "{{lang}}"))
        g_string_append (out, lang);
      else if (g_str_has_prefix (open, "{{title}}"))
        append_escaped (out, title);
      else if (g_str_has_prefix (open, "{{style}}"))
        g_string_append_len (out, g_bytes_get_data (style, NULL), g_bytes_get_size (style));
      else if (g_str_has_prefix (open, "{{body}}"))
        append_body (out, body, sections);
      else
        {
          g_string_append (out, "{{");
          continue;
        }

      p = strstr (p, "}}") + 2;
    }

  g_string_append (out, p);

  return g_string_free (out, FALSE);
}
