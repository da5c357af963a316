/* test-calendar.c: the .ics export, read back with libical
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libical/ical.h>

#include "cpd-test-utils.h"

static GDateTime *
fixed_stamp (void)
{
  return g_date_time_new_utc (2024, 3, 1, 12, 30, 5);
}

static char *
event_ics (CpdDocument *document)
{
  g_autoptr (GDateTime) stamp = fixed_stamp ();
  g_autoptr (GError) error = NULL;
  char *ics;

  ics = cpd_event_to_icalendar (cpd_document_get_event (document), stamp, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ics);

  return ics;
}

/* Parses @ics, runs libical's RFC 5545 restriction check and fails on any error it
 * reports. Returns the VCALENDAR. */
static icalcomponent *
parse_and_check (const char *ics)
{
  icalcomponent *calendar = icalparser_parse_string (ics);
  icalcomponent *vevent;
  icalproperty  *prop;

  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);

  icalrestriction_check (calendar);
  for (prop = icalcomponent_get_first_property (calendar, ICAL_XLICERROR_PROPERTY); prop != NULL;
       prop = icalcomponent_get_next_property (calendar, ICAL_XLICERROR_PROPERTY))
    g_error ("VCALENDAR: %s", icalproperty_get_xlicerror (prop));

  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 1);
  vevent = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  for (prop = icalcomponent_get_first_property (vevent, ICAL_XLICERROR_PROPERTY); prop != NULL;
       prop = icalcomponent_get_next_property (vevent, ICAL_XLICERROR_PROPERTY))
    g_error ("VEVENT: %s", icalproperty_get_xlicerror (prop));

  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);

  /* Without METHOD the check does not insist on these: check them here. */
  g_assert_nonnull (icalcomponent_get_first_property (calendar, ICAL_PRODID_PROPERTY));
  g_assert_cmpstr (
    icalproperty_get_version (icalcomponent_get_first_property (calendar, ICAL_VERSION_PROPERTY)),
    ==, "2.0");
  g_assert_nonnull (icalcomponent_get_first_property (vevent, ICAL_UID_PROPERTY));
  g_assert_nonnull (icalcomponent_get_first_property (vevent, ICAL_DTSTAMP_PROPERTY));

  return calendar;
}

static void
assert_ical_date (struct icaltimetype t,
                  int                 year,
                  int                 month,
                  int                 day)
{
  g_assert_true (t.is_date);
  g_assert_cmpint (t.year, ==, year);
  g_assert_cmpint (t.month, ==, month);
  g_assert_cmpint (t.day, ==, day);
}

static void
test_bundled (void)
{
  g_autoptr (CpdDocument) document = cpd_test_load_bundled ();
  g_autofree char    *ics = event_ics (document);
  g_autofree char    *uid = cpd_event_dup_uid (cpd_document_get_event (document));
  icalcomponent      *calendar = parse_and_check (ics);
  icalcomponent      *vevent = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  struct icaltimetype stamp;

  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (ics, "\r\nVERSION:2.0\r\n"));
  g_assert_nonnull (strstr (ics, "\r\nDTSTART;VALUE=DATE:20240415\r\n"));
  g_assert_nonnull (strstr (ics, "\r\nDTEND;VALUE=DATE:20240416\r\n"));
  g_assert_nonnull (strstr (ics, "\r\nDTSTAMP:20240301T123005Z\r\n"));
  g_assert_null (strstr (ics, "METHOD"));

  g_assert_cmpstr (icalcomponent_get_summary (vevent), ==, "Container Plumbing Days 2024");
  g_assert_cmpstr (icalcomponent_get_location (vevent), ==,
                   "Seattle Convention Center, Seattle, WA");
  g_assert_cmpstr (icalcomponent_get_uid (vevent), ==, uid);
  g_assert_true (g_str_has_suffix (uid, "@org.example.CPD"));
  g_assert_cmpuint (strlen (uid), ==, 64 + strlen ("@org.example.CPD"));
  g_assert_cmpstr (
    icalproperty_get_url (icalcomponent_get_first_property (vevent, ICAL_URL_PROPERTY)), ==,
    "https://events.linuxfoundation.org/container-plumbing-days/");
  assert_ical_date (icalcomponent_get_dtstart (vevent), 2024, 4, 15);
  assert_ical_date (icalcomponent_get_dtend (vevent), 2024, 4, 16);

  stamp = icalcomponent_get_dtstamp (vevent);
  g_assert_true (icaltime_is_utc (stamp));
  g_assert_cmpint (stamp.year, ==, 2024);
  g_assert_cmpint (stamp.hour, ==, 12);

  g_assert_nonnull (
    strstr (icalcomponent_get_description (vevent),
            "https://events.linuxfoundation.org/container-plumbing-days/program/schedule/"));
  g_assert_nonnull (strstr (icalcomponent_get_description (vevent), "April 15, 2024"));

  icalcomponent_free (calendar);
}

static void
test_two_days (void)
{
  g_autoptr (CpdDocument) document = cpd_test_load_data ("two-day.md");
  g_autofree char *ics = event_ics (document);
  icalcomponent   *calendar = parse_and_check (ics);
  icalcomponent   *vevent = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);

  /* DTEND is exclusive: the day after the last one. */
  assert_ical_date (icalcomponent_get_dtstart (vevent), 2025, 9, 3);
  assert_ical_date (icalcomponent_get_dtend (vevent), 2025, 9, 5);
  g_assert_cmpstr (icalcomponent_get_summary (vevent), ==, "Plumbing Summit: Two Days");
  g_assert_cmpstr (icalcomponent_get_location (vevent), ==, "Hall B, Example Conference Centre");

  icalcomponent_free (calendar);
}

static void
test_month_and_year_end (void)
{
  g_autoptr (CpdDocument) document =
    cpd_test_load_string ("# New Year Hack\n\nDate: December 30-31, 2024\n", NULL);
  g_autofree char *ics = event_ics (document);
  icalcomponent   *calendar = parse_and_check (ics);
  icalcomponent   *vevent = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);

  assert_ical_date (icalcomponent_get_dtend (vevent), 2025, 1, 1);
  /* Absent facts are absent properties. */
  g_assert_null (icalcomponent_get_first_property (vevent, ICAL_LOCATION_PROPERTY));
  g_assert_null (icalcomponent_get_first_property (vevent, ICAL_URL_PROPERTY));

  icalcomponent_free (calendar);
}

static void
test_escaping_and_folding (void)
{
  g_autoptr (CpdDocument) document = cpd_test_load_data ("escaping.md");
  CpdEvent        *event = cpd_document_get_event (document);
  g_autofree char *ics = event_ics (document);
  g_auto (GStrv) lines = NULL;
  icalcomponent *calendar = parse_and_check (ics);
  icalcomponent *vevent = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  guint          n_folded = 0;

  g_assert_cmpstr (cpd_event_get_venue_name (event), ==,
                   "Salle \xc3\x88ve, 2e \xc3\xa9tage; Paris, \xe2\x80\x9cRive gauche\xe2\x80\x9d");

  /* Escaped: commas, semicolons and newlines... */
  g_assert_nonnull (strstr (ics, "SUMMARY:Caf\xc3\xa9 Plumbing\\; Deep Dive\\, Part 2"));
  g_assert_nonnull (strstr (ics, "LOCATION:Salle \xc3\x88ve\\, 2e \xc3\xa9tage\\; Paris\\,"));
  g_assert_nonnull (strstr (ics, "\\n"));

  /* ...folded at 75 octets with CRLF and a blank, never inside a UTF-8 character... */
  lines = g_strsplit (ics, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_null (strchr (lines[i], '\n'));
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      if (lines[i][0] == ' ')
        n_folded++;
    }
  g_assert_cmpuint (n_folded, >, 0);

  /* ...and read back to the very same text. */
  g_assert_cmpstr (icalcomponent_get_summary (vevent), ==, cpd_event_get_title (event));
  g_assert_cmpstr (icalcomponent_get_location (vevent), ==, cpd_event_get_venue_name (event));
  g_assert_cmpstr (
    icalproperty_get_url (icalcomponent_get_first_property (vevent, ICAL_URL_PROPERTY)), ==,
    "https://cafe.example.fr/tickets?a=1&b=2");
  g_assert_nonnull (strchr (icalcomponent_get_description (vevent), '\n'));
  assert_ical_date (icalcomponent_get_dtstart (vevent), 2024, 6, 10);

  icalcomponent_free (calendar);
}

static void
test_uid_stable (void)
{
  g_autoptr (CpdDocument) a = cpd_test_load_bundled ();
  g_autoptr (CpdDocument) b = cpd_test_load_bundled ();
  g_autoptr (CpdDocument) other_day =
    cpd_test_load_string ("# Container Plumbing Days 2024\n\nDate: April 16, 2024\n", NULL);
  g_autoptr (CpdDocument) same =
    cpd_test_load_string ("# Container Plumbing Days 2024\n\nDate: 2024-04-15\n", NULL);
  g_autofree char *uid_a = cpd_event_dup_uid (cpd_document_get_event (a));
  g_autofree char *uid_b = cpd_event_dup_uid (cpd_document_get_event (b));
  g_autofree char *uid_other = cpd_event_dup_uid (cpd_document_get_event (other_day));
  g_autofree char *uid_same = cpd_event_dup_uid (cpd_document_get_event (same));
  g_autofree char *expected = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *ics1 = NULL;
  g_autofree char *ics2 = NULL;
  g_autoptr (GDateTime) later = g_date_time_new_utc (2024, 4, 1, 0, 0, 0);

  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                          "Container Plumbing Days 2024\n2024-04-15", -1);
  expected = g_strconcat (digest, "@org.example.CPD", NULL);

  g_assert_cmpstr (uid_a, ==, expected);
  g_assert_cmpstr (uid_a, ==, uid_b);
  g_assert_cmpstr (uid_a, ==, uid_same);
  g_assert_cmpstr (uid_a, !=, uid_other);

  /* Made at another time, the calendar differs only in DTSTAMP. */
  ics1 = event_ics (a);
  ics2 = cpd_event_to_icalendar (cpd_document_get_event (b), later, NULL);
  g_assert_cmpstr (ics1, !=, ics2);
  {
    icalcomponent *calendar = parse_and_check (ics2);
    icalcomponent *vevent = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);

    g_assert_cmpstr (icalcomponent_get_uid (vevent), ==, uid_a);
    icalcomponent_free (calendar);
  }
}

static void
test_now_stamp (void)
{
  g_autoptr (CpdDocument) document = cpd_test_load_bundled ();
  g_autofree char    *ics = cpd_event_to_icalendar (cpd_document_get_event (document), NULL, NULL);
  icalcomponent      *calendar = parse_and_check (ics);
  icalcomponent      *vevent = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  struct icaltimetype stamp = icalcomponent_get_dtstamp (vevent);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  g_assert_true (icaltime_is_utc (stamp));
  g_assert_cmpint (ABS ((gint64) icaltime_as_timet (stamp) - g_date_time_to_unix (now)), <, 60);

  icalcomponent_free (calendar);
}

static void
test_incomplete (void)
{
  g_autoptr (CpdDocument) no_date = cpd_test_load_data ("no-facts.md");
  g_autoptr (CpdDocument) no_title = cpd_test_load_string ("Date: April 15, 2024\n", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *ics = NULL;

  ics = cpd_event_to_icalendar (cpd_document_get_event (no_date), NULL, &error);
  g_assert_error (error, CPD_CALENDAR_ERROR, CPD_CALENDAR_ERROR_NO_DATE);
  g_assert_null (ics);
  g_clear_error (&error);

  ics = cpd_event_to_icalendar (cpd_document_get_event (no_title), NULL, &error);
  g_assert_error (error, CPD_CALENDAR_ERROR, CPD_CALENDAR_ERROR_NO_TITLE);
  g_assert_null (ics);
  g_assert_null (cpd_event_dup_uid (cpd_document_get_event (no_title)));
}

static icalcomponent *
bundled_calendar_at (int year,
                     int month,
                     int day)
{
  g_autoptr (CpdDocument) document = cpd_test_load_bundled ();
  g_autoptr (GDateTime) stamp = g_date_time_new_local (year, month, day, 12, 0, 0);
  g_autofree char *ics = cpd_event_to_icalendar (cpd_document_get_event (document), stamp, NULL);

  return parse_and_check (ics);
}

/* One reminder the day before, for an event still to come; none once it has begun. */
static void
test_alarm (void)
{
  icalcomponent         *before = bundled_calendar_at (2024, 3, 1);
  icalcomponent         *vevent = icalcomponent_get_first_component (before, ICAL_VEVENT_COMPONENT);
  icalcomponent         *alarm;
  icalcomponent         *on_the_day = bundled_calendar_at (2024, 4, 15);
  icalcomponent         *after = bundled_calendar_at (2024, 5, 1);
  struct icaltriggertype trigger;

  g_assert_cmpint (icalcomponent_count_components (vevent, ICAL_VALARM_COMPONENT), ==, 1);
  alarm = icalcomponent_get_first_component (vevent, ICAL_VALARM_COMPONENT);
  g_assert_cmpint (icalproperty_get_action (icalcomponent_get_first_property (alarm, ICAL_ACTION_PROPERTY)), ==, ICAL_ACTION_DISPLAY);
  trigger = icalproperty_get_trigger (icalcomponent_get_first_property (alarm, ICAL_TRIGGER_PROPERTY));
  g_assert_cmpint (icaldurationtype_as_int (trigger.duration), ==, -24 * 60 * 60);
  g_assert_cmpstr (icalcomponent_get_description (alarm), ==,
                   "Container Plumbing Days 2024 starts tomorrow");
  g_assert_nonnull (strstr (icalcomponent_as_ical_string (alarm), "TRIGGER:-P1D"));

  for (icalcomponent **calendar = (icalcomponent *[]){ on_the_day, after, NULL }; *calendar; calendar++)
    {
      vevent = icalcomponent_get_first_component (*calendar, ICAL_VEVENT_COMPONENT);
      g_assert_cmpint (icalcomponent_count_components (vevent, ICAL_VALARM_COMPONENT), ==, 0);
    }

  icalcomponent_free (before);
  icalcomponent_free (on_the_day);
  icalcomponent_free (after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/bundled", test_bundled);
  g_test_add_func ("/calendar/two-days", test_two_days);
  g_test_add_func ("/calendar/month-and-year-end", test_month_and_year_end);
  g_test_add_func ("/calendar/escaping-and-folding", test_escaping_and_folding);
  g_test_add_func ("/calendar/uid-stable", test_uid_stable);
  g_test_add_func ("/calendar/now-stamp", test_now_stamp);
  g_test_add_func ("/calendar/incomplete", test_incomplete);
  g_test_add_func ("/calendar/alarm", test_alarm);

  return g_test_run ();
}
