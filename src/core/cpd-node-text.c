/* cpd-node-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cpd-node-text-private.h"

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
  cmark_node *cur = node;

  /* Depth-first without an iterator: this runs for every heading and link, and inline
   * nesting may be deep, so neither allocation nor recursion. */
  while (cur != NULL)
    {
      cmark_node *next;

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

      next = cmark_node_first_child (cur);
      while (next == NULL && cur != node)
        {
          next = cmark_node_next (cur);
          if (next == NULL)
            cur = cmark_node_parent (cur);
        }

      cur = next;
    }
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
