/* cpd-event-scanner.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The rules that find an event's facts in its page, as cpd-event.h states them: nothing
 * about an event is hard-coded, and a fact no rule finds stays NULL, so the UI disables
 * what needs it instead of guessing. The rules themselves are the tables below.
 *
 * For the Container Plumbing Days page they give "LF Events Page" as registration (the
 * event's home, where one registers), "schedule is now live" as schedule, the Location
 * line as venue and "LF Events Code of Conduct" as code of conduct.
 */

#include "config.h"

#include <string.h>

#include "cpd-date-parser-private.h"
#include "cpd-event-private.h"
#include "cpd-node-text-private.h"

typedef enum
{
  ROLE_VENUE,
  ROLE_REGISTRATION,
  ROLE_SCHEDULE,
  ROLE_CONDUCT,
  N_URL_ROLES,
  ROLE_DATE = N_URL_ROLES,
  ROLE_NONE,
} Role;

/* How a role's URL was found, best first: a labelled line, then the link rules in order
 * of trust. */
typedef enum
{
  RANK_LABEL,
  RANK_TEXT,
  RANK_URL,
  RANK_HOME_TEXT,
  N_RANKS
} Rank;

#define MAX_WORDS 6

/* Word lists end at the first NULL; words are lowercase. words[rank] are looked for in a
 * link's URL for RANK_URL, else in its text; words[RANK_LABEL] are the labels. */
typedef struct
{
  const char *words[N_RANKS][MAX_WORDS];
} RoleRules;

static const RoleRules role_rules[N_URL_ROLES] = {
  [ROLE_VENUE] = { {
    [RANK_LABEL] = { "location", "venue", "where", "place" },
    [RANK_TEXT] = { "venue" },
    [RANK_URL] = { "venue" },
  } },
  [ROLE_REGISTRATION] = { {
    [RANK_LABEL] = { "registration", "register", "rsvp", "tickets" },
    [RANK_TEXT] = { "register", "registration", "tickets", "sign up", "rsvp" },
    [RANK_URL] = { "register", "tickets" },
    [RANK_HOME_TEXT] = { "event page", "events page", "event website", "event site", "event home" },
  } },
  [ROLE_SCHEDULE] = { {
    [RANK_LABEL] = { "schedule", "agenda", "program", "programme" },
    [RANK_TEXT] = { "schedule", "agenda" },
    [RANK_URL] = { "schedule", "agenda", "/program" },
  } },
  [ROLE_CONDUCT] = { {
    [RANK_LABEL] = { "code of conduct", "conduct" },
    [RANK_TEXT] = { "conduct" },
    [RANK_URL] = { "conduct" },
  } },
};

static const char *date_labels[MAX_WORDS] = { "date", "dates", "when" };

/* Longest label we look for, in bytes: bounds the work on long first lines. */
#define MAX_LABEL_LENGTH 24

struct _CpdEventScanner
{
  /* Borrowed from the page's tree and links, which outlive the scanner: a link's URL is
   * final once the walk entered the link, before any rule reads it. */
  const char *urls[N_URL_ROLES][N_RANKS];
  char       *venue_name;
  gboolean    has_venue_line;
  gboolean    has_dates;
  GDate       start;
  GDate       end;
};

CpdEventScanner *
cpd_event_scanner_new (void)
{
  CpdEventScanner *self = g_new0 (CpdEventScanner, 1);

  g_date_clear (&self->start, 1);
  g_date_clear (&self->end, 1);

  return self;
}

void
cpd_event_scanner_free (CpdEventScanner *self)
{
  if (self == NULL)
    return;

  g_free (self->venue_name);
  g_free (self);
}

static gboolean
is_web_url (const char *url)
{
  return url != NULL && (g_ascii_strncasecmp (url, "https://", 8) == 0 ||
                         g_ascii_strncasecmp (url, "http://", 7) == 0);
}

/* Whether @len bytes at @text are one of @words, ignoring ASCII case. */
static gboolean
is_word (const char        *text,
         gsize              len,
         const char *const *words)
{
  for (guint i = 0; i < MAX_WORDS && words[i] != NULL; i++)
    if (strlen (words[i]) == len && g_ascii_strncasecmp (text, words[i], len) == 0)
      return TRUE;

  return FALSE;
}

static Role
role_for_label (const char *text,
                gsize       len)
{
  while (len > 0 && g_ascii_isspace (*text))
    text++, len--;
  while (len > 0 && (g_ascii_isspace (text[len - 1]) || text[len - 1] == ':'))
    len--;

  if (len == 0 || len > MAX_LABEL_LENGTH)
    return ROLE_NONE;

  if (is_word (text, len, date_labels))
    return ROLE_DATE;

  for (Role role = 0; role < N_URL_ROLES; role++)
    if (is_word (text, len, role_rules[role].words[RANK_LABEL]))
      return role;

  return ROLE_NONE;
}

static gboolean
is_line_break (cmark_node *node)
{
  cmark_node_type type = cmark_node_get_type (node);

  return type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK;
}

static cmark_node *
find_web_link (cmark_node *from,
               cmark_node *until)
{
  for (cmark_node *node = from; node != until; node = cmark_node_next (node))
    {
      cmark_iter      *iter = cmark_iter_new (node);
      cmark_node      *found = NULL;
      cmark_event_type ev;

      while (found == NULL && (ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
        {
          cmark_node *cur = cmark_iter_get_node (iter);

          if (ev == CMARK_EVENT_ENTER && cmark_node_get_type (cur) == CMARK_NODE_LINK &&
              is_web_url (cmark_node_get_url (cur)))
            found = cur;
        }

      cmark_iter_free (iter);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The colon that may end a label at the start of @text: a label is short, so only the
 * first bytes can hold it. */
static const char *
label_colon (const char *text)
{
  for (gsize i = 0; i <= MAX_LABEL_LENGTH && text[i] != '\0'; i++)
    if (text[i] == ':')
      return text + i;

  return NULL;
}

/* The label that starts the line from @start up to @until (excluded), if any: ROLE_NONE
 * when there is none. The line's value is @rest_text, if not %NULL, then the nodes from
 * @rest on. */
static Role
read_label (cmark_node  *start,
            cmark_node  *until,
            cmark_node **rest,
            const char **rest_text)
{
  *rest = NULL;
  *rest_text = NULL;

  if (cmark_node_get_type (start) == CMARK_NODE_STRONG)
    {
      g_autofree char *label = cpd_node_dup_text (start);
      cmark_node      *next = cmark_node_next (start);
      gsize            len = strlen (label);
      const char      *text;

      /* "**Label:**" */
      if (len > 0 && label[len - 1] == ':')
        {
          *rest = next;
          return role_for_label (label, len);
        }

      /* "**Label**:" */
      if (next == until || next == NULL || cmark_node_get_type (next) != CMARK_NODE_TEXT)
        return ROLE_NONE;

      text = cmark_node_get_literal (next);
      while (*text == ' ')
        text++;
      if (*text != ':')
        return ROLE_NONE;

      *rest_text = text + 1;
      *rest = cmark_node_next (next);
      return role_for_label (label, len);
    }

  /* "Label:" */
  if (cmark_node_get_type (start) == CMARK_NODE_TEXT)
    {
      const char *text = cmark_node_get_literal (start);
      const char *colon = label_colon (text);

      if (colon == NULL)
        return ROLE_NONE;

      *rest_text = colon + 1;
      *rest = cmark_node_next (start);
      return role_for_label (text, colon - text);
    }

  return ROLE_NONE;
}

/* A line from @start up to @until (excluded). */
static void
scan_line (CpdEventScanner *self,
           cmark_node      *start,
           cmark_node      *until)
{
  g_autoptr (GString) value = NULL;
  cmark_node *rest;
  const char *rest_text;
  cmark_node *link;
  Role        role = read_label (start, until, &rest, &rest_text);

  if (role == ROLE_NONE)
    return;

  if (role == ROLE_DATE && self->has_dates)
    return;
  if (role == ROLE_VENUE && self->has_venue_line)
    return;
  if (role != ROLE_DATE && role != ROLE_VENUE && self->urls[role][RANK_LABEL] != NULL)
    return;

  if (rest == until)
    rest = NULL;

  link = rest != NULL ? find_web_link (rest, until) : NULL;

  if (role == ROLE_DATE || (role == ROLE_VENUE && link == NULL))
    {
      value = g_string_new (rest_text);
      for (cmark_node *node = rest; node != NULL && node != until; node = cmark_node_next (node))
        cpd_node_append_text (node, value);
      g_strstrip (value->str);
      value->len = strlen (value->str);
    }

  switch (role)
    {
    case ROLE_DATE:
      self->has_dates = cpd_date_parse_range (value->str, &self->start, &self->end);
      break;

    case ROLE_VENUE:
      if (link != NULL)
        {
          g_autofree char *name = cpd_node_dup_text (link);

          g_strstrip (name);
          if (name[0] != '\0')
            self->venue_name = g_steal_pointer (&name);
          self->urls[ROLE_VENUE][RANK_LABEL] = cmark_node_get_url (link);
          self->has_venue_line = TRUE;
        }
      else if (value->len > 0)
        {
          self->venue_name = g_strdup (value->str);
          self->has_venue_line = TRUE;
        }
      break;

    case ROLE_REGISTRATION:
    case ROLE_SCHEDULE:
    case ROLE_CONDUCT:
      if (link != NULL)
        self->urls[role][RANK_LABEL] = cmark_node_get_url (link);
      break;

    case ROLE_NONE:
    default:
      g_assert_not_reached ();
    }
}

/**
 * cpd_event_scanner_add_paragraph:
 * @self: a #CpdEventScanner
 * @paragraph: a paragraph whose links are already absolute
 *
 * Looks for labelled lines in @paragraph: the first node of each of its lines tells
 * whether the line starts with a label.
 */
void
cpd_event_scanner_add_paragraph (CpdEventScanner *self,
                                 cmark_node      *paragraph)
{
  cmark_node *start = cmark_node_first_child (paragraph);

  while (start != NULL)
    {
      cmark_node *until = start;

      while (until != NULL && !is_line_break (until))
        until = cmark_node_next (until);

      if (until != start)
        scan_line (self, start, until);

      start = until != NULL ? cmark_node_next (until) : NULL;
    }
}

/* Whether @lower_text or @lower_url (lowercase copies of a link's) has a word of
 * @role's link rule @rank. */
static gboolean
link_rule_matches (Role        role,
                   Rank        rank,
                   const char *lower_text,
                   const char *lower_url)
{
  const char *const *words = role_rules[role].words[rank];
  const char        *haystack = rank == RANK_URL ? lower_url : lower_text;

  for (guint i = 0; i < MAX_WORDS && words[i] != NULL; i++)
    if (strstr (haystack, words[i]) != NULL)
      return TRUE;

  return FALSE;
}

/**
 * cpd_event_scanner_add_link:
 * @self: a #CpdEventScanner
 * @text: the link's plain text
 * @url: the link's absolute URL
 *
 * Applies the link rules to one link of the page, in document order.
 */
void
cpd_event_scanner_add_link (CpdEventScanner *self,
                            const char      *text,
                            const char      *url)
{
  g_autofree char *lower_text = NULL;
  g_autofree char *lower_url = NULL;

  if (!is_web_url (url))
    return;

  lower_text = g_ascii_strdown (text, -1);
  lower_url = g_ascii_strdown (url, -1);

  /* A rank is wanted while neither it nor a better one has given the role a URL: the
   * first link that matches it wins. */
  for (Role role = 0; role < N_URL_ROLES; role++)
    for (Rank rank = RANK_LABEL; rank < N_RANKS && self->urls[role][rank] == NULL; rank++)
      if (rank != RANK_LABEL && link_rule_matches (role, rank, lower_text, lower_url))
        {
          self->urls[role][rank] = url;
          break;
        }
}

static const char *
best_url (CpdEventScanner *self,
          Role             role)
{
  for (Rank rank = 0; rank < N_RANKS; rank++)
    if (self->urls[role][rank] != NULL)
      return self->urls[role][rank];

  return NULL;
}

/**
 * cpd_event_scanner_finish:
 * @self: (transfer full): a #CpdEventScanner
 * @title: (nullable): the page's title
 * @front_matter_date: (nullable): the page's front matter "date"
 *
 * Returns: (transfer full): the event the page describes
 */
CpdEvent *
cpd_event_scanner_finish (CpdEventScanner *self,
                          const char      *title,
                          const char      *front_matter_date)
{
  CpdEvent *event = cpd_event_new ();

  event->title = g_strdup (title);
  event->venue_name = g_steal_pointer (&self->venue_name);
  event->venue_url = g_strdup (best_url (self, ROLE_VENUE));
  event->registration_url = g_strdup (best_url (self, ROLE_REGISTRATION));
  event->schedule_url = g_strdup (best_url (self, ROLE_SCHEDULE));
  event->conduct_url = g_strdup (best_url (self, ROLE_CONDUCT));

  if (!self->has_dates)
    self->has_dates = cpd_date_parse_range (front_matter_date, &self->start, &self->end);

  if (self->has_dates)
    {
      event->start = self->start;
      event->end = self->end;
      event->has_dates = TRUE;
    }

  cpd_event_scanner_free (self);

  return event;
}
