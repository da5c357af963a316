/* bench-core.c: the document core against plain cmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates event pages of 1 KB, 100 KB, 1 MB and 10 MB and, for each, times our whole
 * pipeline (cpd_document_new_from_bytes(): limits, front matter, parse, heading ids,
 * link resolution, event facts, sections, template) against cmark_markdown_to_html()
 * with the same options on the same bytes, in the same run. Prints throughput and the
 * ratio (ours / cmark; 1.0 means no overhead) and the time per MB, which stays flat
 * when the time grows linearly with the size.
 *
 *   build-aux/cpd-env meson compile -C _build bench-core
 *   build-aux/cpd-env _build/tests/benchmark/bench-core [--rounds N]
 *
 * Use a release or debugoptimized build; a sanitizer build measures the sanitizers.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cpd-core.h"
#include "cpd-document-private.h"

#define SITE_URL "https://containerplumbing.org/"

/* One stretch of a realistic event page: headings (repeated across blocks, so ids need
 * suffixes), emphasis, relative and absolute links, lists, labelled lines, code. */
static const char block[] =
  "## Container Plumbing Days\n"
  "\n"
  "Container Plumbing Days is now an event of the Open Container Initiative.  As such, you "
  "can proceed to its [LF Events "
  "Page](https://events.linuxfoundation.org/container-plumbing-days/).\n"
  "\n"
  "**Date**: April 15, 2024\n"
  "\n"
  "**Location**: [Seattle Convention Center, Seattle, WA](https://events.linuxfoundation.org/"
  "container-plumbing-days/attend/venue-travel/)\n"
  "\n"
  "In 2024, we're going to have a one-day *in-person* event full of container runtime "
  "hacking, image building, alternate platforms, and more. See our [videos](/videos) and "
  "the \"lower-level\" tools like `runc`, `crun` and **Podman**.\n"
  "\n"
  "### Concepts\n"
  "\n"
  "* Container runtimes and [image building](/topics/images)\n"
  "* Image scanning, security and isolation\n"
  "* Virtualization inside containers\n"
  "* Linux cgroups and other kernel features\n"
  "\n"
  "> Container orchestration and top-level applications may get most of the exposure, but "
  "they only work because of an infrastructure of supporting tools and libraries.\n"
  "\n"
  "```\n"
  "podman run --rm -it quay.io/podman/stable podman info\n"
  "```\n"
  "\n"
  "All attendees are subject to the [LF Events Code of Conduct]"
  "(https://events.linuxfoundation.org/about/code-of-conduct/).\n"
  "\n";

static char *
make_page (gsize  size,
           gsize *length)
{
  static const char front_matter[] = "---\nlayout: default\n---\n\n";
  GString          *page = g_string_sized_new (size + sizeof block);

  g_string_append (page, front_matter);
  while (page->len < size)
    g_string_append (page, block);

  /* Cut to the exact size: even the 1 KB page has a heading, facts and links. */
  g_string_truncate (page, size - 1);
  g_string_append_c (page, '\n');

  *length = page->len;
  return g_string_free (page, FALSE);
}

/* CPU time of this thread, in seconds: on a busy machine wall-clock time measures the
 * other processes as much as ours. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double
time_raw (const char *page,
          gsize       length,
          guint       iterations)
{
  double start = cpu_seconds ();

  for (guint i = 0; i < iterations; i++)
    {
      char *html = cmark_markdown_to_html (page, length, CPD_DOCUMENT_CMARK_OPTIONS);

      free (html);
    }

  return cpu_seconds () - start;
}

static double
time_ours (GBytes *bytes,
           guint   iterations)
{
  double start = cpu_seconds ();

  for (guint i = 0; i < iterations; i++)
    {
      g_autoptr (GError) error = NULL;
      CpdDocument *document = cpd_document_new_from_bytes (bytes, SITE_URL, &error);

      g_assert_no_error (error);
      g_object_unref (document);
    }

  return cpu_seconds () - start;
}

int
main (int   argc,
      char *argv[])
{
  static const struct
  {
    const char *name;
    gsize       size;
  } sizes[] = {
    { "1 KB", 1024 },
    { "100 KB", 100 * 1024 },
    { "1 MB", 1024 * 1024 },
    { "10 MB", 10 * 1024 * 1024 },
  };
  int          rounds = 5;
  int          only_size = 0;
  gboolean     all_ok = TRUE;
  GOptionEntry entries[] = {
    { "rounds", 'r', 0, G_OPTION_ARG_INT, &rounds, "Timed rounds per size (best counts)", "N" },
    { "size", 's', 0, G_OPTION_ARG_INT, &only_size, "Only this page size, in bytes", "BYTES" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("- benchmark the document core");
  g_autoptr (GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  g_print ("cmark %s, options SMART|VALIDATE_UTF8 for both, thread CPU time, best of %d rounds\n\n",
           cmark_version_string (), rounds);
  g_print ("%-8s %12s %12s %10s %12s %12s\n", "size", "cmark MB/s", "ours MB/s", "ratio",
           "cmark ms/MB", "ours ms/MB");

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      gsize            size = only_size > 0 ? (gsize) only_size : sizes[s].size;
      gsize            length;
      g_autofree char *page = make_page (size, &length);
      g_autoptr (GBytes) bytes = g_bytes_new_static (page, length);
      /* About 20 MB of input per timed batch, and at least two runs. */
      guint  iterations = MAX (2, (20 * 1024 * 1024) / length);
      double best_raw = G_MAXDOUBLE, best_ours = G_MAXDOUBLE;
      double mb = (double) length * iterations / (1024.0 * 1024.0);
      double ratio;

      /* Warm up caches and the allocator once. */
      time_raw (page, length, 1);
      time_ours (bytes, 1);

      /* Interleaved, so both see the same machine state. */
      for (int r = 0; r < rounds; r++)
        {
          best_raw = MIN (best_raw, time_raw (page, length, iterations));
          best_ours = MIN (best_ours, time_ours (bytes, iterations));
        }

      ratio = best_raw / best_ours;
      all_ok = all_ok && ratio >= 0.8;

      g_print ("%-8s %12.1f %12.1f %9.2fx %12.2f %12.2f\n",
               only_size > 0 ? "custom" : sizes[s].name, mb / best_raw, mb / best_ours, ratio,
               best_raw * 1000 / mb, best_ours * 1000 / mb);

      if (only_size > 0)
        break;
    }

  g_print ("\ntarget >= 0.80x at every size: %s\n", all_ok ? "met" : "NOT met");

  return EXIT_SUCCESS;
}
