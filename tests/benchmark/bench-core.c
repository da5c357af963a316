/* bench-core.c: the document core against plain cmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For pages of 1 KB, 2.5 KB (the bundled event page), 100 KB, 1 MB and 10 MB, times our
 * whole pipeline (cpd_document_new_from_bytes(): limits, front matter, parse, heading
 * ids, link resolution, event facts, sections, template) against cmark_markdown_to_html()
 * with the same options on the same bytes, in the same run, and prints the throughput,
 * the ratio (ours / cmark throughput; 1.0 means no overhead) and the time per MB.
 *
 * The budget, on the median trial of each size:
 *   - ratio >= 0.50x on the 1 KB and 2.5 KB pages: microseconds nobody sees;
 *   - ratio >= 0.77x on 1 MB and 10 MB: there a user waits;
 *   - linear from 1 KB to 10 MB: our time per MB grows from 1 KB to 10 MB by at most 1.5
 *     times as much as cmark's own does. cmark's parser is linear, yet its time per MB grows
 *     about threefold here, as the pages outgrow the CPU caches: that growth belongs to the
 *     machine, what we add on top of it would be ours.
 *
 * Each size is measured in --trials fresh processes (3 by default): how fast the same code
 * runs depends on where a process's memory landed, which no number of rounds inside one
 * process averages out.
 *
 *   build-aux/cpd-env meson compile -C _build bench-core
 *   build-aux/cpd-env _build/tests/benchmark/bench-core [--rounds N] [--trials N] [--size BYTES]
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

/* The bundled event page, as the app shows it. */
static char *
read_bundled_page (gsize *length)
{
  g_autoptr (GError) error = NULL;
  char *contents;

  if (!g_file_get_contents (BUNDLED_PAGE, &contents, length, &error))
    g_error ("%s", error->message);

  return contents;
}

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

/* Times both for a page of @size bytes, best of @rounds, in this process. */
static void
measure (gsize   size,
         int     rounds,
         double *best_raw,
         double *best_ours,
         double *mb)
{
  gsize            length;
  g_autofree char *page = size > 0 ? make_page (size, &length) : read_bundled_page (&length);
  g_autoptr (GBytes) bytes = g_bytes_new_static (page, length);
  /* About 20 MB of input per timed batch, and at least two runs. */
  guint iterations = MAX (2, (20 * 1024 * 1024) / length);

  *best_raw = *best_ours = G_MAXDOUBLE;
  *mb = (double) length * iterations / (1024.0 * 1024.0);

  /* Warm up caches and the allocator once. */
  time_raw (page, length, 1);
  time_ours (bytes, 1);

  /* Interleaved, so both see the same machine state. */
  for (int r = 0; r < rounds; r++)
    {
      *best_raw = MIN (*best_raw, time_raw (page, length, iterations));
      *best_ours = MIN (*best_ours, time_ours (bytes, iterations));
    }
}

typedef struct
{
  double raw;
  double ours;
  double mb;
} Trial;

static int
compare_trials (gconstpointer a,
                gconstpointer b)
{
  const Trial *x = a, *y = b;
  double       rx = x->raw / x->ours, ry = y->raw / y->ours;

  return (rx > ry) - (rx < ry);
}

/* Runs one trial in a fresh process: this program with --trial-size. */
static gboolean
run_trial (const char *self_path,
           gsize       size,
           int         rounds,
           Trial      *trial,
           GError    **error)
{
  g_autofree char *size_arg = g_strdup_printf ("--trial-size=%" G_GSIZE_FORMAT, size);
  g_autofree char *rounds_arg = g_strdup_printf ("--rounds=%d", rounds);
  const char      *argv[] = { self_path, size_arg, rounds_arg, NULL };
  g_autofree char *output = NULL;
  int              status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL,
                     &status, error) ||
      !g_spawn_check_wait_status (status, error))
    return FALSE;

  if (sscanf (output, "%lf %lf %lf", &trial->raw, &trial->ours, &trial->mb) != 3)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "A trial printed “%s”", output);
      return FALSE;
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  /* min_ratio 0: no bound of its own at that size. */
  static const struct
  {
    const char *name;
    gsize       size; /* 0: the bundled page */
    double      min_ratio;
  } sizes[] = {
    { "1 KB", 1024, 0.5 },
    { "2.5 KB", 0, 0.5 },
    { "100 KB", 100 * 1024, 0 },
    { "1 MB", 1024 * 1024, 0.77 },
    { "10 MB", 10 * 1024 * 1024, 0.77 },
  };
  /* Time per MB (cmark, ours) at the smallest and the largest size, for linearity. */
  double       first[2] = { 0 }, last[2] = { 0 }, growth[2];
  int          rounds = 5;
  int          trials = 3;
  int          only_size = 0;
  gint64       trial_size = -1;
  gboolean     all_ok = TRUE;
  GOptionEntry entries[] = {
    { "rounds", 'r', 0, G_OPTION_ARG_INT, &rounds, "Timed rounds per size (best counts)", "N" },
    { "trials", 't', 0, G_OPTION_ARG_INT, &trials, "Fresh processes per size (median counts)",
      "N" },
    { "size", 's', 0, G_OPTION_ARG_INT, &only_size, "Only this page size, in bytes", "BYTES" },
    { "trial-size", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT64, &trial_size, NULL, NULL },
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

  if (trial_size >= 0)
    {
      Trial trial;

      measure ((gsize) trial_size, rounds, &trial.raw, &trial.ours, &trial.mb);
      g_print ("%.9f %.9f %.9f\n", trial.raw, trial.ours, trial.mb);
      return EXIT_SUCCESS;
    }

  trials = MAX (trials, 1);
  g_print ("cmark %s, options SMART|VALIDATE_UTF8 for both, thread CPU time, best of %d rounds,\n"
           "median of %d processes\n\n",
           cmark_version_string (), rounds, trials);
  g_print ("%-8s %12s %12s %10s %15s %8s %12s %12s\n", "size", "cmark MB/s", "ours MB/s",
           "ratio", "ratio range", "budget", "cmark ms/MB", "ours ms/MB");

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      gsize             size = only_size > 0 ? (gsize) only_size : sizes[s].size;
      g_autofree Trial *results = g_new (Trial, trials);
      const Trial      *median;
      double            ratio, ms_per_mb[2];
      g_autofree char  *budget = NULL;

      for (int t = 0; t < trials; t++)
        if (!run_trial (argv[0], size, rounds, &results[t], &error))
          {
            g_printerr ("%s\n", error->message);
            return EXIT_FAILURE;
          }

      qsort (results, trials, sizeof (Trial), compare_trials);
      median = &results[trials / 2];
      ratio = median->raw / median->ours;
      ms_per_mb[0] = median->raw * 1000 / median->mb;
      ms_per_mb[1] = median->ours * 1000 / median->mb;
      if (s == 0)
        memcpy (first, ms_per_mb, sizeof first);
      memcpy (last, ms_per_mb, sizeof last);
      if (only_size == 0 && sizes[s].min_ratio > 0)
        {
          budget = g_strdup_printf (">=%.2fx", sizes[s].min_ratio);
          all_ok = all_ok && ratio >= sizes[s].min_ratio;
        }

      g_print ("%-8s %12.1f %12.1f %9.2fx %8.2f-%.2fx %8s %12.2f %12.2f\n",
               only_size > 0 ? "custom" : sizes[s].name, median->mb / median->raw,
               median->mb / median->ours, ratio, results[0].raw / results[0].ours,
               results[trials - 1].raw / results[trials - 1].ours, budget ? budget : "-",
               ms_per_mb[0], ms_per_mb[1]);

      if (only_size > 0)
        return EXIT_SUCCESS;
    }

  growth[0] = last[0] / first[0];
  growth[1] = last[1] / first[1];
  g_print ("\nlinearity: time per MB at 10 MB / at 1 KB: cmark %.2f, ours %.2f;"
           " ours / cmark %.2f (budget <= 1.50)\n",
           growth[0], growth[1], growth[1] / growth[0]);
  all_ok = all_ok && growth[1] <= 1.5 * growth[0];
  g_print ("budget (>= 0.50x at 1 KB and 2.5 KB, >= 0.77x at 1 MB and 10 MB, linear): %s\n",
           all_ok ? "met" : "NOT met");

  return EXIT_SUCCESS;
}
