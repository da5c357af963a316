/* cpd-window-status.c
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Where the event stands for the window: one "today" for the banner, the card and the menu,
 * and the banner that says how far the event is, checked again just after each midnight. */

#include "config.h"

#include <glib/gi18n.h>

#include "cpd-window-private.h"

/* Further off, a count of days ("starts in 412 days") says less than the date itself. */
#define COUNTDOWN_DAYS 30

static gboolean cpd_window_midnight_cb (gpointer user_data);

/* One "today" for the banner, the card and the menu: the one a test set, else the local
 * date, which is checked again just after each midnight. */
static void
cpd_window_get_today (CpdWindow *self,
                      GDate     *today)
{
  g_autoptr (GDateTime) now = NULL;

  if (self->today != NULL)
    {
      *today = *self->today;
      return;
    }

  now = g_date_time_new_now_local ();
  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

static void
cpd_window_wake_at_midnight (CpdWindow *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr (GDateTime) midnight = NULL;

  midnight = g_date_time_new_local (g_date_time_get_year (tomorrow),
                                    g_date_time_get_month (tomorrow),
                                    g_date_time_get_day_of_month (tomorrow), 0, 0, 1);
  self->midnight_source =
    g_timeout_add_seconds_full (G_PRIORITY_LOW,
                                (guint) (g_date_time_difference (midnight, now) / G_USEC_PER_SEC) + 1,
                                cpd_window_midnight_cb, self, NULL);
}

void
_cpd_window_update_timing (CpdWindow *self)
{
  g_autofree char *dates = NULL;
  g_autofree char *title = NULL;
  CpdEvent        *event;
  GDate            today;
  int              days = 0;

  g_clear_handle_id (&self->midnight_source, g_source_remove);

  event = self->document != NULL ? cpd_document_get_event (self->document) : NULL;
  cpd_window_get_today (self, &today);
  self->timing = event != NULL ? cpd_event_get_timing (event, &today, &days)
                               : CPD_EVENT_TIMING_UNKNOWN;

  switch (self->timing)
    {
    case CPD_EVENT_TIMING_UPCOMING:
      if (days == 1)
        title = g_strdup (_ ("The event starts tomorrow"));
      else if (days <= COUNTDOWN_DAYS)
        title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The event starts in %d day",
                                              "The event starts in %d days", days),
                                 days);
      else
        {
          dates = cpd_event_format_dates (event);
          /* Translators: %s is the event's date or dates, e.g. "April 15, 2027" or
           * "April 15–16, 2027". */
          title = g_strdup_printf (_ ("This event takes place on %s"), dates);
        }
      break;

    case CPD_EVENT_TIMING_TODAY:
      title = g_strdup (_ ("The event is happening today"));
      break;

    case CPD_EVENT_TIMING_PAST:
      dates = cpd_event_format_dates (event);
      /* Translators: %s is the event's date or dates, e.g. "April 15, 2024" or
       * "April 15–16, 2024". */
      title = g_strdup_printf (_ ("This event took place on %s"), dates);
      break;

    case CPD_EVENT_TIMING_UNKNOWN:
    default:
      break;
    }

  adw_banner_set_title (self->banner, title != NULL ? title : "");
  adw_banner_set_revealed (self->banner, title != NULL);
  cpd_sidebar_set_timing (self->sidebar, self->timing);
  _cpd_window_update_actions (self);

  /* Wake once, just after local midnight, when the answer can change. */
  if (title != NULL && self->today == NULL)
    cpd_window_wake_at_midnight (self);
}

static gboolean
cpd_window_midnight_cb (gpointer user_data)
{
  CpdWindow *self = user_data;

  self->midnight_source = 0;
  _cpd_window_update_timing (self);

  return G_SOURCE_REMOVE;
}

CpdEventTiming
cpd_window_get_timing (CpdWindow *self)
{
  g_return_val_if_fail (CPD_IS_WINDOW (self), CPD_EVENT_TIMING_UNKNOWN);

  return self->timing;
}
