/* cpd-event.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cpd-event-private.h"
#include "cpd-slug-private.h"

G_DEFINE_BOXED_TYPE (CpdEvent, cpd_event, cpd_event_ref, cpd_event_unref)

CpdEvent *
cpd_event_new (void)
{
  CpdEvent *self = g_atomic_rc_box_new0 (CpdEvent);

  g_date_clear (&self->start, 1);
  g_date_clear (&self->end, 1);

  return self;
}

static void
cpd_event_clear (CpdEvent *self)
{
  g_free (self->title);
  g_free (self->venue_name);
  g_free (self->venue_url);
  g_free (self->registration_url);
  g_free (self->schedule_url);
  g_free (self->conduct_url);
  g_free (self->recordings_url);
}

/**
 * cpd_event_ref:
 * @self: a #CpdEvent
 *
 * Returns: (transfer full): @self
 */
CpdEvent *
cpd_event_ref (CpdEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

/**
 * cpd_event_unref:
 * @self: (transfer full): a #CpdEvent
 */
void
cpd_event_unref (CpdEvent *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) cpd_event_clear);
}

const char *
cpd_event_get_title (CpdEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

const GDate *
cpd_event_get_start_date (CpdEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->has_dates ? &self->start : NULL;
}

const GDate *
cpd_event_get_end_date (CpdEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->has_dates ? &self->end : NULL;
}

const char *
cpd_event_get_venue_name (CpdEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->venue_name;
}

const char *
cpd_event_get_venue_url (CpdEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->venue_url;
}

const char *
cpd_event_get_registration_url (CpdEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->registration_url;
}

const char *
cpd_event_get_schedule_url (CpdEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->schedule_url;
}

const char *
cpd_event_get_conduct_url (CpdEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->conduct_url;
}

const char *
cpd_event_get_recordings_url (CpdEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->recordings_url;
}

static GDateTime *
date_time_from_date (const GDate *date)
{
  return g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 0, 0, 0);
}

static char *
format_date (const GDate *date,
             const char  *format)
{
  g_autoptr (GDateTime) dt = date_time_from_date (date);

  return g_date_time_format (dt, format);
}

/**
 * cpd_event_format_dates:
 * @self: a #CpdEvent
 *
 * Formats the event's days for people, in the user's language: "April 15, 2024",
 * "April 15–16, 2024", "April 30 – May 1, 2024".
 *
 * Returns: (transfer full) (nullable): the dates, or %NULL if the page gives none
 */
char *
cpd_event_format_dates (CpdEvent *self)
{
  const GDate     *start, *end;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  start = cpd_event_get_start_date (self);
  end = cpd_event_get_end_date (self);

  if (start == NULL)
    return NULL;

  if (end == NULL || g_date_compare (start, end) == 0)
    /* Translators: the day of an event, in g_date_time_format() syntax. */
    /* xgettext:no-c-format */
    return format_date (start, _ ("%B %-d, %Y"));

  if (g_date_get_year (start) == g_date_get_year (end) &&
      g_date_get_month (start) == g_date_get_month (end))
    {
      /* Translators: first and last day of an event within one month, in
       * g_date_time_format() syntax; joined they read "April 15–16, 2024". */
      /* xgettext:no-c-format */
      first = format_date (start, C_ ("range in a month, first day", "%B %-d"));
      /* xgettext:no-c-format */
      last = format_date (end, C_ ("range in a month, last day", "%-d, %Y"));

      /* Translators: joins the first and last day of a range within one month. */
      return g_strdup_printf (C_ ("range in a month", "%1$s–%2$s"), first, last);
    }

  if (g_date_get_year (start) == g_date_get_year (end))
    {
      /* Translators: first and last day of an event within one year, in
       * g_date_time_format() syntax; joined they read "April 30 – May 1, 2024". */
      /* xgettext:no-c-format */
      first = format_date (start, C_ ("range in a year, first day", "%B %-d"));
      /* xgettext:no-c-format */
      last = format_date (end, C_ ("range in a year, last day", "%B %-d, %Y"));
    }
  else
    {
      /* xgettext:no-c-format */
      first = format_date (start, _ ("%B %-d, %Y"));
      /* xgettext:no-c-format */
      last = format_date (end, _ ("%B %-d, %Y"));
    }

  /* Translators: joins the first and last day of a range over months or years. */
  return g_strdup_printf (C_ ("range", "%1$s – %2$s"), first, last);
}

/**
 * cpd_event_get_timing:
 * @self: a #CpdEvent
 * @today: (nullable): the day to compare with, or %NULL for today's local date
 * @days_until: (out) (optional): days until the first day for an upcoming event, 0 on
 *   one of its days, and minus the days since the last day for a past event
 *
 * Returns: where @today stands relative to the event
 */
CpdEventTiming
cpd_event_get_timing (CpdEvent    *self,
                      const GDate *today,
                      int         *days_until)
{
  GDate          local_today;
  int            days = 0;
  CpdEventTiming timing;

  g_return_val_if_fail (self != NULL, CPD_EVENT_TIMING_UNKNOWN);
  g_return_val_if_fail (today == NULL || g_date_valid (today), CPD_EVENT_TIMING_UNKNOWN);

  if (today == NULL)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();

      g_date_clear (&local_today, 1);
      g_date_set_dmy (&local_today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
      today = &local_today;
    }

  if (!self->has_dates)
    timing = CPD_EVENT_TIMING_UNKNOWN;
  else if (g_date_compare (today, &self->start) < 0)
    {
      timing = CPD_EVENT_TIMING_UPCOMING;
      days = g_date_days_between (today, &self->start);
    }
  else if (g_date_compare (today, &self->end) <= 0)
    timing = CPD_EVENT_TIMING_TODAY;
  else
    {
      timing = CPD_EVENT_TIMING_PAST;
      days = g_date_days_between (today, &self->end);
    }

  if (days_until != NULL)
    *days_until = days;

  return timing;
}

/**
 * cpd_event_dup_slug:
 * @self: a #CpdEvent
 *
 * Returns: (transfer full): a name for files about the event, such as
 *   "container-plumbing-days-2024"; "event" when the title gives nothing
 */
char *
cpd_event_dup_slug (CpdEvent *self)
{
  g_autofree char *slug = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->title != NULL)
    slug = cpd_slugify (self->title);

  if (slug == NULL || slug[0] == '\0')
    return g_strdup ("event");

  return g_steal_pointer (&slug);
}
