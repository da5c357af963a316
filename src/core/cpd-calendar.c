/* cpd-calendar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An event as an RFC 5545 calendar, built with libical so that escaping, folding and
 * line endings are libical's business. The calendar has no METHOD: it is a plain
 * publication for import, and with METHOD:PUBLISH iTIP would demand an ORGANIZER the
 * page does not name. Events are all-day (the page gives days, not hours), so they
 * need no time zone.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "cpd-calendar.h"

#define PRODID "-//org.example.CPD//Container Plumbing Days " PACKAGE_VERSION "//EN"

G_DEFINE_QUARK (cpd-calendar-error-quark, cpd_calendar_error);

/**
 * cpd_event_dup_uid:
 * @event: a #CpdEvent with a title and a date
 *
 * The same event always gets the same UID. A calendar that already holds it keeps its
 * first copy when the file is imported again (GNOME Calendar and evolution-data-server
 * refuse the second "Object ID already exists"): no duplicate, but no update either.
 *
 * Returns: (transfer full) (nullable): a UID derived from the title and first day, or
 *   %NULL when the event lacks either
 */
char *
cpd_event_dup_uid (CpdEvent *event)
{
  const GDate     *start;
  g_autofree char *key = NULL;
  g_autofree char *digest = NULL;

  g_return_val_if_fail (event != NULL, NULL);

  start = cpd_event_get_start_date (event);
  if (cpd_event_get_title (event) == NULL || start == NULL)
    return NULL;

  key = g_strdup_printf ("%s\n%04u-%02u-%02u", cpd_event_get_title (event), g_date_get_year (start),
                         g_date_get_month (start), g_date_get_day (start));
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);

  return g_strconcat (digest, "@" CPD_CALENDAR_UID_DOMAIN, NULL);
}

static struct icaltimetype
ical_date (const GDate *date)
{
  struct icaltimetype t = icaltime_null_date ();

  t.year = g_date_get_year (date);
  t.month = g_date_get_month (date);
  t.day = g_date_get_day (date);

  return t;
}

/* Whether @event's first day is after @now's day, where the user is. */
static gboolean
is_upcoming (CpdEvent  *event,
             GDateTime *now)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (now);
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  return cpd_event_get_timing (event, &today, NULL) == CPD_EVENT_TIMING_UPCOMING;
}

/* One reminder the day before, as people set for an event they travel to. */
static icalcomponent *
new_day_before_alarm (CpdEvent *event)
{
  struct icaltriggertype trigger = { 0 };
  g_autofree char       *text = NULL;

  trigger.time = icaltime_null_time ();
  trigger.duration = icaldurationtype_from_int (-24 * 60 * 60);
  /* Translators: the reminder a calendar shows the day before; %s is the event's title */
  text = g_strdup_printf (_ ("%s starts tomorrow"), cpd_event_get_title (event));

  return icalcomponent_vanew (ICAL_VALARM_COMPONENT, icalproperty_new_action (ICAL_ACTION_DISPLAY),
                              icalproperty_new_trigger (trigger),
                              icalproperty_new_description (text), (void *) 0);
}

static char *
build_description (CpdEvent *event)
{
  GString *text = g_string_new (NULL);
  const struct
  {
    const char *label;
    const char *url;
  } lines[] = {
    { _ ("Event page"), cpd_event_get_registration_url (event) },
    { _ ("Schedule"), cpd_event_get_schedule_url (event) },
    { _ ("Venue & travel"), cpd_event_get_venue_url (event) },
    { _ ("Code of conduct"), cpd_event_get_conduct_url (event) },
  };
  g_autofree char *dates = cpd_event_format_dates (event);

  g_string_append (text, cpd_event_get_title (event));
  if (dates != NULL)
    g_string_append_printf (text, "\n%s", dates);
  if (cpd_event_get_venue_name (event) != NULL)
    g_string_append_printf (text, "\n%s", cpd_event_get_venue_name (event));
  g_string_append_c (text, '\n');

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    if (lines[i].url != NULL)
      /* Translators: a line of the calendar event's description: "Schedule: <URL>" */
      g_string_append_printf (text, _ ("\n%s: %s"), lines[i].label, lines[i].url);

  return g_string_free (text, FALSE);
}

/**
 * cpd_event_to_icalendar:
 * @event: a #CpdEvent
 * @dtstamp: (nullable): when the calendar is made, or %NULL for now
 * @error: return location for a #CpdCalendarError
 *
 * Builds a VCALENDAR with one all-day VEVENT: UID (see cpd_event_dup_uid()),
 * DTSTAMP, DTSTART;VALUE=DATE, an exclusive DTEND, SUMMARY, and LOCATION, URL (the
 * event's page) and DESCRIPTION as far as the page gives them. An event still to come
 * (after @dtstamp's day) carries a VALARM that reminds the day before; a past one none.
 *
 * Returns: (transfer full) (nullable): the calendar as iCalendar text, or %NULL with
 *   @error set when the event has no title or no date
 */
char *
cpd_event_to_icalendar (CpdEvent  *event,
                        GDateTime *dtstamp,
                        GError   **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autofree char    *uid = NULL;
  g_autofree char    *description = NULL;
  icalcomponent      *calendar, *vevent;
  struct icaltimetype stamp, end;
  const char         *url;
  char               *text;
  char               *result;

  g_return_val_if_fail (event != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (cpd_event_get_title (event) == NULL)
    {
      g_set_error_literal (error, CPD_CALENDAR_ERROR, CPD_CALENDAR_ERROR_NO_TITLE,
                           _ ("The event has no title"));
      return NULL;
    }

  if (cpd_event_get_start_date (event) == NULL)
    {
      g_set_error_literal (error, CPD_CALENDAR_ERROR, CPD_CALENDAR_ERROR_NO_DATE,
                           _ ("The page does not say when the event takes place"));
      return NULL;
    }

  if (dtstamp == NULL)
    dtstamp = now = g_date_time_new_now_utc ();

  stamp = icaltime_from_timet_with_zone ((time_t) g_date_time_to_unix (dtstamp), 0,
                                         icaltimezone_get_utc_timezone ());

  /* DTEND of an all-day event is the day after the last one (RFC 5545, 3.6.1). */
  end = ical_date (cpd_event_get_end_date (event));
  icaltime_adjust (&end, 1, 0, 0, 0);

  uid = cpd_event_dup_uid (event);
  description = build_description (event);

  vevent = icalcomponent_vanew (
    ICAL_VEVENT_COMPONENT, icalproperty_new_uid (uid), icalproperty_new_dtstamp (stamp),
    icalproperty_new_dtstart (ical_date (cpd_event_get_start_date (event))),
    icalproperty_new_dtend (end), icalproperty_new_summary (cpd_event_get_title (event)),
    (void *) 0);

  if (cpd_event_get_venue_name (event) != NULL)
    icalcomponent_add_property (vevent,
                                icalproperty_new_location (cpd_event_get_venue_name (event)));

  url = cpd_event_get_registration_url (event);
  if (url != NULL)
    icalcomponent_add_property (vevent, icalproperty_new_url (url));

  icalcomponent_add_property (vevent, icalproperty_new_description (description));
  if (is_upcoming (event, dtstamp))
    icalcomponent_add_component (vevent, new_day_before_alarm (event));

  calendar = icalcomponent_vanew (ICAL_VCALENDAR_COMPONENT, icalproperty_new_prodid (PRODID),
                                  icalproperty_new_version ("2.0"),
                                  icalproperty_new_calscale ("GREGORIAN"), vevent, (void *) 0);

  if (calendar == NULL)
    {
      g_set_error (error, CPD_CALENDAR_ERROR, CPD_CALENDAR_ERROR_FAILED,
                   _ ("Could not build the calendar: %s"), icalerror_strerror (icalerrno));
      return NULL;
    }

  text = icalcomponent_as_ical_string_r (calendar);
  result = g_strdup (text);
  icalmemory_free_buffer (text);
  icalcomponent_free (calendar);

  return result;
}
