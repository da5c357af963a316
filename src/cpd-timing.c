/* cpd-timing.c
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Start-up milestones for the benchmark (tests/benchmark/bench-startup.py), which reads the
 * "cpd-timing" lines from stderr: keep their format as it is.
 */

#include "config.h"

#include "cpd-timing.h"

/**
 * cpd_timing_enabled:
 *
 * Returns: whether CPD_REPORT_TIMINGS is set, so that milestones are printed
 */
gboolean
cpd_timing_enabled (void)
{
  static int enabled = -1;

  if (enabled < 0)
    enabled = g_getenv ("CPD_REPORT_TIMINGS") != NULL;

  return enabled;
}

/**
 * cpd_timing_report:
 * @milestone: what just happened, e.g. "first-frame"
 *
 * With CPD_REPORT_TIMINGS set, prints "cpd-timing MILESTONE MICROSECONDS" on stderr. The clock
 * is CLOCK_MONOTONIC, comparable across processes.
 */
void
cpd_timing_report (const char *milestone)
{
  if (cpd_timing_enabled ())
    g_printerr ("cpd-timing %s %" G_GINT64_FORMAT "\n", milestone, g_get_monotonic_time ());
}
