/* cpd-href.c: link targets made absolute against the site URL, or dropped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cpd-href-private.h"

/* Besides the unreserved characters, the bytes that may stay as they are in a URI: the
 * reserved ones, and "%" for escapes already there. */
#define URI_CHARS_KEPT "!*'();:@&=+$,/?#[]%"

/**
 * cpd_href_escape:
 * @href: a link target as written in the page
 *
 * Percent-encodes what may not appear in a URI (blanks, controls, non-ASCII), leaving
 * existing escapes alone, as cmark does when it writes an href.
 *
 * Returns: (transfer full): the escaped @href
 */
char *
cpd_href_escape (const char *href)
{
  return g_uri_escape_string (href, URI_CHARS_KEPT, FALSE);
}

static gboolean
is_dangerous_scheme (const char *scheme)
{
  static const char *dangerous[] = { "javascript", "vbscript", "file", "data" };

  for (guint i = 0; i < G_N_ELEMENTS (dangerous); i++)
    if (g_ascii_strcasecmp (scheme, dangerous[i]) == 0)
      return TRUE;

  return FALSE;
}

/**
 * cpd_href_resolve:
 * @site: (nullable): the site URL, see cpd_site_url_new()
 * @href: (nullable): a link target as written in the page
 * @absolute: (out) (transfer full): for %CPD_HREF_ABSOLUTE, the URL to link to
 *
 * Returns: whether @href is an absolute link (made so against @site_url), an anchor of
 *   the page, or a link that must go
 */
CpdHrefKind
cpd_href_resolve (GUri       *site,
                  const char *href,
                  char      **absolute)
{
  g_autofree char *escaped = NULL;
  g_autofree char *scheme = NULL;
  g_autofree char *resolved = NULL;
  g_autoptr (GUri) uri = NULL;

  *absolute = NULL;

  if (href == NULL || href[0] == '\0')
    return CPD_HREF_DROP;

  if (href[0] == '#')
    return CPD_HREF_FRAGMENT;

  escaped = cpd_href_escape (href);

  /* Not g_uri_peek_scheme(): it interns every scheme it sees, and a hostile page may
   * write any number of them. */
  scheme = g_uri_parse_scheme (escaped);
  if (scheme != NULL)
    {
      if (is_dangerous_scheme (scheme))
        return CPD_HREF_DROP;

      *absolute = g_steal_pointer (&escaped);
      return CPD_HREF_ABSOLUTE;
    }

  if (site == NULL)
    return CPD_HREF_DROP;

  uri = g_uri_parse_relative (site, escaped, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL)
    return CPD_HREF_DROP;
  resolved = g_uri_to_string (uri);

  /* GUri decodes the escapes of a host name: encode them again when the host is the link's
   * own ("//host/…"). Else the host is the site's, whose URL is escaped, and so is the rest. */
  *absolute = g_str_has_prefix (escaped, "//") ? cpd_href_escape (resolved)
                                               : g_steal_pointer (&resolved);

  return CPD_HREF_ABSOLUTE;
}

static gboolean
is_web_url (const char *url)
{
  const char *scheme = url != NULL ? g_uri_peek_scheme (url) : NULL;

  return g_strcmp0 (scheme, "https") == 0 || g_strcmp0 (scheme, "http") == 0;
}

/**
 * cpd_site_url_new:
 * @url: (nullable): the front matter `url`
 * @baseurl: (nullable): the front matter `baseurl`, appended to the site URL
 * @fallback: (nullable): the site URL to use when @url is no web URL
 * @uri: (out) (transfer full) (optional): where the site URL goes as a #GUri
 *
 * The site URL relative links resolve against, always ending in "/" so that a page's
 * "videos" and "/videos" both land under the site.
 *
 * Returns: (transfer full) (nullable): the site URL, or %NULL when there is none
 */
char *
cpd_site_url_new (const char *url,
                  const char *baseurl,
                  const char *fallback,
                  GUri      **uri)
{
  g_autoptr (GString) site = NULL;
  g_autoptr (GUri) parsed = NULL;
  g_autofree char *escaped_url = NULL;
  g_autofree char *escaped_host = NULL;
  const char      *host;

  if (!is_web_url (url))
    url = fallback;
  if (!is_web_url (url))
    return NULL;

  /* GUri is lenient; a site URL with blanks, quotes or brackets is a mistake or worse. */
  escaped_url = cpd_href_escape (url);
  if (strcmp (escaped_url, url) != 0)
    return NULL;

  site = g_string_new (url);
  while (site->len > 0 && site->str[site->len - 1] == '/')
    g_string_truncate (site, site->len - 1);

  if (baseurl != NULL)
    {
      g_autofree char *escaped = cpd_href_escape (baseurl);
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

  parsed = g_uri_parse (site->str, G_URI_FLAGS_ENCODED, NULL);
  if (parsed == NULL)
    return NULL;

  /* GUri decodes the escapes of a host name, and relative links take the site's host as
   * GUri has it (cpd_href_resolve ()): it must need none. */
  host = g_uri_get_host (parsed);
  escaped_host = cpd_href_escape (host != NULL ? host : "");
  if (host != NULL && strcmp (escaped_host, host) != 0)
    return NULL;

  if (uri != NULL)
    *uri = g_steal_pointer (&parsed);

  return g_string_free (g_steal_pointer (&site), FALSE);
}
