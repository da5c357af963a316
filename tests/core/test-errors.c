/* test-errors.c: the core's error domains
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cpd-test-utils.h"

/* G_DEFINE_QUARK turns its first argument into the domain's name; a formatter once put
 * blanks around its hyphens. The UI's CPD_LINK_OPENER_ERROR is checked by the UI tests. */
static void
test_error_domain_names (void)
{
  g_assert_cmpstr (g_quark_to_string (CPD_DOCUMENT_ERROR), ==, "cpd-document-error-quark");
  g_assert_cmpstr (g_quark_to_string (CPD_CALENDAR_ERROR), ==, "cpd-calendar-error-quark");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/errors/domain-names", test_error_domain_names);

  return g_test_run ();
}
