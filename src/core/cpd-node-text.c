/* cpd-node-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cpd-node-text.h"

/**
 * cpd_node_append_text:
 * @node: an inline container (heading, link, emphasis...) or an inline
 * @out: where to append
 *
 * Appends what a reader sees of @node as plain text: text and code spans, line
 * breaks as spaces, image descriptions; raw HTML is not shown (it is never rendered),
 * so it is left out.
 */
void
cpd_node_append_text (cmark_node *node,
                      GString    *out)
{
  cmark_iter *iter = cmark_iter_new (node);
  cmark_event_type ev;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *cur;

      if (ev != CMARK_EVENT_ENTER)
        continue;

      cur = cmark_iter_get_node (iter);
      switch (cmark_node_get_type (cur))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          g_string_append (out, cmark_node_get_literal (cur));
          break;

        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (out, ' ');
          break;

        default:
          break;
        }
    }

  cmark_iter_free (iter);
}

/**
 * cpd_node_dup_text:
 * @node: an inline container or an inline
 *
 * Returns: (transfer full): the plain text of @node, see cpd_node_append_text()
 */
char *
cpd_node_dup_text (cmark_node *node)
{
  GString *out = g_string_new (NULL);

  cpd_node_append_text (node, out);

  return g_string_free (out, FALSE);
}
