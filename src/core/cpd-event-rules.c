/* cpd-event-rules.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The rules that find an event's facts on its page, as cpd-event.h describes them. A fact
 * is reported only when the page states it unambiguously: a wrong date in someone's calendar
 * is worse than none, so the strongest kind of date the page has decides, and if its dates
 * disagree there is no date.
 */

#include "config.h"

#include <string.h>

#include "cpd-date-parser-private.h"
#include "cpd-event-labels-private.h"
#include "cpd-event-private.h"

/* Words in a link's text, then in its URL, that give it a role; the earlier a word, the
 * surer: a page's "Register" beats another link's "separate ticket". */
typedef struct
{
  const char *text_words[16];
  const char *url_words[10];
} RoleWords;

static const RoleWords role_words[CPD_N_LABELS] = {
  [CPD_LABEL_VENUE] = { { "venue", NULL }, { "venue", NULL } },
  [CPD_LABEL_REGISTRATION] = { { "register", "registration", "sign up", "sign-up", "rsvp",
                                 "anmeld", "inscri", "registr", "regístr", "申し込み", "申込",
                                 "报名", "apply", "tickets", "ticket", NULL },
                               { "register", "registration", "signup", "/apply", "anmeldung",
                                 "inscri", "registro", "tickets", NULL } },
  [CPD_LABEL_SCHEDULE] = { { "schedule", "agenda", "program", "timetable", "horaire", "zeitplan",
                             "cronograma", "プログラム", "タイムテーブル", "议程", "talks", NULL },
                           { "schedule", "agenda", "/program", NULL } },
  [CPD_LABEL_CONDUCT] = { { "conduct", "conduite", "conducta", "conduta", "condotta",
                            "verhaltenskodex", "行動規範", "行为准则", NULL },
                          { "conduct", "/coc", "conduite", "conducta", "verhaltenskodex", NULL } },
  [CPD_LABEL_RECORDINGS] = { { "recording", "videos", "video", "aufzeichnung", "vidéo",
                               "grabacion", "grabación", "gravaç", "registrazion", "録画", "录像",
                               NULL },
                             { "/videos", "/video", "/recordings", "youtube.com/", "youtu.be/",
                               "vimeo.com/", "peertube", NULL } },
};

/* Links about something else than the event itself: a call for talks, last year's edition. */
static const char *const decoy_link_words[] = { "call for", "cfp", "submit", "propos",
                                                "last year", NULL };

/* The event's home, where one registers, when nothing says "register". */
static const char *const home_words[] = { "event page", "events page", "event website",
                                          "event site", "event home", NULL };

/* Dates in running text that are about something else: a deadline, a co-located day,
 * another edition. */
/* Words a date line may end with: its times and their zones. */
static const char *const time_words[] = { "am", "pm", "to", "uhr", "h", "utc", "gmt", "cet", "cest",
                                          "bst", "est", "edt", "pst", "pdt", "jst", "cst", NULL };

static const char *const decoy_words[] = {
  "deadline", "cfp", "call for", "submit", "submission", "proposal", "due", "closes", "close",
  "opens", "until", "before", "after", "co-located", "colocated", "last year", "previous",
  "early bird", " by ", "last ", "einreich", "frist", "bis zum", "appel", "soumission",
  "limite", "convocatoria", "cierra", "plazo", "prazo", "submiss", "scadenza", "締切", "截止",
  NULL
};

/* The front matter "date" alone is often a post's, so it ranks with the page's running text:
 * it counts only where the text does not say otherwise. */
typedef enum
{
  STRENGTH_PROSE,
  STRENGTH_LABEL,
  STRENGTH_FRONT_MATTER,
  N_STRENGTHS
} Strength;

/* The dates of one strength that a page gives: the first, and whether others disagree. */
typedef struct
{
  CpdDateRange first;
  gboolean     found;
  gboolean     disagree;
} Dates;

typedef struct
{
  CpdFrontMatter    *front_matter;
  const CpdPageText *page;
  const char        *heading;   /* the page's first */
  gboolean           is_post;   /* a blog post, "layout: post" */
  const char        *post_date; /* the front matter "date", unless is_post */
  guint              default_year;

  Dates   dates[N_STRENGTHS];
  GArray *found; /* of CpdDateRange, what find_dates () found last */

  char *venue_name;
  char *labelled_urls[CPD_N_LABELS]; /* the venue's too; decide_url () takes them */
} Rules;

static const char *
lookup (Rules             *rules,
        const char *const *keys)
{
  return cpd_front_matter_lookup_first (rules->front_matter, keys);
}

/* The next year (1900-2199) named in *@p from there on, or 0; *@p moves past it. */
static guint
next_year (const char **p,
           const char  *text)
{
  for (const char *q = *p; q != NULL && (q = strpbrk (q, "0123456789")) != NULL; q++)
    {
      guint64 year;

      /* Four digits, not part of a longer number. */
      if ((q > text && g_ascii_isdigit (q[-1])) || !g_ascii_isdigit (q[0]) ||
          !g_ascii_isdigit (q[1]) || !g_ascii_isdigit (q[2]) || !g_ascii_isdigit (q[3]) ||
          g_ascii_isdigit (q[4]))
        continue;

      year = g_ascii_strtoull (q, NULL, 10);
      if (year >= 1900 && year < 2200)
        {
          *p = q + 4;
          return year;
        }
    }

  return 0;
}

/* Years named in @text: *@year is the one year named so far, G_MAXUINT once two differ. */
static void
add_years (guint      *year,
           const char *text)
{
  const char *p = text;
  guint       next;

  while ((next = next_year (&p, text)) != 0)
    *year = *year == 0 || *year == next ? next : G_MAXUINT;
}

/* Finds the dates in @text, if any, into rules->found; returns how many. */
static guint
find_dates (Rules      *rules,
            const char *text)
{
  g_array_set_size (rules->found, 0);
  if (text != NULL)
    cpd_date_find_ranges (text, rules->default_year, rules->found);

  return rules->found->len;
}

static void
add_date (Rules              *rules,
          Strength            strength,
          const CpdDateRange *range)
{
  Dates *dates = &rules->dates[strength];

  if (!dates->found)
    dates->first = *range;
  else if (g_date_compare (&range->start, &dates->first.start) != 0 ||
           g_date_compare (&range->end, &dates->first.end) != 0)
    dates->disagree = TRUE;
  dates->found = TRUE;
}

/* The first date or range in @text, if any, as a candidate of @strength. */
static gboolean
add_first_date (Rules      *rules,
                Strength    strength,
                const char *text)
{
  if (find_dates (rules, text) == 0)
    return FALSE;

  add_date (rules, strength, &g_array_index (rules->found, CpdDateRange, 0));
  return TRUE;
}

static gboolean
ends_sentence (const char *text,
               gsize       i)
{
  /* ". " after a word or a year ends a sentence; after a day ("13. November") it does not. */
  gboolean stop = text[i] == '.' || text[i] == '!' || text[i] == '?' || text[i] == ';';

  if (stop && (text[i + 1] == ' ' || text[i + 1] == '\n' || text[i + 1] == '\0'))
    return i == 0 || !g_ascii_isdigit (text[i - 1]) ||
           (i >= 4 && g_ascii_isdigit (text[i - 2]) && g_ascii_isdigit (text[i - 3]) &&
            g_ascii_isdigit (text[i - 4]));

  return strncmp (text + i, "。", strlen ("。")) == 0;
}

/* Whether the sentence around @range, but for the date itself, speaks of a decoy. */
static gboolean
is_decoy (const char         *text,
          const CpdDateRange *range)
{
  gsize            start = range->offset;
  gsize            end = range->offset + range->length;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  while (start > 0 && !ends_sentence (text, start - 1))
    start--;
  while (text[end] != '\0' && !ends_sentence (text, end))
    end++;

  before = cpd_label_fold (text + start, range->offset - start);
  after = cpd_label_fold (text + range->offset + range->length,
                          end - range->offset - range->length);
  for (guint i = 0; decoy_words[i] != NULL; i++)
    if (strstr (before, decoy_words[i]) != NULL || strstr (after, decoy_words[i]) != NULL)
      return TRUE;

  return FALSE;
}

/* Whether @range is all of its line but times and decoration: "**Thu 5 – Sat 7 June
 * 2025**", "🗓 12 May 2025, 9:00 to 17:00 CEST". Such a line says when as plainly as a
 * label. */
static gboolean
is_date_line (const char         *text,
              const CpdDateRange *range)
{
  const char *p = text + range->offset;

  while (p > text && p[-1] != '\n')
    {
      p = g_utf8_prev_char (p);
      if (g_unichar_isalnum (g_utf8_get_char (p)))
        return FALSE;
    }

  for (p = text + range->offset + range->length; *p != '\0' && *p != '\n';)
    {
      gsize            length = 0;
      g_autofree char *word = NULL;

      if (!g_ascii_isalpha (*p))
        {
          if (g_unichar_isalpha (g_utf8_get_char (p)))
            return FALSE;
          p = g_utf8_next_char (p);
          continue;
        }

      while (g_ascii_isalpha (p[length]))
        length++;
      word = g_ascii_strdown (p, length);
      if (!g_strv_contains (time_words, word))
        return FALSE;
      p += length;
    }

  return TRUE;
}

/* The dates of a block's running text, its lines joined by newlines: a line that is only a
 * date counts as a label, other dates as running text unless they speak of something else. */
static void
add_text_dates (Rules      *rules,
                const char *text)
{
  guint n = find_dates (rules, text);

  for (guint i = 0; i < n; i++)
    {
      const CpdDateRange *range = &g_array_index (rules->found, CpdDateRange, i);

      if (is_date_line (text, range))
        add_date (rules, STRENGTH_LABEL, range);
      else if (!is_decoy (text, range))
        add_date (rules, STRENGTH_PROSE, range);
    }
}

static void
read_front_matter_dates (Rules *rules)
{
  static const char *const start_keys[] = { "event_date", "eventDate", "eventdate", "start",
                                            "startDate", "startdate", "start_date", "starts_at",
                                            "start_at", "begin", NULL };
  static const char *const end_keys[] = { "end", "endDate", "enddate", "end_date", "ends_at",
                                          "end_at", "event_end", NULL };
  const char              *start = lookup (rules, start_keys);
  const char              *end = lookup (rules, end_keys);
  CpdDateRange             first, last;

  /* "date" with "end" is the event's first day; alone it may be the post's. */
  if (start == NULL && end != NULL)
    start = rules->post_date;

  if (start == NULL)
    {
      add_first_date (rules, STRENGTH_PROSE, rules->post_date);
      /* Pelican's "When:" header is a labelled line of the page. */
      add_first_date (rules, STRENGTH_LABEL, lookup (rules, (const char *const[]){ "when", NULL }));
      return;
    }

  if (!cpd_date_parse_range (start, rules->default_year, &first.start, &first.end))
    return;

  if (end != NULL)
    {
      if (!cpd_date_parse_range (end, rules->default_year, &last.start, &last.end) ||
          g_date_compare (&last.end, &first.start) < 0)
        return;
      first.end = last.end;
    }

  add_date (rules, STRENGTH_FRONT_MATTER, &first);
}

/* The first URL on @line, for @label, unless it has one. */
static void
take_labelled_url (Rules             *rules,
                   CpdLabel           label,
                   const CpdPageLine *line)
{
  for (guint i = 0; i < line->n_links && rules->labelled_urls[label] == NULL; i++)
    rules->labelled_urls[label] =
      g_strdup (cpd_page_text_get_link (rules->page, line->first_link + i)->url);
}

static void
take_venue (Rules             *rules,
            const char        *value,
            const CpdPageLine *line)
{
  if (rules->venue_name != NULL || value == NULL || value[0] == '\0' || cpd_label_says_unknown (value))
    return;

  /* "[Hall 4](https://…/directions), Main Street": the link says where the venue is. */
  if (line != NULL)
    take_labelled_url (rules, CPD_LABEL_VENUE, line);
  rules->venue_name = cpd_label_clean_value (value);
}

static void
take_labelled_value (Rules             *rules,
                     CpdLabel           label,
                     const char        *value,
                     const CpdPageLine *line)
{
  if (label == CPD_LABEL_DATE)
    add_first_date (rules, STRENGTH_LABEL, value);
  else if (label == CPD_LABEL_VENUE)
    take_venue (rules, value, line);
  else
    take_labelled_url (rules, label, line);
}

/* A line of a labelled section: the first line with a date is its date, the first line
 * without one its venue ("## When and Where": both), the first with a link its link. */
static void
read_section_line (Rules             *rules,
                   gboolean           section[CPD_N_LABELS],
                   const CpdPageLine *line)
{
  gboolean has_date =
    section[CPD_LABEL_DATE] && add_first_date (rules, STRENGTH_LABEL, line->text);

  if (has_date)
    section[CPD_LABEL_DATE] = FALSE;

  for (guint label = CPD_LABEL_VENUE; label < CPD_N_LABELS; label++)
    if (section[label] && (label == CPD_LABEL_VENUE ? !has_date : line->n_links > 0))
      {
        take_labelled_value (rules, label, line->text, line);
        section[label] = FALSE;
      }
}

static void
read_blocks (Rules *rules)
{
  gboolean section[CPD_N_LABELS] = { 0 };
  guint    section_level = 0;
  CpdLabel pending = CPD_LABEL_NONE;
  g_autoptr (GString) prose = g_string_sized_new (1024);

  for (guint b = 0; b < rules->page->blocks->len; b++)
    {
      const CpdPageBlock *block = &g_array_index (rules->page->blocks, CpdPageBlock, b);

      if (block->heading_level > 0)
        {
          const CpdPageLine *line = cpd_page_text_get_line (rules->page, block->first_line);
          gboolean           labels[CPD_N_LABELS];

          pending = CPD_LABEL_NONE;
          if (cpd_label_match (line->text, -1, labels) != CPD_LABEL_NONE)
            {
              memcpy (section, labels, sizeof section);
              section_level = block->heading_level;
            }
          else if (section_level == 0 || block->heading_level <= section_level)
            {
              memset (section, 0, sizeof section);
              section_level = 0;
            }
          continue;
        }

      g_string_truncate (prose, 0);
      for (guint l = 0; l < block->n_lines; l++)
        {
          const CpdPageLine *line = cpd_page_text_get_line (rules->page, block->first_line + l);
          g_autofree char   *value = NULL;
          CpdLabel           label = line->starts_with_link
                                       ? CPD_LABEL_NONE
                                       : cpd_label_split_line (line->text, &value);

          if (pending != CPD_LABEL_NONE)
            take_labelled_value (rules, pending, line->text, line);
          else if (label != CPD_LABEL_NONE && value[0] == '\0')
            {
              /* "<dt>Where:</dt><dd>Hall 4</dd>": the value is the next line. */
              pending = label;
              continue;
            }
          else if (label != CPD_LABEL_NONE)
            take_labelled_value (rules, label, value, line);
          else if (section_level > 0)
            read_section_line (rules, section, line);
          else
            {
              g_string_append (prose, line->text);
              g_string_append_c (prose, '\n');
            }
          pending = CPD_LABEL_NONE;
        }
      if (prose->len > 0)
        add_text_dates (rules, prose->str);
    }
}

/* The dates of the strongest kind the page has, if they agree. */
static const CpdDateRange *
decide_dates (Rules *rules)
{
  for (int strength = N_STRENGTHS - 1; strength >= 0; strength--)
    if (rules->dates[strength].found)
      return rules->dates[strength].disagree ? NULL : &rules->dates[strength].first;

  return NULL;
}

/* The page's links as the role rules read them: their texts, folded, in one string, a line
 * each, and their URLs likewise, so that one strstr () looks for a word in all of them. */
typedef struct
{
  const CpdPageText *page;
  gboolean          *skip;      /* leads nowhere, or is about something else */
  char              *folded[2]; /* the texts, then the URLs */
} RoleLinks;

/* A link whose text or URL names another year than the event's, and not the event's, is
 * another edition's. */
static gboolean
is_other_edition (const CpdPageLink *link,
                  guint              event_year)
{
  const char *texts[] = { link->text, link->url };
  gboolean    names_other = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (texts) && event_year != 0; i++)
    {
      const char *p = texts[i];
      guint       year;

      while ((year = next_year (&p, texts[i])) != 0)
        {
          if (year == event_year)
            return FALSE;
          names_other = TRUE;
        }
    }

  return names_other;
}

/* The index of the line, from *@p (line *@line) on, that holds @word, or -1; *@p and
 * *@line move on to the line after it. Every line ends in a newline. */
static int
next_line_with (const char **p,
                guint       *line,
                const char  *word)
{
  const char *found = strstr (*p, word);

  if (found == NULL)
    return -1;

  for (; *p < found; (*p)++)
    if (**p == '\n')
      (*line)++;
  *p = strchr (found, '\n') + 1;

  return (*line)++;
}

static void
role_links_init (RoleLinks         *links,
                 const CpdPageText *page,
                 guint              event_year)
{
  g_autoptr (GString) texts = g_string_sized_new (1024);
  g_autoptr (GString) urls = g_string_sized_new (4096);

  links->page = page;
  links->skip = g_new0 (gboolean, page->links->len);
  for (guint i = 0; i < page->links->len; i++)
    {
      const CpdPageLink *link = cpd_page_text_get_link (page, i);
      gsize              url_start = urls->len;

      links->skip[i] = link->url == NULL || is_other_edition (link, event_year);
      g_string_append (texts, link->text);
      g_string_append_c (texts, '\n');
      /* A raw HTML href may span lines; no URL word has a blank. */
      g_string_append (urls, link->url != NULL ? link->url : "");
      for (char *c = urls->str + url_start; *c != '\0'; c++)
        if (*c == '\n')
          *c = ' ';
      g_string_append_c (urls, '\n');
    }

  links->folded[0] = cpd_label_fold (texts->str, -1);
  links->folded[1] = cpd_label_fold (urls->str, -1);

  for (guint w = 0; decoy_link_words[w] != NULL; w++)
    {
      const char *p = links->folded[0];
      guint       line = 0;
      int         found;

      while ((found = next_line_with (&p, &line, decoy_link_words[w])) >= 0)
        links->skip[found] = TRUE;
    }
}

/* The first link, in page order, that the role's words pick, the surer words first: by
 * text, or by URL. */
static char *
find_role_url (RoleLinks         *links,
               const char *const *words,
               gboolean           by_url)
{
  for (guint w = 0; words[w] != NULL; w++)
    {
      const char *p = links->folded[by_url ? 1 : 0];
      guint       line = 0;
      int         found;

      while ((found = next_line_with (&p, &line, words[w])) >= 0)
        if (!links->skip[found])
          return g_strdup (cpd_page_text_get_link (links->page, found)->url);
    }

  return NULL;
}

static char *
decide_url (Rules     *rules,
            RoleLinks *links,
            CpdLabel   label)
{
  char *url = g_steal_pointer (&rules->labelled_urls[label]);

  if (url == NULL)
    url = find_role_url (links, role_words[label].text_words, FALSE);
  if (url == NULL)
    url = find_role_url (links, role_words[label].url_words, TRUE);
  if (url == NULL && label == CPD_LABEL_REGISTRATION)
    url = find_role_url (links, home_words, FALSE);

  return url;
}

/* The front matter title, unless it is one word that the page's first heading names more
 * fully ("Porto" and "Rustacean Days Porto 2024") or a blog post's sentence ("We're going to
 * Graz!"). */
static char *
decide_title (Rules *rules)
{
  const char      *title = lookup (rules, (const char *const[]){ "title", NULL });
  g_autofree char *folded_title = NULL;
  g_autofree char *folded_heading = NULL;

  if (rules->heading == NULL)
    return g_strdup (title);
  if (title == NULL || (rules->is_post && (g_str_has_suffix (title, "!") ||
                                           g_str_has_suffix (title, "?"))))
    return cpd_label_clean_value (rules->heading);

  folded_title = g_utf8_casefold (title, -1);
  folded_heading = g_utf8_casefold (rules->heading, -1);
  if (strchr (folded_title, ' ') == NULL && strlen (folded_heading) > strlen (folded_title) &&
      strstr (folded_heading, folded_title))
    return cpd_label_clean_value (rules->heading);

  return g_strdup (title);
}

static void
read_front_matter_venue (Rules *rules)
{
  static const char *const keys[] = { "venue", "location", "where", "Where", "address", "place",
                                      NULL };
  static const char *const url_keys[CPD_N_LABELS][8] = {
    [CPD_LABEL_VENUE] = { "venue_url", "venueUrl", "venue_link", NULL },
    [CPD_LABEL_REGISTRATION] = { "registration", "register", "tickets", "registration_url",
                                 "tickets_url", "rsvp", NULL },
    [CPD_LABEL_SCHEDULE] = { "schedule", "agenda", "program", "programme", "schedule_url", NULL },
    [CPD_LABEL_CONDUCT] = { "code_of_conduct", "conduct", "coc", "coc_url", "conduct_url", NULL },
  };

  take_venue (rules, lookup (rules, keys), NULL);

  /* Links that the front matter gives, where they are web addresses. */
  for (guint label = CPD_LABEL_VENUE; label < CPD_N_LABELS; label++)
    {
      const char *url = lookup (rules, url_keys[label]);

      if (url != NULL && (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")))
        rules->labelled_urls[label] = g_strdup (url);
    }
}

/**
 * cpd_event_find:
 * @page: the page's text, from cpd_page_text_new()
 * @front_matter: (nullable): its front matter
 *
 * Returns: (transfer full): what the page states about its event
 */
CpdEvent *
cpd_event_find (const CpdPageText *page,
                CpdFrontMatter    *front_matter)
{
  Rules               rules = { .front_matter = front_matter, .page = page };
  CpdEvent           *facts = cpd_event_new ();
  const CpdDateRange *range;
  guint               event_year = 0;
  guint               year = 0;
  RoleLinks           links;

  rules.found = g_array_new (FALSE, FALSE, sizeof (CpdDateRange));

  for (guint b = 0; b < page->blocks->len && rules.heading == NULL; b++)
    {
      const CpdPageBlock *block = &g_array_index (page->blocks, CpdPageBlock, b);

      if (block->heading_level > 0)
        rules.heading = cpd_page_text_get_line (page, block->first_line)->text;
    }

  rules.is_post = g_strcmp0 (lookup (&rules, (const char *const[]){ "layout", NULL }), "post") == 0;
  /* The front matter "date", unless the page is a blog post: then it is the post's. */
  if (!rules.is_post)
    rules.post_date = lookup (&rules, (const char *const[]){ "date", "Date", NULL });

  facts->title = decide_title (&rules);

  /* A year that the title and front matter agree on dates "April 17 – 18". */
  add_years (&year, facts->title);
  add_years (&year, rules.heading);
  add_years (&year, rules.post_date);
  rules.default_year = year != G_MAXUINT ? year : 0;

  read_front_matter_dates (&rules);
  read_front_matter_venue (&rules);
  add_first_date (&rules, STRENGTH_PROSE, facts->title);
  read_blocks (&rules);

  range = decide_dates (&rules);
  if (range != NULL)
    {
      facts->has_dates = TRUE;
      facts->start = range->start;
      facts->end = range->end;
      event_year = g_date_get_year (&range->start);
    }

  role_links_init (&links, page, event_year);
  facts->venue_name = g_steal_pointer (&rules.venue_name);
  facts->venue_url = decide_url (&rules, &links, CPD_LABEL_VENUE);
  facts->registration_url = decide_url (&rules, &links, CPD_LABEL_REGISTRATION);
  facts->schedule_url = decide_url (&rules, &links, CPD_LABEL_SCHEDULE);
  facts->conduct_url = decide_url (&rules, &links, CPD_LABEL_CONDUCT);
  facts->recordings_url = decide_url (&rules, &links, CPD_LABEL_RECORDINGS);

  g_free (links.skip);
  g_free (links.folded[0]);
  g_free (links.folded[1]);
  g_array_unref (rules.found);

  return facts;
}
