/* test-event.c: event facts, dates, timing and formatting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cpd-date-parser-private.h"
#include "cpd-test-utils.h"

static void
test_date_parser (void)
{
  static const struct
  {
    const char *text;
    guint       y1, m1, d1, y2, m2, d2; /* y1 == 0: no date */
  } cases[] = {
    { "April 15, 2024", 2024, 4, 15, 2024, 4, 15 },
    { "2024-04-15", 2024, 4, 15, 2024, 4, 15 },
    { "15 April 2024", 2024, 4, 15, 2024, 4, 15 },
    { "April 15-16, 2024", 2024, 4, 15, 2024, 4, 16 },
    { "April 15 \xe2\x80\x93 16, 2024", 2024, 4, 15, 2024, 4, 16 },
    { "15-16 April 2024", 2024, 4, 15, 2024, 4, 16 },
    { "April 30 - May 1, 2024", 2024, 4, 30, 2024, 5, 1 },
    { "30 April \xe2\x80\x93 1 May 2025", 2025, 4, 30, 2025, 5, 1 },
    { "December 30, 2024 to January 2, 2025", 2024, 12, 30, 2025, 1, 2 },
    { "2024-04-15/2024-04-16", 2024, 4, 15, 2024, 4, 16 },
    { "2024-04-15 to 2024-04-17", 2024, 4, 15, 2024, 4, 17 },
    { "Monday, April 15th, 2024", 2024, 4, 15, 2024, 4, 15 },
    { "15th of April 2024", 2024, 4, 15, 2024, 4, 15 },
    { "Apr. 15 2024", 2024, 4, 15, 2024, 4, 15 },
    { "sept 3, 2025", 2025, 9, 3, 2025, 9, 3 },
    { "2025-01-20 18:00:00 +0100", 2025, 1, 20, 2025, 1, 20 },
    { "April 15, 2024 (9:00-17:00)", 2024, 4, 15, 2024, 4, 15 },
    { "April 15, 2024 - 10:00", 2024, 4, 15, 2024, 4, 15 },
    { "  April\xc2\xa0"
      "15, 2024",
      2024, 4, 15, 2024, 4, 15 },
    { "October 17-19, 2023", 2023, 10, 17, 2023, 10, 19 },
    { "Sunday, November 17th, 2019", 2019, 11, 17, 2019, 11, 17 },
    { "21st September 2023", 2023, 9, 21, 2023, 9, 21 },
    { "2014-12-03 to 12-05", 2014, 12, 3, 2014, 12, 5 },
    { "13.11.2015", 2015, 11, 13, 2015, 11, 13 },
    { "10/17/2023", 2023, 10, 17, 2023, 10, 17 },
    { "17/10/2023", 2023, 10, 17, 2023, 10, 17 },
    { "June 24th + 25th 2022", 2022, 6, 24, 2022, 6, 25 },
    { "Vom 13. bis 15. November 2015", 2015, 11, 13, 2015, 11, 15 },
    { "Samstag, 7. September 2024", 2024, 9, 7, 2024, 9, 7 },
    { "du 30 juin au 03 juillet 2026", 2026, 6, 30, 2026, 7, 3 },
    { "le 1er avril 2025", 2025, 4, 1, 2025, 4, 1 },
    { "del 5 al 7 de mayo de 2025", 2025, 5, 5, 2025, 5, 7 },
    { "sábado 12 de octubre de 2024", 2024, 10, 12, 2024, 10, 12 },
    { "de 14 a 16 de agosto de 2025", 2025, 8, 14, 2025, 8, 16 },
    { "dal 3 al 5 ottobre 2024", 2024, 10, 3, 2024, 10, 5 },
    { "2024年8月24日（土）", 2024, 8, 24, 2024, 8, 24 },
    { "2023年11月4日-5日", 2023, 11, 4, 2023, 11, 5 },
    { "2023年11月4日至5日", 2023, 11, 4, 2023, 11, 5 },
    /* Not dates, or not whole ones. */
    { "April 15", 0 },
    { "April 2024", 0 },
    { "TBD", 0 },
    { "", 0 },
    { "February 30, 2024", 0 },
    { "2024-13-01", 0 },
    { "April 16-15, 2024", 0 },
    { "January 1, 2024 - January 2, 2026", 0 },
    { "April 15, 24", 0 },
    { "next year", 0 },
    { "99999999999999999999 April 2024", 0 },
    { "10/11/2023", 0 },             /* October 11 or 10 November: no way to tell */
    { "June 24th + 26th 2022", 0 },  /* "and" joins two days in a row, not a range */
    { "Monday, April 16, 2024", 0 }, /* April 16, 2024 was a Tuesday */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate    start, end;
      gboolean parsed;

      g_date_clear (&start, 1);
      g_date_clear (&end, 1);
      parsed = cpd_date_parse_range (cases[i].text, 0, &start, &end);
      g_test_message ("%s", cases[i].text);

      if (cases[i].y1 == 0)
        {
          g_assert_false (parsed);
          continue;
        }

      g_assert_true (parsed);
      cpd_test_assert_date (&start, cases[i].y1, cases[i].m1, cases[i].d1);
      cpd_test_assert_date (&end, cases[i].y2, cases[i].m2, cases[i].d2);
    }

  {
    GDate start, end;

    g_assert_false (cpd_date_parse_range (NULL, 0, &start, &end));
  }
}

/* A year only the caller knows, from the page's title or front matter; weekdays check it. */
static void
test_date_parser_default_year (void)
{
  GDate start, end;

  g_date_clear (&start, 1);
  g_date_clear (&end, 1);
  g_assert_true (cpd_date_parse_range ("December 10th to 13th", 2024, &start, &end));
  cpd_test_assert_date (&start, 2024, 12, 10);
  cpd_test_assert_date (&end, 2024, 12, 13);

  g_assert_true (
    cpd_date_parse_range ("Monday, April 17 \xe2\x80\x93 Tuesday, April 18", 2023, &start, &end));
  cpd_test_assert_date (&start, 2023, 4, 17);
  cpd_test_assert_date (&end, 2023, 4, 18);

  /* In 2024 April 17 is a Wednesday: the weekdays say the year is wrong. */
  g_assert_false (
    cpd_date_parse_range ("Monday, April 17 \xe2\x80\x93 Tuesday, April 18", 2024, &start, &end));
  g_assert_false (cpd_date_parse_range ("December 10th to 13th", 0, &start, &end));
}

static void
test_date_parser_find (void)
{
  g_autoptr (GArray) ranges = g_array_new (FALSE, FALSE, sizeof (CpdDateRange));
  g_autoptr (GArray) none = g_array_new (FALSE, FALSE, sizeof (CpdDateRange));
  const CpdDateRange *range;
  const char         *text = "The Forum runs from October 17 to 19, 2023; talks are due by June 1, 2023.";

  cpd_date_find_ranges (text, 0, ranges);
  g_assert_cmpuint (ranges->len, ==, 2);
  range = &g_array_index (ranges, CpdDateRange, 0);
  cpd_test_assert_date (&range->start, 2023, 10, 17);
  cpd_test_assert_date (&range->end, 2023, 10, 19);
  g_assert_true (g_str_has_prefix (text + range->offset, "October 17 to 19, 2023;"));
  g_assert_cmpuint (range->length, ==, strlen ("October 17 to 19, 2023"));
  range = &g_array_index (ranges, CpdDateRange, 1);
  cpd_test_assert_date (&range->start, 2023, 6, 1);

  /* A rejected date does not come back a word later without its weekday. */
  cpd_date_find_ranges ("Monday, April 16, 2024 and 15 speakers in 2024", 0, none);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_facts_bundled (void)
{
  g_autoptr (CpdDocument) document = cpd_test_load_bundled ();
  CpdEvent *event = cpd_document_get_event (document);
  g_autoptr (CpdEvent) kept = NULL;

  g_assert_cmpstr (cpd_event_get_title (event), ==, "Container Plumbing Days 2024");
  cpd_test_assert_date (cpd_event_get_start_date (event), 2024, 4, 15);
  cpd_test_assert_date (cpd_event_get_end_date (event), 2024, 4, 15);
  g_assert_cmpstr (cpd_event_get_venue_name (event), ==, "Seattle Convention Center, Seattle, WA");
  g_assert_cmpstr (
    cpd_event_get_venue_url (event), ==,
    "https://events.linuxfoundation.org/container-plumbing-days/attend/venue-travel/");
  g_assert_cmpstr (cpd_event_get_registration_url (event), ==,
                   "https://events.linuxfoundation.org/container-plumbing-days/");
  g_assert_cmpstr (cpd_event_get_schedule_url (event), ==,
                   "https://events.linuxfoundation.org/container-plumbing-days/program/schedule/");
  g_assert_cmpstr (cpd_event_get_conduct_url (event), ==,
                   "https://events.linuxfoundation.org/about/code-of-conduct/");

  /* A value of its own: a reference (here through the boxed type) outlives the page. */
  kept = g_boxed_copy (CPD_TYPE_EVENT, event);
  g_assert_true (kept == event);
  g_clear_object (&document);
  g_assert_cmpstr (cpd_event_get_venue_name (kept), ==, "Seattle Convention Center, Seattle, WA");
  g_assert_cmpstr (cpd_event_get_conduct_url (kept), ==,
                   "https://events.linuxfoundation.org/about/code-of-conduct/");
  cpd_test_assert_date (cpd_event_get_end_date (kept), 2024, 4, 15);
}

static void
test_facts_two_day (void)
{
  g_autoptr (CpdDocument) document = cpd_test_load_data ("two-day.md");
  CpdEvent *event = cpd_document_get_event (document);

  g_assert_cmpstr (cpd_event_get_title (event), ==, "Plumbing Summit: Two Days");
  cpd_test_assert_date (cpd_event_get_start_date (event), 2025, 9, 3);
  cpd_test_assert_date (cpd_event_get_end_date (event), 2025, 9, 4);
  g_assert_cmpstr (cpd_event_get_venue_name (event), ==, "Hall B, Example Conference Centre");
  g_assert_null (cpd_event_get_venue_url (event));
  g_assert_cmpstr (cpd_event_get_registration_url (event), ==,
                   "https://summit.example.org/register");
  g_assert_cmpstr (cpd_event_get_schedule_url (event), ==,
                   "https://summit.example.org/2025/agenda.html");
  g_assert_cmpstr (cpd_event_get_conduct_url (event), ==, "https://summit.example.org/conduct/");
}

static void
test_facts_iso_date (void)
{
  g_autoptr (CpdDocument) document = cpd_test_load_data ("iso-date.md");
  CpdEvent *event = cpd_document_get_event (document);

  g_assert_cmpstr (cpd_event_get_title (event), ==, "Kernel Hackfest");
  cpd_test_assert_date (cpd_event_get_start_date (event), 2024, 11, 2);
  cpd_test_assert_date (cpd_event_get_end_date (event), 2024, 11, 2);
  g_assert_cmpstr (cpd_event_get_venue_name (event), ==, "Maison de la Chimie, Paris");
  g_assert_cmpstr (cpd_event_get_venue_url (event), ==, "https://maison.example.fr/venue");
  g_assert_cmpstr (cpd_event_get_registration_url (event), ==,
                   "https://tickets.example.com/hackfest");
  /* No link text says schedule: the URL rule finds the programme. */
  g_assert_cmpstr (cpd_event_get_schedule_url (event), ==, "https://hackfest.example.com/program");
  g_assert_null (cpd_event_get_conduct_url (event));
}

static void
test_facts_front_matter_date (void)
{
  g_autoptr (CpdDocument) document = cpd_test_load_data ("front-matter-date.md");
  CpdEvent *event = cpd_document_get_event (document);

  g_assert_cmpstr (cpd_event_get_title (event), ==, "Runtime Meetup");
  g_assert_cmpstr (cpd_document_get_front_matter (document, "layout"), ==, "event");
  cpd_test_assert_date (cpd_event_get_start_date (event), 2025, 1, 20);
  cpd_test_assert_date (cpd_event_get_end_date (event), 2025, 1, 20);
  g_assert_null (cpd_event_get_venue_name (event));
  g_assert_null (cpd_event_get_venue_url (event));
  g_assert_cmpstr (cpd_event_get_registration_url (event), ==,
                   "https://meetup.example.com/runtime/join");
  g_assert_null (cpd_event_get_schedule_url (event));
  g_assert_null (cpd_event_get_conduct_url (event));
}

static void
test_facts_day_month_year (void)
{
  g_autoptr (CpdDocument) document = cpd_test_load_data ("day-month-year.md");
  CpdEvent *event = cpd_document_get_event (document);

  /* Two labelled lines in one paragraph. */
  g_assert_cmpstr (cpd_event_get_title (event), ==, "Containers Unconference");
  cpd_test_assert_date (cpd_event_get_start_date (event), 2025, 4, 30);
  cpd_test_assert_date (cpd_event_get_end_date (event), 2025, 5, 1);
  g_assert_cmpstr (cpd_event_get_venue_name (event), ==, "Community Hall, Ghent");
  g_assert_cmpstr (cpd_event_get_schedule_url (event), ==, "https://unconf.example.org/sessions");
  g_assert_null (cpd_event_get_registration_url (event));
}

static void
test_facts_none (void)
{
  g_autoptr (CpdDocument) document = cpd_test_load_data ("no-facts.md");
  CpdEvent *event = cpd_document_get_event (document);
  g_autoptr (CpdDocument) empty = cpd_test_load_string ("\n", NULL);
  CpdEvent *nothing = cpd_document_get_event (empty);

  g_assert_cmpstr (cpd_event_get_title (event), ==, "Release notes");
  g_assert_null (cpd_event_get_start_date (event));
  g_assert_null (cpd_event_get_end_date (event));
  g_assert_null (cpd_event_get_venue_name (event));
  g_assert_null (cpd_event_get_venue_url (event));
  g_assert_null (cpd_event_get_registration_url (event));
  g_assert_null (cpd_event_get_schedule_url (event));
  g_assert_null (cpd_event_get_conduct_url (event));
  g_assert_null (cpd_event_format_dates (event));

  g_assert_nonnull (nothing);
  g_assert_null (cpd_event_get_title (nothing));
  g_assert_null (cpd_event_get_start_date (nothing));
}

/* Recordings: a link about videos or recordings, made absolute against the site URL. */
static void
test_facts_recordings (void)
{
  g_autoptr (CpdDocument) bundled = cpd_test_load_bundled ();
  g_autoptr (CpdDocument) future = cpd_test_load_data ("future-event.md");
  g_autoptr (CpdDocument) by_url =
    cpd_test_load_string ("# Talks\n\n[All of them](https://www.youtube.com/@example) and the "
                          "[call for talks](https://example.org/cfp)\n",
                          NULL);
  g_autoptr (CpdDocument) none =
    cpd_test_load_string ("# No recordings\n\nWe record no videos. [Talks](https://example.org/cfp)\n",
                          NULL);

  g_assert_cmpstr (cpd_event_get_recordings_url (cpd_document_get_event (bundled)), ==,
                   "https://containerplumbing.org/videos");
  g_assert_cmpstr (cpd_event_get_recordings_url (cpd_document_get_event (future)), ==,
                   "https://futures.example.org/videos");
  g_assert_cmpstr (cpd_event_get_recordings_url (cpd_document_get_event (by_url)), ==,
                   "https://www.youtube.com/@example");
  g_assert_null (cpd_event_get_recordings_url (cpd_document_get_event (none)));
}

static void
test_facts_rules (void)
{
  /* Labelled lines win over link text; link text over URLs; only web links count; labelled
   * dates that disagree give no date. */
  g_autoptr (CpdDocument) document =
    cpd_test_load_string ("# Rules\n\n"
                          "[Schedule](mailto:schedule@example.org) "
                          "[x](https://example.org/schedule-by-url) "
                          "[full schedule](https://example.org/by-text)\n\n"
                          "Registration: [here](https://example.org/labelled)\n\n"
                          "[Register](https://example.org/by-text-register)\n\n"
                          "[Our venue](https://example.org/venue-by-text)\n\n"
                          "When: April 1, 2030\n\n"
                          "*Date*: April 2, 2030, which disagrees: no date at all\n\n"
                          "Where: nowhere in particular\n\n"
                          "Location: the second location line is ignored\n",
                          NULL);
  CpdEvent *event = cpd_document_get_event (document);

  g_assert_cmpstr (cpd_event_get_schedule_url (event), ==, "https://example.org/by-text");
  g_assert_cmpstr (cpd_event_get_registration_url (event), ==, "https://example.org/labelled");
  g_assert_cmpstr (cpd_event_get_venue_url (event), ==, "https://example.org/venue-by-text");
  g_assert_cmpstr (cpd_event_get_venue_name (event), ==, "nowhere in particular");
  g_assert_null (cpd_event_get_start_date (event));
  g_assert_null (cpd_event_get_conduct_url (event));
}

static void
test_facts_lines (void)
{
  /* A labelled line may be any line of a paragraph, after a soft or a hard break; a break
   * inside emphasis does not start a line, and a line that starts with a link is none. */
  g_autoptr (CpdDocument) document =
    cpd_test_load_string ("# Lines\n\n"
                          "Our yearly meeting, in brief.\n"
                          "*See you\nVenue: not a line start* there.\n"
                          "[Where](https://example.org/link-first): not labelled\n"
                          "**Date**: May 4, 2031  \n"
                          "Schedule: [talks](https://example.org/talks)\n\n"
                          "> Venue: [Hall 2](https://example.org/hall-2)\n",
                          NULL);
  CpdEvent *event = cpd_document_get_event (document);

  cpd_test_assert_date (cpd_event_get_start_date (event), 2031, 5, 4);
  g_assert_cmpstr (cpd_event_get_schedule_url (event), ==, "https://example.org/talks");
  g_assert_cmpstr (cpd_event_get_venue_name (event), ==, "Hall 2");
  g_assert_cmpstr (cpd_event_get_venue_url (event), ==, "https://example.org/hall-2");
}

static void
test_facts_label_forms (void)
{
  /* A date alone on its line, with its times and zone, says when like a label: it wins over
   * a running-text date that disagrees. A heading may end in a full-width colon, and a label
   * may be followed by " - ". */
  g_autoptr (CpdDocument) document =
    cpd_test_load_string ("# Forms\n\n"
                          "🗓 12 May 2025, 9:00 to 17:00 CEST\n\n"
                          "The crew meets on 11 May 2025 in the hall.\n\n"
                          "## 場所：\n\n"
                          "Hall Nine\n\n"
                          "Schedule - [here](https://example.org/s)\n",
                          NULL);
  CpdEvent *event = cpd_document_get_event (document);

  cpd_test_assert_date (cpd_event_get_start_date (event), 2025, 5, 12);
  cpd_test_assert_date (cpd_event_get_end_date (event), 2025, 5, 12);
  g_assert_cmpstr (cpd_event_get_venue_name (event), ==, "Hall Nine");
  g_assert_cmpstr (cpd_event_get_schedule_url (event), ==, "https://example.org/s");
}

static void
test_format_dates (void)
{
  static const struct
  {
    const char *page;
    const char *expected;
  } cases[] = {
    { "Date: April 15, 2024", "April 15, 2024" },
    { "Date: April 15-16, 2024", "April 15\xe2\x80\x93"
                                 "16, 2024" },
    { "Date: April 30 - May 1, 2024", "April 30 \xe2\x80\x93 May 1, 2024" },
    { "Date: December 30, 2024 - January 2, 2025",
      "December 30, 2024 \xe2\x80\x93 January 2, 2025" },
    { "Date: 2024-09-03", "September 3, 2024" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (CpdDocument) document = cpd_test_load_string (cases[i].page, NULL);
      g_autofree char *formatted = cpd_event_format_dates (cpd_document_get_event (document));

      g_assert_cmpstr (formatted, ==, cases[i].expected);
    }
}

static void
test_timing (void)
{
  g_autoptr (CpdDocument) one_day = cpd_test_load_bundled ();
  g_autoptr (CpdDocument) two_days = cpd_test_load_data ("two-day.md");
  g_autoptr (CpdDocument) no_date = cpd_test_load_data ("no-facts.md");
  g_autoptr (CpdDocument) future = cpd_test_load_data ("future-event.md");
  static const struct
  {
    guint          y, m, d;
    CpdEventTiming one_day;
    int            one_day_days;
    CpdEventTiming two_days;
    int            two_days_days;
  } cases[] = {
    { 2024, 1, 1, CPD_EVENT_TIMING_UPCOMING, 105, CPD_EVENT_TIMING_UPCOMING, 611 },
    { 2024, 4, 14, CPD_EVENT_TIMING_UPCOMING, 1, CPD_EVENT_TIMING_UPCOMING, 507 },
    { 2024, 4, 15, CPD_EVENT_TIMING_TODAY, 0, CPD_EVENT_TIMING_UPCOMING, 506 },
    { 2024, 4, 16, CPD_EVENT_TIMING_PAST, -1, CPD_EVENT_TIMING_UPCOMING, 505 },
    { 2025, 9, 3, CPD_EVENT_TIMING_PAST, -506, CPD_EVENT_TIMING_TODAY, 0 },
    { 2025, 9, 4, CPD_EVENT_TIMING_PAST, -507, CPD_EVENT_TIMING_TODAY, 0 },
    { 2025, 9, 5, CPD_EVENT_TIMING_PAST, -508, CPD_EVENT_TIMING_PAST, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate today;
      int   days = 12345;

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, cases[i].d, cases[i].m, cases[i].y);

      g_assert_cmpint (cpd_event_get_timing (cpd_document_get_event (one_day), &today, &days), ==,
                       cases[i].one_day);
      g_assert_cmpint (days, ==, cases[i].one_day_days);
      g_assert_cmpint (cpd_event_get_timing (cpd_document_get_event (two_days), &today, &days), ==,
                       cases[i].two_days);
      g_assert_cmpint (days, ==, cases[i].two_days_days);
      g_assert_cmpint (cpd_event_get_timing (cpd_document_get_event (no_date), &today, NULL), ==,
                       CPD_EVENT_TIMING_UNKNOWN);
      g_assert_cmpint (cpd_event_get_timing (cpd_document_get_event (future), &today, NULL), ==,
                       CPD_EVENT_TIMING_UPCOMING);
    }

  /* Without a day given, today's date is used: the 2024 event is over by now. */
  g_assert_cmpint (cpd_event_get_timing (cpd_document_get_event (one_day), NULL, NULL), ==,
                   CPD_EVENT_TIMING_PAST);
}

static void
test_slug (void)
{
  g_autoptr (CpdDocument) bundled = cpd_test_load_bundled ();
  g_autoptr (CpdDocument) untitled = cpd_test_load_string ("Date: April 15, 2024", NULL);
  g_autoptr (CpdDocument) slashes = cpd_test_load_string ("# ../../etc/passwd", NULL);
  g_autofree char *slug = cpd_event_dup_slug (cpd_document_get_event (bundled));
  g_autofree char *fallback = cpd_event_dup_slug (cpd_document_get_event (untitled));
  g_autofree char *safe = cpd_event_dup_slug (cpd_document_get_event (slashes));

  g_assert_cmpstr (slug, ==, "container-plumbing-days-2024");
  g_assert_cmpstr (fallback, ==, "event");
  g_assert_cmpstr (safe, ==, "etcpasswd");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/event/date-parser", test_date_parser);
  g_test_add_func ("/event/date-parser/default-year", test_date_parser_default_year);
  g_test_add_func ("/event/date-parser/find", test_date_parser_find);
  g_test_add_func ("/event/facts/bundled", test_facts_bundled);
  g_test_add_func ("/event/facts/two-day", test_facts_two_day);
  g_test_add_func ("/event/facts/iso-date", test_facts_iso_date);
  g_test_add_func ("/event/facts/front-matter-date", test_facts_front_matter_date);
  g_test_add_func ("/event/facts/day-month-year", test_facts_day_month_year);
  g_test_add_func ("/event/facts/none", test_facts_none);
  g_test_add_func ("/event/facts/rules", test_facts_rules);
  g_test_add_func ("/event/facts/recordings", test_facts_recordings);
  g_test_add_func ("/event/facts/lines", test_facts_lines);
  g_test_add_func ("/event/facts/label-forms", test_facts_label_forms);
  g_test_add_func ("/event/format-dates", test_format_dates);
  g_test_add_func ("/event/timing", test_timing);
  g_test_add_func ("/event/slug", test_slug);

  return g_test_run ();
}
