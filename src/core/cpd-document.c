/* cpd-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <glib/gi18n-lib.h>

#include "cpd-arena.h"
#include "cpd-ascii.h"
#include "cpd-core-resources.h"
#include "cpd-document-private.h"
#include "cpd-event-private.h"
#include "cpd-front-matter.h"
#include "cpd-link-private.h"
#include "cpd-node-text.h"
#include "cpd-section-list.h"
#include "cpd-slug.h"

#define TEMPLATE_PATH RESOURCE_BASE "/core/template.html"
#define STYLE_PATH RESOURCE_BASE "/core/style.css"

/* Sidecar metadata is a few lines; refuse anything that is clearly not that. */
#define SIDECAR_MAX_SIZE (64 * 1024)

struct _CpdDocument
{
  GObject parent_instance;

  CpdFrontMatter *front_matter;
  char           *title;
  char           *site_url;
  char           *site_origin;
  char           *lang;
  char           *html;
  CpdSectionList *sections;
  GPtrArray      *links;
  CpdEvent       *event;
};

G_DEFINE_FINAL_TYPE (CpdDocument, cpd_document, G_TYPE_OBJECT)

typedef enum
{
  FIELD_LANG,
  FIELD_TITLE,
  FIELD_BODY,
  FIELD_END,
} TemplateField;

/* Text of the template up to one of its per-page fields. */
typedef struct
{
  char         *text;
  gsize         length;
  TemplateField field;
} TemplatePiece;

/* The template with its stylesheet in place, cut at its fields: made once in class_init
 * and read-only after. */
static GArray *template_pieces;

G_DEFINE_QUARK (cpd - document - error - quark, cpd_document_error)

typedef enum
{
  HREF_DROP,     /* cannot be followed safely: keep the text, lose the link */
  HREF_FRAGMENT, /* an anchor in this page */
  HREF_ABSOLUTE,
} HrefKind;

static void
cpd_document_finalize (GObject *object)
{
  CpdDocument *self = (CpdDocument *) object;

  g_clear_pointer (&self->front_matter, cpd_front_matter_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->site_url, g_free);
  g_clear_pointer (&self->site_origin, g_free);
  g_clear_pointer (&self->lang, g_free);
  g_clear_pointer (&self->html, g_free);
  g_clear_object (&self->sections);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_clear_pointer (&self->event, cpd_event_unref);

  G_OBJECT_CLASS (cpd_document_parent_class)->finalize (object);
}

/* A blank matters only between two words or values, not next to punctuation. */
static void
append_css_blank (GString *out,
                  gboolean blank,
                  char     next)
{
  char last = out->len > 0 ? out->str[out->len - 1] : '\n';

  if (blank && !strchr ("{};,\n", last) && !strchr ("{};,", next))
    g_string_append_c (out, ' ');
}

/* Appends @css without its comments, indentation and line breaks: every page carries
 * the stylesheet, so its bytes are copied for every page and parsed by WebKit. Quoted
 * strings stay as they are. */
static void
append_compact_css (GString    *out,
                    const char *css,
                    gsize       length)
{
  const char *end = css + length;
  gboolean    blank = FALSE;

  for (const char *p = css; p < end; p++)
    {
      if (p + 1 < end && p[0] == '/' && p[1] == '*')
        {
          const char *close = g_strstr_len (p + 2, end - p - 2, "*/");

          p = close != NULL ? close + 1 : end - 1;
          blank = TRUE;
        }
      else if (g_ascii_isspace (*p))
        blank = TRUE;
      else if (*p == '"' || *p == '\'')
        {
          const char *close = memchr (p + 1, *p, end - p - 1);
          const char *stop = close != NULL ? close + 1 : end;

          append_css_blank (out, blank, *p);
          blank = FALSE;
          g_string_append_len (out, p, stop - p);
          p = stop - 1;
        }
      else
        {
          append_css_blank (out, blank, *p);
          blank = FALSE;
          g_string_append_c (out, *p);
        }
    }
}

/* Cuts the template at {{lang}}, {{title}} and {{body}}, and fills in {{style}}. */
static GArray *
cut_template (GResource *resource)
{
  g_autoptr (GBytes) template_bytes = g_resource_lookup_data (resource, TEMPLATE_PATH, 0, NULL);
  g_autoptr (GBytes) style_bytes = g_resource_lookup_data (resource, STYLE_PATH, 0, NULL);
  g_autoptr (GString) text = g_string_new (NULL);
  GArray     *pieces = g_array_new (FALSE, FALSE, sizeof (TemplatePiece));
  const char *p, *end, *style;
  gsize       template_len, style_len;
  gboolean    has_body = FALSE;

  g_assert (template_bytes != NULL && style_bytes != NULL);
  p = g_bytes_get_data (template_bytes, &template_len);
  end = p + template_len;
  style = g_bytes_get_data (style_bytes, &style_len);

  for (;;)
    {
      const char   *open = g_strstr_len (p, end - p, "{{");
      const char   *close = open != NULL ? g_strstr_len (open, end - open, "}}") : NULL;
      TemplatePiece piece;
      gsize         name_len;

      if (close == NULL)
        {
          g_string_append_len (text, p, end - p);
          piece.text = g_strdup (text->str);
          piece.length = text->len;
          piece.field = FIELD_END;
          g_array_append_val (pieces, piece);
          break;
        }

      g_string_append_len (text, p, open - p);
      p = close + 2;
      name_len = close - open - 2;

#define IS_FIELD(name) (name_len == strlen (name) && memcmp (open + 2, name, name_len) == 0)
      if (IS_FIELD ("style"))
        {
          append_compact_css (text, style, style_len);
          continue;
        }
      else if (IS_FIELD ("lang"))
        piece.field = FIELD_LANG;
      else if (IS_FIELD ("title"))
        piece.field = FIELD_TITLE;
      else if (IS_FIELD ("body"))
        piece.field = FIELD_BODY;
      else
        {
          g_string_append_len (text, open, close + 2 - open);
          continue;
        }
#undef IS_FIELD

      has_body |= piece.field == FIELD_BODY;
      piece.text = g_strdup (text->str);
      piece.length = text->len;
      g_array_append_val (pieces, piece);
      g_string_truncate (text, 0);
    }

  g_assert (has_body);

  return pieces;
}

static void
cpd_document_class_init (CpdDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GResource    *resource = cpd_core_get_resource ();

  object_class->finalize = cpd_document_finalize;

  /* Looking data up in a GResource and filling a template by name cost more than
   * rendering a small page: the class does that once. */
  template_pieces = cut_template (resource);
}

static void
cpd_document_init (CpdDocument *self)
{
  self->sections = cpd_section_list_new ();
  /* Room for a page's worth of links up front: the array would double from two. */
  self->links = g_ptr_array_new_full (32, (GDestroyNotify) cpd_link_free);
}

/* Length of the URI scheme @href starts with, 0 if it has none (RFC 3986). */
static gsize
scheme_length (const char *href)
{
  gsize i;

  if (!g_ascii_isalpha (href[0]))
    return 0;

  for (i = 1; href[i] != '\0'; i++)
    {
      if (href[i] == ':')
        return i;
      if (!g_ascii_isalnum (href[i]) && href[i] != '+' && href[i] != '-' && href[i] != '.')
        return 0;
    }

  return 0;
}

static gboolean
is_dangerous_scheme (const char *href,
                     gsize       len)
{
  static const char *dangerous[] = { "javascript", "vbscript", "file", "data" };

  for (guint i = 0; i < G_N_ELEMENTS (dangerous); i++)
    if (strlen (dangerous[i]) == len && cpd_ascii_equal_fold (href, dangerous[i], len))
      return TRUE;

  return FALSE;
}

/* The bytes that may stay as they are in a URI: unreserved and reserved characters, and
 * "%" for escapes already there. A table, as it is read for every byte of every link. */
static const gboolean uri_chars[256] = {
  ['a' ... 'z'] = TRUE,
  ['A' ... 'Z'] = TRUE,
  ['0' ... '9'] = TRUE,
  ['-'] = TRUE,
  ['_'] = TRUE,
  ['.'] = TRUE,
  ['~'] = TRUE,
  ['!'] = TRUE,
  ['*'] = TRUE,
  ['\''] = TRUE,
  ['('] = TRUE,
  [')'] = TRUE,
  [';'] = TRUE,
  [':'] = TRUE,
  ['@'] = TRUE,
  ['&'] = TRUE,
  ['='] = TRUE,
  ['+'] = TRUE,
  ['$'] = TRUE,
  [','] = TRUE,
  ['/'] = TRUE,
  ['?'] = TRUE,
  ['#'] = TRUE,
  ['['] = TRUE,
  [']'] = TRUE,
  ['%'] = TRUE,
};

static inline gboolean
is_uri_char (guchar c)
{
  return uri_chars[c];
}

/* Percent-encodes what may not appear in a URI (blanks, controls, non-ASCII), leaving
 * existing escapes alone, as cmark does when it writes an href. Returns %NULL when
 * @href needs no change. */
static char *
escape_href_if_needed (const char *href)
{
  const char *p = href;
  GString    *out;

  while (*p != '\0' && is_uri_char (*p))
    p++;

  if (*p == '\0')
    return NULL;

  out = g_string_sized_new (strlen (href) + 16);
  g_string_append_len (out, href, p - href);

  for (; *p != '\0'; p++)
    {
      if (is_uri_char (*p))
        g_string_append_c (out, *p);
      else
        g_string_append_printf (out, "%%%02X", (guchar) *p);
    }

  return g_string_free (out, FALSE);
}

static char *
escape_href (const char *href)
{
  char *escaped = escape_href_if_needed (href);

  return escaped != NULL ? escaped : g_strdup (href);
}

/* @site_url ends with "/"; @site_origin is its scheme and authority, without a path.
 * For HREF_ABSOLUTE, @absolute (empty on entry) gets the URL to use, and stays empty when
 * that is @href itself: the walk reuses one buffer for every link. */
static HrefKind
classify_href (const char *site_url,
               const char *site_origin,
               const char *href,
               GString    *absolute)
{
  g_autofree char *escaped = NULL;
  g_autofree char *resolved = NULL;
  g_autofree char *escaped_resolved = NULL;
  const char      *uri;
  gsize            scheme_len;

  if (href == NULL || href[0] == '\0')
    return HREF_DROP;

  if (href[0] == '#')
    return HREF_FRAGMENT;

  escaped = escape_href_if_needed (href);
  uri = escaped != NULL ? escaped : href;
  scheme_len = scheme_length (uri);

  if (scheme_len > 0)
    {
      if (is_dangerous_scheme (uri, scheme_len))
        return HREF_DROP;

      if (escaped != NULL)
        g_string_append (absolute, escaped);
      return HREF_ABSOLUTE;
    }

  if (site_url == NULL)
    return HREF_DROP;

  /* The common cases, "/videos" and "videos", are plain concatenation; GUri handles
   * the rest ("//host", "?query", dot segments). */
  if (strstr (uri, "/.") == NULL && uri[0] != '.' && uri[0] != '?' &&
      !(uri[0] == '/' && uri[1] == '/'))
    {
      g_string_append (absolute, uri[0] == '/' ? site_origin : site_url);
      g_string_append (absolute, uri);

      return HREF_ABSOLUTE;
    }

  resolved = g_uri_resolve_relative (site_url, uri, G_URI_FLAGS_ENCODED, NULL);
  if (resolved == NULL)
    return HREF_DROP;

  /* GUri decodes some escapes (in host names, for one): encode them again. */
  escaped_resolved = escape_href (resolved);
  g_string_append (absolute, escaped_resolved);

  return HREF_ABSOLUTE;
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
  g_autoptr (GString) absolute = NULL;

  g_return_val_if_fail (CPD_IS_DOCUMENT (self), NULL);

  absolute = g_string_new (NULL);
  if (classify_href (self->site_url, self->site_origin, href, absolute) != HREF_ABSOLUTE)
    return NULL;

  return absolute->len > 0 ? g_string_free (g_steal_pointer (&absolute), FALSE) : g_strdup (href);
}

static gboolean
is_web_uri (const char *uri)
{
  return cpd_ascii_has_prefix_fold (uri, "https:") || cpd_ascii_has_prefix_fold (uri, "http:");
}

/* The length of "scheme://host[:port]" at the start of @url when the host is a plain
 * name, and the authority is followed by a path; 0 otherwise. */
static gsize
plain_authority_length (const char *url)
{
  const char *host = strstr (url, "://");
  const char *p;
  gboolean    in_port = FALSE;

  if (host == NULL)
    return 0;

  for (p = host + 3; *p != '/'; p++)
    {
      if (*p == ':' && !in_port && p > host + 3)
        in_port = TRUE;
      else if (!(in_port ? g_ascii_isdigit (*p)
                         : g_ascii_isalnum (*p) || *p == '-' || *p == '.'))
        return 0;
    }

  if (p == host + 3 || p[-1] == ':')
    return 0;

  return p - url;
}

/* The site URL relative links resolve against, always ending in "/" so that a page's
 * "videos" and "/videos" both land under the site, and its @origin (scheme and
 * authority) for links that start with "/". */
static char *
compute_site_url (CpdFrontMatter *front_matter,
                  const char     *given,
                  char          **origin)
{
  g_autoptr (GUri) uri = NULL;
  const char      *url = cpd_front_matter_lookup (front_matter, "url");
  const char      *baseurl = cpd_front_matter_lookup (front_matter, "baseurl");
  g_autofree char *escaped_url = NULL;
  g_autoptr (GString) site = NULL;
  gsize authority_len;

  if (url == NULL || !is_web_uri (url))
    url = given;
  if (url == NULL || !is_web_uri (url))
    return NULL;

  /* GUri is lenient; a site URL with blanks, quotes or brackets is a mistake or worse. */
  escaped_url = escape_href_if_needed (url);
  if (escaped_url != NULL)
    return NULL;

  site = g_string_new (url);
  while (site->len > 0 && site->str[site->len - 1] == '/')
    g_string_truncate (site, site->len - 1);

  if (baseurl != NULL)
    {
      g_autofree char *escaped = escape_href (baseurl);
      const char      *base = escaped;
      gsize            len;

      while (*base == '/')
        base++;
      len = strlen (base);
      while (len > 0 && base[len - 1] == '/')
        len--;

      if (len > 0)
        {
          g_string_append_c (site, '/');
          g_string_append_len (site, base, len);
        }
    }

  g_string_append_c (site, '/');

  /* Most sites are "https://host/...": their origin is the text before the path. GUri
   * takes the rest (user info, IPv6 literals, odd ports) and rejects what is not a URL. */
  authority_len = plain_authority_length (site->str);
  if (authority_len > 0)
    {
      *origin = g_strndup (site->str, authority_len);
      return g_string_free (g_steal_pointer (&site), FALSE);
    }

  uri = g_uri_parse (site->str, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL)
    return NULL;

  *origin = g_uri_join (G_URI_FLAGS_ENCODED, g_uri_get_scheme (uri), g_uri_get_userinfo (uri),
                        g_uri_get_host (uri), g_uri_get_port (uri), "", NULL, NULL);

  return g_string_free (g_steal_pointer (&site), FALSE);
}

/* A language tag for <html lang>: BCP 47 is letters, digits and hyphens. An unknown
 * language is the empty string, HTML's way to say so, rather than a guess. */
static char *
sanitize_lang (const char *lang)
{
  if (lang == NULL || lang[0] == '\0' || strlen (lang) > 35)
    return g_strdup ("");

  for (const char *p = lang; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return g_strdup ("");

  return g_strdup (lang);
}

static void
unwrap_link (cmark_node *link)
{
  cmark_node *child;

  while ((child = cmark_node_first_child (link)) != NULL)
    cmark_node_insert_before (link, child);

  cmark_node_free (link);
}

/* The plain text of @node without blanks around it, in @scratch, which is reused for the
 * whole walk so that a heading or a link costs one allocation. */
static const char *
stripped_text (cmark_node *node,
               GString    *scratch,
               gsize      *length)
{
  const char *start, *end;

  g_string_truncate (scratch, 0);
  cpd_node_append_text (node, scratch);

  start = scratch->str;
  end = scratch->str + scratch->len;
  while (start < end && g_ascii_isspace (*start))
    start++;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;

  *length = end - start;

  return start;
}

/* At a link's or image's ENTER: makes its URL absolute, or drops it. */
static void
enter_link (CpdDocument    *self,
            cmark_node     *node,
            cmark_node_type type,
            GString        *scratch,
            GPtrArray     **dropped_links)
{
  const char *url = cmark_node_get_url (node);
  HrefKind    kind;

  /* Images keep their data: URLs, which cmark vets and the CSP allows. */
  if (type == CMARK_NODE_IMAGE && cpd_ascii_has_prefix_fold (url, "data:"))
    return;

  /* The scratch buffer is free here: link texts are read at the link's EXIT. */
  g_string_truncate (scratch, 0);
  kind = classify_href (self->site_url, self->site_origin, url, scratch);
  if (kind == HREF_ABSOLUTE && scratch->len > 0)
    cmark_node_set_url (node, scratch->str);
  else if (kind == HREF_DROP)
    {
      cmark_node_set_url (node, "");
      if (type == CMARK_NODE_LINK)
        {
          if (*dropped_links == NULL)
            *dropped_links = g_ptr_array_new ();
          g_ptr_array_add (*dropped_links, node);
        }
    }
}

/* At a link's EXIT: keeps it, with its text, and applies the link rules to it. */
static void
exit_link (CpdDocument     *self,
           cmark_node      *node,
           GString         *scratch,
           CpdEventScanner *scanner)
{
  const char *url = cmark_node_get_url (node);
  gsize       text_len;
  const char *text;
  CpdLink    *link;

  if (url[0] == '\0' || url[0] == '#')
    return;

  text = stripped_text (node, scratch, &text_len);
  link = cpd_link_new_len (text, text_len, url);
  cpd_event_scanner_add_link (scanner, link->text, link->url);
  g_ptr_array_add (self->links, link);
}

/* One walk over the page: ids for headings, absolute links, and event facts. One switch
 * on the node's type a step: the walk passes every node of the page. */
static void
cpd_document_process (CpdDocument *self,
                      cmark_node  *root)
{
  g_autoptr (CpdSlugger) slugger = cpd_slugger_new ();
  g_autoptr (CpdEventScanner) scanner = cpd_event_scanner_new ();
  g_autoptr (GPtrArray) dropped_links = NULL; /* made for the first, which is rare */
  g_autoptr (GString) scratch = g_string_sized_new (256);
  g_autofree char *first_heading = NULL;
  cmark_iter      *iter = cmark_iter_new (root);
  cmark_event_type ev;
  /* In a paragraph: how deep the walk is in its inlines, whether its next child starts a
   * line, and whether one of its lines may be a labelled line (see
   * cpd_event_scanner_may_start_labelled_line()). */
  gboolean in_paragraph = FALSE;
  guint    inline_depth = 0;
  gboolean line_start = FALSE;
  gboolean may_have_label = FALSE;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node     *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);
      gboolean        enter = ev == CMARK_EVENT_ENTER;

      switch (type)
        {
        case CMARK_NODE_PARAGRAPH:
          /* Its links are absolute by its EXIT, as the scanner needs. */
          in_paragraph = enter;
          if (enter)
            {
              inline_depth = 0;
              line_start = TRUE;
              may_have_label = FALSE;
            }
          else if (may_have_label)
            cpd_event_scanner_add_paragraph (scanner, node);
          break;

        case CMARK_NODE_HEADING:
          if (!enter)
            {
              gsize       text_len;
              const char *stripped = stripped_text (node, scratch, &text_len);
              char       *text = g_strndup (stripped, text_len);

              if (first_heading == NULL && text[0] != '\0')
                first_heading = g_strdup (text);

              cpd_section_list_append (self->sections, text, cpd_slugger_slug (slugger, text),
                                       cmark_node_get_heading_level (node));
            }
          break;

        /* Lines of a paragraph are its children between its line breaks. */
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          if (in_paragraph && inline_depth == 0)
            line_start = TRUE;
          break;

        /* Leaves: no EXIT. */
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_HTML_INLINE:
          if (in_paragraph && inline_depth == 0 && line_start)
            {
              line_start = FALSE;
              may_have_label |= cpd_event_scanner_may_start_labelled_line (node, type);
            }
          break;

        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
        case CMARK_NODE_EMPH:
        case CMARK_NODE_STRONG:
        case CMARK_NODE_CUSTOM_INLINE:
          if (in_paragraph)
            {
              if (!enter)
                inline_depth--;
              else if (inline_depth++ == 0 && line_start)
                {
                  line_start = FALSE;
                  may_have_label |= cpd_event_scanner_may_start_labelled_line (node, type);
                }
            }

          if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE)
            {
              if (enter)
                enter_link (self, node, type, scratch, &dropped_links);
              else if (type == CMARK_NODE_LINK)
                exit_link (self, node, scratch, scanner);
            }
          break;

        default:
          break;
        }
    }

  cmark_iter_free (iter);

  /* The tree changes only now that the walk is over. */
  for (guint i = 0; dropped_links != NULL && i < dropped_links->len; i++)
    unwrap_link (g_ptr_array_index (dropped_links, i));

  self->title = g_strdup (cpd_front_matter_lookup (self->front_matter, "title"));
  if (self->title != NULL)
    g_strstrip (self->title);
  if (self->title == NULL || self->title[0] == '\0')
    {
      g_free (self->title);
      self->title = g_steal_pointer (&first_heading);
    }

  self->event =
    cpd_event_scanner_finish (g_steal_pointer (&scanner), self->title,
                              cpd_front_matter_lookup (self->front_matter, "date"));
}

static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;

        case '<':
          g_string_append (out, "&lt;");
          break;

        case '>':
          g_string_append (out, "&gt;");
          break;

        case '"':
          g_string_append (out, "&quot;");
          break;

        case '\'':
          g_string_append (out, "&#39;");
          break;

        default:
          g_string_append_c (out, *p);
        }
    }
}

/* The next "<h" in [@p, @end), or %NULL. Among a page's tags, heading tags are rare:
 * on x86-64 the search compares 16 bytes at a time (memchr() per '<' cost a call per
 * tag, and glibc's strstr() reads a two-byte needle one byte at a time). */
static const char *
find_heading_tag (const char *p,
                  const char *end)
{
#ifdef __SSE2__
  const __m128i open = _mm_set1_epi8 ('<');
  const __m128i h = _mm_set1_epi8 ('h');

  for (; end - p >= 17; p += 16)
    {
      __m128i here = _mm_loadu_si128 ((const __m128i *) p);
      __m128i next = _mm_loadu_si128 ((const __m128i *) (p + 1));
      int     mask = _mm_movemask_epi8 (
            _mm_and_si128 (_mm_cmpeq_epi8 (here, open), _mm_cmpeq_epi8 (next, h)));

      if (mask != 0)
        return p + __builtin_ctz (mask);
    }
#endif

  for (; end - p >= 2; p++)
    if (p[0] == '<' && p[1] == 'h')
      return p;

  return NULL;
}

/* cmark's HTML writer has no heading ids. Without CMARK_OPT_UNSAFE, every "<hN>" in the
 * body it writes is the opening tag of a heading (text, code and URLs come out escaped,
 * raw HTML is omitted), in document order: the ids go into those tags as they come.
 * Slugs need no escaping (see cpd-slug.c). */
static void
append_body (GString        *out,
             const char     *body,
             gsize           body_length,
             CpdSectionList *sections)
{
  guint       n_sections = g_list_model_get_n_items (G_LIST_MODEL (sections));
  const char *p = body;
  const char *end = body + body_length;
  const char *tag = body;
  guint       i = 0;

  while (i < n_sections && (tag = find_heading_tag (tag, end)) != NULL)
    {
      if (end - tag >= 4 && tag[2] >= '1' && tag[2] <= '6' && tag[3] == '>')
        {
          g_string_append_len (out, p, tag + 3 - p);
          g_string_append (out, " id=\"");
          g_string_append (out, cpd_section_list_peek_id (sections, i++));
          g_string_append_c (out, '"');
          p = tag + 3;
        }

      tag++;
    }

  g_string_append_len (out, p, end - p);

  /* Only a cmark that writes headings differently gets here; the fuzzer checks it. */
  g_warn_if_fail (i == n_sections);
}

/* The complete page: the template with its fields filled and cmark's body in it, written
 * in one pass into a buffer of about the right size. */
static char *
assemble_html (CpdDocument *self,
               const char  *body)
{
  gsize    body_length = strlen (body);
  guint    n_sections = g_list_model_get_n_items (G_LIST_MODEL (self->sections));
  gsize    size = body_length + n_sections * 64 + strlen (self->title ? self->title : "") + 64;
  GString *out;

  for (guint i = 0; i < template_pieces->len; i++)
    size += g_array_index (template_pieces, TemplatePiece, i).length;

  out = g_string_sized_new (size);

  for (guint i = 0; i < template_pieces->len; i++)
    {
      const TemplatePiece *piece = &g_array_index (template_pieces, TemplatePiece, i);

      g_string_append_len (out, piece->text, piece->length);

      switch (piece->field)
        {
        case FIELD_LANG:
          append_escaped (out, self->lang);
          break;

        case FIELD_TITLE:
          append_escaped (out, self->title);
          break;

        case FIELD_BODY:
          append_body (out, body, body_length, self->sections);
          break;

        case FIELD_END:
        default:
          break;
        }
    }

  return g_string_free (out, FALSE);
}

static CpdDocument *
cpd_document_new_internal (GBytes     *bytes,
                           const char *site_url,
                           const char *lang,
                           GError    **error)
{
  g_autoptr (CpdDocument) self = NULL;
  g_autoptr (CpdArena) arena = NULL;
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
  self->front_matter = cpd_front_matter_parse (data, length, &body_offset);
  self->site_url = compute_site_url (self->front_matter, site_url, &self->site_origin);
  front_matter_lang = cpd_front_matter_lookup (self->front_matter, "lang");
  self->lang = sanitize_lang (front_matter_lang != NULL ? front_matter_lang : lang);

  arena = cpd_arena_new ();
  parser = cmark_parser_new_with_mem (CPD_DOCUMENT_CMARK_OPTIONS, cpd_arena_get_mem (arena));
  cmark_parser_feed (parser, data + body_offset, length - body_offset);
  root = cmark_parser_finish (parser);
  cmark_parser_free (parser);

  cpd_document_process (self, root);

  /* The arena owns the tree and cmark's rendering: it frees them at once, instead of
   * cmark_node_free() walking the tree again. */
  self->html = assemble_html (self, cmark_render_html (root, CPD_DOCUMENT_CMARK_OPTIONS));

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

static GBytes *
read_capped (GFile        *file,
             gsize         max_size,
             GCancellable *cancellable,
             GError      **error)
{
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (GFileInfo) type_info = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GByteArray) buffer = g_byte_array_new ();
  gsize length = 0;

  /* Opening a FIFO blocks until someone writes to it, and a device may never end: pages are
   * regular files (resource:// ones too). */
  type_info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                                 cancellable, error);
  if (type_info == NULL)
    return NULL;
  switch (g_file_info_get_file_type (type_info))
    {
    case G_FILE_TYPE_REGULAR:
      break;

    case G_FILE_TYPE_DIRECTORY:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _ ("The page is a folder, not a file"));
      return NULL;

    default:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _ ("The page is not a regular file"));
      return NULL;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  /* Refuse a huge file before reading it, when its size is known. */
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) &&
      g_file_info_get_size (info) > (goffset) max_size)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (max_size);

      /* Translators: both %s are sizes such as "40.0 MB" */
      g_set_error (error, CPD_DOCUMENT_ERROR, CPD_DOCUMENT_ERROR_TOO_LARGE,
                   _ ("The page is too large: it has %s, at most %s are read"), size, limit);
      return NULL;
    }

  /* Files may grow or lie about their size: never read more than the cap. */
  for (;;)
    {
      gsize chunk = 64 * 1024;
      gsize n_read;

      g_byte_array_set_size (buffer, length + chunk);
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer->data + length, chunk, &n_read,
                                    cancellable, error))
        return NULL;

      length += n_read;
      if (n_read < chunk)
        break;

      if (length > max_size)
        {
          g_autofree char *limit = g_format_size (max_size);

          /* Translators: %s is a size such as "32.0 MB" */
          g_set_error (error, CPD_DOCUMENT_ERROR, CPD_DOCUMENT_ERROR_TOO_LARGE,
                       _ ("The page is too large: it has more than %s"), limit);
          return NULL;
        }
    }

  g_byte_array_set_size (buffer, length);

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

static GFile *
sidecar_for (GFile *file)
{
  g_autoptr (GFile) parent = g_file_get_parent (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = NULL;
  char            *dot;

  if (parent == NULL || basename == NULL)
    return NULL;

  dot = strrchr (basename, '.');
  if (dot != NULL && dot != basename)
    *dot = '\0';

  name = g_strconcat (basename, ".meta", NULL);

  return g_file_get_child (parent, name);
}

/* Missing or broken sidecar metadata is not an error: the page loads without it. */
static void
read_sidecar (GFile        *file,
              GCancellable *cancellable,
              char        **site_url,
              char        **lang)
{
  g_autoptr (GFile) sidecar = sidecar_for (file);
  g_autoptr (GKeyFile) key_file = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;

  *site_url = NULL;
  *lang = NULL;

  if (sidecar == NULL)
    return;

  bytes = read_capped (sidecar, SIDECAR_MAX_SIZE, cancellable, &error);
  if (bytes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_debug ("Ignoring the page's metadata: %s", error->message);
      return;
    }

  key_file = g_key_file_new ();
  if (!g_key_file_load_from_bytes (key_file, bytes, G_KEY_FILE_NONE, &error))
    {
      g_debug ("Ignoring the page's metadata: %s", error->message);
      return;
    }

  *site_url = g_key_file_get_string (key_file, "Page", "SiteUrl", NULL);
  *lang = g_key_file_get_string (key_file, "Page", "Lang", NULL);
}

/**
 * cpd_document_new_from_file:
 * @file: a page: a local file, a `resource://` URI or any #GFile
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GIOErrorEnum or #CpdDocumentError
 *
 * Reads and renders a page, with the sidecar metadata beside it when there is one
 * (`X.meta` for `X.md`). Blocks: use cpd_document_load_async() from the UI.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
CpdDocument *
cpd_document_new_from_file (GFile        *file,
                            GCancellable *cancellable,
                            GError      **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *site_url = NULL;
  g_autofree char *lang = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = read_capped (file, CPD_DOCUMENT_MAX_SIZE, cancellable, error);
  if (bytes == NULL)
    return NULL;

  read_sidecar (file, cancellable, &site_url, &lang);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return cpd_document_new_internal (bytes, site_url, lang, error);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GFile       *file = task_data;
  GError      *error = NULL;
  CpdDocument *document;

  document = cpd_document_new_from_file (file, cancellable, &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

/**
 * cpd_document_load_async:
 * @file: a page, see cpd_document_new_from_file()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context when the page is loaded
 * @user_data: data for @callback
 *
 * Reads and renders a page in a worker thread.
 */
void
cpd_document_load_async (GFile              *file,
                         GCancellable       *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cpd_document_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_in_thread);
}

/**
 * cpd_document_load_finish:
 * @result: the result given to the callback of cpd_document_load_async()
 * @error: return location for a #GIOErrorEnum or #CpdDocumentError
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
CpdDocument *
cpd_document_load_finish (GAsyncResult *result,
                          GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cpd_document_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
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

  return cpd_section_list_find (self->sections, id, position);
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
