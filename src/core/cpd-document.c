/* cpd-document.c: a page's bytes to its HTML, outline, links and event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cpd-arena-private.h"
#include "cpd-document-private.h"
#include "cpd-event-private.h"
#include "cpd-front-matter-private.h"
#include "cpd-href-private.h"
#include "cpd-html-private.h"
#include "cpd-slug-private.h"

struct _CpdDocument
{
  GObject parent_instance;

  CpdFrontMatter *front_matter;
  char           *title;
  char           *site_url;
  GUri           *site; /* site_url, parsed */
  char           *lang;
  char           *html;
  GListStore     *sections; /* of CpdSection */
  GPtrArray      *links;
  CpdEvent       *event;
};

G_DEFINE_FINAL_TYPE (CpdDocument, cpd_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (cpd-document-error-quark, cpd_document_error);

static void
cpd_document_finalize (GObject *object)
{
  CpdDocument *self = (CpdDocument *) object;

  g_clear_pointer (&self->front_matter, cpd_front_matter_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->site_url, g_free);
  g_clear_pointer (&self->site, g_uri_unref);
  g_clear_pointer (&self->lang, g_free);
  g_clear_pointer (&self->html, g_free);
  g_clear_object (&self->sections);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_clear_pointer (&self->event, cpd_event_unref);

  G_OBJECT_CLASS (cpd_document_parent_class)->finalize (object);
}

static void
cpd_document_class_init (CpdDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cpd_document_finalize;
}

static void
cpd_document_init (CpdDocument *self)
{
  self->sections = g_list_store_new (CPD_TYPE_SECTION);
  self->links = g_ptr_array_new_with_free_func ((GDestroyNotify) cpd_link_free);
}

/**
 * cpd_document_resolve_link:
 * @self: a #CpdDocument
 * @href: a link target as written in the page
 *
 * Resolves @href the way links of the page are resolved.
 *
 * Returns: (transfer full) (nullable): the absolute URL, or %NULL for links that
 *   cannot be followed (relative without a site URL, dangerous schemes) and for
 *   anchors within the page
 */
char *
cpd_document_resolve_link (CpdDocument *self,
                           const char  *href)
{
  char *absolute;

  g_return_val_if_fail (CPD_IS_DOCUMENT (self), NULL);

  cpd_href_resolve (self->site, href, &absolute);

  return absolute;
}

/* A language tag for <html lang>: BCP 47 is letters, digits and hyphens. An unknown
 * language is the empty string, HTML's way to say so, rather than a guess. */
static char *
sanitize_lang (const char *lang)
{
  gsize length = lang != NULL ? strspn (lang, G_CSET_A_2_Z G_CSET_a_2_z G_CSET_DIGITS "-") : 0;

  return g_strdup (length > 0 && length <= 35 && lang[length] == '\0' ? lang : "");
}

static void
unwrap_link (cmark_node *link)
{
  cmark_node *child;

  while ((child = cmark_node_first_child (link)) != NULL)
    cmark_node_insert_before (link, child);

  cmark_node_free (link);
}

/* What a reader sees of @node (a heading, a link) as plain text, without blanks around it:
 * text and code spans, line breaks as spaces; raw HTML is never shown, so it is left out.
 * @scratch is the walk's buffer, so that a text takes one allocation, not one per piece. */
static char *
dup_stripped_text (GString    *scratch,
                   cmark_node *node)
{
  cmark_node *cur = node;

  g_string_truncate (scratch, 0);

  /* Depth-first without an iterator: this runs for every heading and link, and inline
   * nesting may be deep, so neither allocation nor recursion. */
  while (cur != NULL)
    {
      cmark_node *next;

      switch (cmark_node_get_type (cur))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          g_string_append (scratch, cmark_node_get_literal (cur));
          break;

        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (scratch, ' ');
          break;

        default:
          break;
        }

      next = cmark_node_first_child (cur);
      while (next == NULL && cur != node)
        {
          next = cmark_node_next (cur);
          if (next == NULL)
            cur = cmark_node_parent (cur);
        }

      cur = next;
    }

  return g_strstrip (g_strndup (scratch->str, scratch->len));
}

/* At a link's or image's ENTER: makes its URL absolute, or drops it. Returns whether
 * the link is to go once the walk is over. */
static gboolean
enter_link (CpdDocument    *self,
            cmark_node     *node,
            cmark_node_type type)
{
  const char      *url = cmark_node_get_url (node);
  g_autofree char *absolute = NULL;

  /* Images keep their data: URLs, which cmark vets and the CSP allows. */
  if (type == CMARK_NODE_IMAGE && g_ascii_strncasecmp (url, "data:", 5) == 0)
    return FALSE;

  switch (cpd_href_resolve (self->site, url, &absolute))
    {
    case CPD_HREF_ABSOLUTE:
      cmark_node_set_url (node, absolute);
      return FALSE;

    case CPD_HREF_FRAGMENT:
      return FALSE;

    case CPD_HREF_DROP:
    default:
      cmark_node_set_url (node, "");
      return type == CMARK_NODE_LINK;
    }
}

/* At a link's EXIT: keeps it, with its text. */
static void
exit_link (CpdDocument *self,
           cmark_node  *node,
           GString     *scratch)
{
  const char *url = cmark_node_get_url (node);
  CpdLink    *link;

  if (url[0] == '\0' || url[0] == '#')
    return;

  link = g_new (CpdLink, 1);
  link->text = dup_stripped_text (scratch, node);
  link->url = g_strdup (url);
  g_ptr_array_add (self->links, link);
}

static void
add_heading (CpdDocument *self,
             cmark_node  *node,
             CpdSlugger  *slugger,
             GString     *scratch)
{
  g_autofree char *text = dup_stripped_text (scratch, node);
  g_autofree char *id = cpd_slugger_slug (slugger, text);
  g_autoptr (CpdSection) section = NULL;

  if (self->title == NULL && text[0] != '\0')
    self->title = g_strdup (text);

  /* "## " alone still has its place in the page; its row in a list needs words. */
  if (text[0] == '\0')
    g_set_str (&text, _ ("Untitled Section"));

  section = cpd_section_new (text, id, cmark_node_get_heading_level (node));
  g_list_store_append (self->sections, section);
}

/* One walk over the page: ids for headings, absolute links, and the text the event rules
 * read. Until the front matter has a say, the title is the first heading's text. */
static void
cpd_document_process (CpdDocument *self,
                      cmark_node  *root)
{
  g_autoptr (CpdSlugger) slugger = cpd_slugger_new ();
  g_autoptr (GPtrArray) dropped_links = g_ptr_array_new ();
  g_autoptr (CpdPageText) page = cpd_page_text_new (self->site_url);
  g_autoptr (GString) scratch = g_string_sized_new (256);
  const char      *title = cpd_front_matter_lookup (self->front_matter, "title");
  cmark_iter      *iter = cmark_iter_new (root);
  cmark_event_type ev;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node     *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);

      if (ev == CMARK_EVENT_ENTER && (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE))
        {
          if (enter_link (self, node, type))
            g_ptr_array_add (dropped_links, node);
        }
      else if (ev == CMARK_EVENT_EXIT && type == CMARK_NODE_LINK)
        exit_link (self, node, scratch);
      else if (ev == CMARK_EVENT_EXIT && type == CMARK_NODE_HEADING)
        add_heading (self, node, slugger, scratch);

      /* The page as the event rules read it: a heading or paragraph once its links are
       * resolved. */
      if (ev == CMARK_EVENT_EXIT || type == CMARK_NODE_HTML_BLOCK)
        cpd_page_text_add_block (page, node);
    }

  cmark_iter_free (iter);

  /* The tree changes only now that the walk is over. */
  for (guint i = 0; i < dropped_links->len; i++)
    unwrap_link (g_ptr_array_index (dropped_links, i));

  if (title != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (title));

      if (stripped[0] != '\0')
        g_set_str (&self->title, stripped);
    }

  cpd_page_text_end (page);
  self->event = cpd_event_find (page, self->front_matter);
}

CpdDocument *
cpd_document_new_internal (GBytes     *bytes,
                           const char *site_url,
                           const char *lang,
                           GError    **error)
{
  g_autoptr (CpdDocument) self = NULL;
  g_autoptr (CpdArena) arena = NULL;
  g_autoptr (GError) front_matter_error = NULL;
  cmark_parser *parser;
  const char   *data;
  gsize         length;
  gsize         body_offset;
  const char   *front_matter_lang;
  cmark_node   *root;

  data = g_bytes_get_data (bytes, &length);

  if (length == 0)
    {
      g_set_error_literal (error, CPD_DOCUMENT_ERROR, CPD_DOCUMENT_ERROR_EMPTY,
                           _ ("The page is empty"));
      return NULL;
    }

  if (length > CPD_DOCUMENT_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (CPD_DOCUMENT_MAX_SIZE);

      /* Translators: both %s are sizes such as "40.0 MB" */
      g_set_error (error, CPD_DOCUMENT_ERROR, CPD_DOCUMENT_ERROR_TOO_LARGE,
                   _ ("The page is too large: it has %s, at most %s are read"), size, limit);
      return NULL;
    }

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error_literal (error, CPD_DOCUMENT_ERROR, CPD_DOCUMENT_ERROR_NOT_TEXT,
                           _ ("The page is not text: it contains NUL bytes"));
      return NULL;
    }

  self = g_object_new (CPD_TYPE_DOCUMENT, NULL);
  self->front_matter = cpd_front_matter_parse (data, length, &body_offset, &front_matter_error);
  if (front_matter_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&front_matter_error));
      return NULL;
    }
  self->site_url = cpd_site_url_new (cpd_front_matter_lookup (self->front_matter, "url"),
                                     cpd_front_matter_lookup (self->front_matter, "baseurl"),
                                     site_url, &self->site);
  front_matter_lang = cpd_front_matter_lookup (self->front_matter, "lang");
  self->lang = sanitize_lang (front_matter_lang != NULL ? front_matter_lang : lang);

  /* The arena owns the tree and cmark's rendering, and frees them at once: see
   * cpd-arena.c for why. */
  arena = cpd_arena_new ();
  parser = cmark_parser_new_with_mem (CPD_DOCUMENT_CMARK_OPTIONS, cpd_arena_get_mem (arena));
  cmark_parser_feed (parser, data + body_offset, length - body_offset);
  root = cmark_parser_finish (parser);
  cmark_parser_free (parser);

  cpd_document_process (self, root);
  self->html = cpd_html_assemble (self->lang, self->title,
                                  cmark_render_html (root, CPD_DOCUMENT_CMARK_OPTIONS),
                                  G_LIST_MODEL (self->sections));

  return g_steal_pointer (&self);
}

/**
 * cpd_document_new_from_bytes:
 * @bytes: the page, Markdown with optional front matter
 * @site_url: (nullable): the URL of the site the page belongs to, for relative links
 * @error: return location for a #CpdDocumentError
 *
 * Loads and renders a page. Invalid UTF-8 is repaired, not refused.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
CpdDocument *
cpd_document_new_from_bytes (GBytes     *bytes,
                             const char *site_url,
                             GError    **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return cpd_document_new_internal (bytes, site_url, NULL, error);
}

/**
 * cpd_document_get_title:
 * @self: a #CpdDocument
 *
 * Returns: (nullable): the front matter title, else the text of the first heading
 */
const char *
cpd_document_get_title (CpdDocument *self)
{
  g_return_val_if_fail (CPD_IS_DOCUMENT (self), NULL);

  return self->title;
}

/**
 * cpd_document_get_front_matter:
 * @self: a #CpdDocument
 * @key: a front matter key, such as "layout"
 *
 * Returns: (nullable): the value of a simple `key: value` of the front matter
 */
const char *
cpd_document_get_front_matter (CpdDocument *self,
                               const char  *key)
{
  g_return_val_if_fail (CPD_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return cpd_front_matter_lookup (self->front_matter, key);
}

/**
 * cpd_document_get_site_url:
 * @self: a #CpdDocument
 *
 * Returns: (nullable): the URL relative links were resolved against, ending in "/"
 */
const char *
cpd_document_get_site_url (CpdDocument *self)
{
  g_return_val_if_fail (CPD_IS_DOCUMENT (self), NULL);

  return self->site_url;
}

/**
 * cpd_document_get_lang:
 * @self: a #CpdDocument
 *
 * Returns: the page's language tag (front matter `lang` or sidecar `Lang`), or "" when
 *   it is unknown
 */
const char *
cpd_document_get_lang (CpdDocument *self)
{
  g_return_val_if_fail (CPD_IS_DOCUMENT (self), NULL);

  return self->lang;
}

/**
 * cpd_document_get_html:
 * @self: a #CpdDocument
 *
 * Returns: the page as a complete HTML document with its own stylesheet, loading
 *   nothing from outside (its Content-Security-Policy forbids it)
 */
const char *
cpd_document_get_html (CpdDocument *self)
{
  g_return_val_if_fail (CPD_IS_DOCUMENT (self), NULL);

  return self->html;
}

/**
 * cpd_document_get_sections:
 * @self: a #CpdDocument
 *
 * Returns: (transfer none): a #GListModel of the page's #CpdSection, in order
 */
GListModel *
cpd_document_get_sections (CpdDocument *self)
{
  g_return_val_if_fail (CPD_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->sections);
}

/**
 * cpd_document_find_section:
 * @self: a #CpdDocument
 * @id: a section id, as from outside the page (a saved position, a link's fragment)
 * @position: (out) (optional): where the section's position in the sections goes
 *
 * Finds a section without making the #CpdSection of every heading before it.
 *
 * Returns: whether the page has a section with @id
 */
gboolean
cpd_document_find_section (CpdDocument *self,
                           const char  *id,
                           guint       *position)
{
  g_return_val_if_fail (CPD_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sections)); i++)
    {
      g_autoptr (CpdSection) section = g_list_model_get_item (G_LIST_MODEL (self->sections), i);

      if (g_str_equal (cpd_section_get_id (section), id))
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * cpd_document_get_links:
 * @self: a #CpdDocument
 *
 * Returns: (transfer none) (element-type CpdLink): the page's links with absolute URLs,
 *   in order
 */
GPtrArray *
cpd_document_get_links (CpdDocument *self)
{
  g_return_val_if_fail (CPD_IS_DOCUMENT (self), NULL);

  return self->links;
}

/**
 * cpd_document_get_event:
 * @self: a #CpdDocument
 *
 * Returns: (transfer none): the event the page describes; its facts may be absent
 */
CpdEvent *
cpd_document_get_event (CpdDocument *self)
{
  g_return_val_if_fail (CPD_IS_DOCUMENT (self), NULL);

  return self->event;
}
