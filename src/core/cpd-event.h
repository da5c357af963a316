/* cpd-event.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CPD_TYPE_EVENT (cpd_event_get_type ())

/**
 * CpdEventTiming:
 * @CPD_EVENT_TIMING_UNKNOWN: the page gives no date
 * @CPD_EVENT_TIMING_UPCOMING: the first day is still to come
 * @CPD_EVENT_TIMING_TODAY: today is one of the event's days
 * @CPD_EVENT_TIMING_PAST: the last day is over
 */
typedef enum
{
  CPD_EVENT_TIMING_UNKNOWN,
  CPD_EVENT_TIMING_UPCOMING,
  CPD_EVENT_TIMING_TODAY,
  CPD_EVENT_TIMING_PAST,
} CpdEventTiming;

/**
 * CpdEvent:
 *
 * The facts about an event that its page states: an immutable value, reference counted
 * like #GDateTime and #GUri, not a #GObject; a #CpdDocument makes one per page. A fact is
 * reported only when the page states it unambiguously, never guessed: a fact no rule finds,
 * or one the page contradicts, is %NULL, and the UI leaves out what needs it. Only http and
 * https URLs (made absolute against the site URL) count.
 *
 * - title: the front matter `title`, unless the first heading names the event more fully
 *   (it contains the title) or the page is a blog post (`layout: post`); else the first
 *   heading.
 * - start-date, end-date: from, strongest first, front matter that names the event's days
 *   (`event_date`, `start`/`end`, `startDate`/`endDate`, `start_date`/`end_date`, or
 *   `date` with `end`); a labelled line or section (When, Date, Wann, Quand, Fecha,
 *   Quando, 日時, 时间…); the front matter `date` alone (not in a blog post) or a date in
 *   the title; dates in running text, leaving out sentences about deadlines, calls for
 *   papers, co-located days and other editions. The strongest kind the page has decides;
 *   if its dates disagree there is none. Dates in English, German, French, Spanish,
 *   Portuguese, Italian, Japanese and Chinese forms (see cpd-date-parser.c). A date
 *   without a year takes the year the title and front matter name, when they name one.
 *   end-date is the last day, included.
 * - venue-name, venue-url: the front matter `venue` (else `location`, `where`, `address`),
 *   else a labelled line or section (Where, Venue, Location, Wo, Ort, Lieu, Sede, Lugar,
 *   Local, Dove, 場所, 地点…); its first link gives the URL. "TBA" and its kin are no venue.
 * - registration-url, schedule-url, conduct-url, recordings-url: a front matter key, else a
 *   labelled line or section with a link, else the first link whose text, then whose URL,
 *   holds one of the role's words (register, tickets, anmeld-, inscri-…; schedule, agenda,
 *   program…; conduct, conduite…; recordings, videos…), the surer words first; a link
 *   that names another year than the event's is another edition's and is skipped.
 *
 * A "labelled line" is a line that starts with a label and `:`, `?` or `：` (`**When:**`,
 * `Wo?`, `場所：`), or a table row `| When | … |`; a "labelled section" is a heading that
 * is a label (`## When`, `### Sede:`, `## When and Where`, `<h3>Venue</h3>`).
 */
typedef struct _CpdEvent CpdEvent;

GType          cpd_event_get_type (void) G_GNUC_CONST;
CpdEvent      *cpd_event_ref (CpdEvent *self);
void           cpd_event_unref (CpdEvent *self);
const char    *cpd_event_get_title (CpdEvent *self);
const GDate   *cpd_event_get_start_date (CpdEvent *self);
const GDate   *cpd_event_get_end_date (CpdEvent *self);
const char    *cpd_event_get_venue_name (CpdEvent *self);
const char    *cpd_event_get_venue_url (CpdEvent *self);
const char    *cpd_event_get_registration_url (CpdEvent *self);
const char    *cpd_event_get_schedule_url (CpdEvent *self);
const char    *cpd_event_get_conduct_url (CpdEvent *self);
const char    *cpd_event_get_recordings_url (CpdEvent *self);
char          *cpd_event_format_dates (CpdEvent *self);
CpdEventTiming cpd_event_get_timing (CpdEvent    *self,
                                     const GDate *today,
                                     int         *days_until);
char          *cpd_event_dup_slug (CpdEvent *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpdEvent, cpd_event_unref)

G_END_DECLS
