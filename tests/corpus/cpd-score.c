/* cpd-score.c: scores the core's event facts against hand-labelled pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "cpd-score.h"

#include <string.h>

#include "cpd-document.h"

#define FACTS_GROUP "Facts"
#define ABSENT "absent"

typedef enum
{
  VALUE_TEXT,
  VALUE_DATE,
  VALUE_URL,
} ValueKind;

/* A field is read from the event by exactly one of the two getters. */
static const struct
{
  const char *key;
  ValueKind   kind;
  const char *(*get_text) (CpdEvent *event);
  const GDate *(*get_date) (CpdEvent *event);
} fields[CPD_SCORE_N_FIELDS] = {
  [CPD_SCORE_FIELD_TITLE] = { "title", VALUE_TEXT, cpd_event_get_title, NULL },
  [CPD_SCORE_FIELD_START] = { "start", VALUE_DATE, NULL, cpd_event_get_start_date },
  [CPD_SCORE_FIELD_END] = { "end", VALUE_DATE, NULL, cpd_event_get_end_date },
  [CPD_SCORE_FIELD_VENUE] = { "venue", VALUE_TEXT, cpd_event_get_venue_name, NULL },
  [CPD_SCORE_FIELD_VENUE_URL] = { "venue-url", VALUE_URL, cpd_event_get_venue_url, NULL },
  [CPD_SCORE_FIELD_REGISTRATION] = { "registration", VALUE_URL, cpd_event_get_registration_url,
                                     NULL },
  [CPD_SCORE_FIELD_SCHEDULE] = { "schedule", VALUE_URL, cpd_event_get_schedule_url, NULL },
  [CPD_SCORE_FIELD_CONDUCT] = { "conduct", VALUE_URL, cpd_event_get_conduct_url, NULL },
};

struct _CpdScore
{
  CpdScoreCount counts[CPD_SCORE_N_FIELDS];
  guint         n_pages;
  guint         n_errors;
  GPtrArray    *problems;   /* wrong and invented facts, unreadable pages and labels */
  GPtrArray    *missed;     /* stated facts the core did not find */
  GPtrArray    *unlabelled; /* .md files without .facts, such as a README */
};

CpdScore *
cpd_score_new (void)
{
  CpdScore *self = g_new0 (CpdScore, 1);

  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->missed = g_ptr_array_new_with_free_func (g_free);
  self->unlabelled = g_ptr_array_new_with_free_func (g_free);

  return self;
}

void
cpd_score_free (CpdScore *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->problems);
  g_ptr_array_unref (self->missed);
  g_ptr_array_unref (self->unlabelled);
  g_free (self);
}

const char *
cpd_score_field_name (CpdScoreField field)
{
  g_return_val_if_fail (field < CPD_SCORE_N_FIELDS, NULL);

  return fields[field].key;
}

static char *
dup_iso_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          (guint) g_date_get_month (date), g_date_get_day (date));
}

/* Labels are strict YYYY-MM-DD, so that a typo in a .facts file is an error, not a miss. */
static char *
canonical_date (const char *text)
{
  guint y, m, d;
  GDate date;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return NULL;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return NULL;

  y = (guint) g_ascii_strtoull (text, NULL, 10);
  m = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  d = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (!g_date_valid_dmy (d, m, y))
    return NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);

  return dup_iso_date (&date);
}

/* Case, spacing and a trailing full stop or colon are not what makes a name right. NFC
 * first, so that an accent typed as one or as two code points compares the same. */
static char *
canonical_text (const char *text)
{
  g_autofree char *composed = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  g_autofree char *folded = g_utf8_casefold (composed != NULL ? composed : text, -1);
  GString         *out = g_string_new (NULL);
  gboolean         pending_space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }

  while (out->len > 0 && strchr (" .,;:", out->str[out->len - 1]) != NULL)
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

static char *
canonical (ValueKind   kind,
           const char *value)
{
  switch (kind)
    {
    case VALUE_TEXT:
      return canonical_text (value);
    case VALUE_DATE:
      return canonical_date (value);
    case VALUE_URL:
    default:
      return g_strdup (value);
    }
}

static char *
dup_found (CpdEvent     *event,
           CpdScoreField field)
{
  if (event == NULL)
    return NULL;

  if (fields[field].get_date != NULL)
    return dup_iso_date (fields[field].get_date (event));

  return g_strdup (fields[field].get_text (event));
}

static void
add_error (CpdScore   *self,
           const char *page,
           const char *what,
           const char *message)
{
  self->n_errors++;
  g_ptr_array_add (self->problems, g_strdup_printf ("%s: %s: %s", page, what, message));
}

static void
score_fact (CpdScore     *self,
            const char   *page,
            CpdScoreField field,
            const char   *expected,
            const char   *found)
{
  CpdScoreCount   *count = &self->counts[field];
  gboolean         stated = strcmp (expected, ABSENT) != 0;
  g_autofree char *want = stated ? canonical (fields[field].kind, expected) : NULL;
  g_autofree char *got = found != NULL ? canonical (fields[field].kind, found) : NULL;

  if (stated)
    count->stated++;

  if (got == NULL)
    {
      if (stated)
        g_ptr_array_add (self->missed,
                         g_strdup_printf ("%s: %s: expected «%s», found nothing", page,
                                          fields[field].key, expected));
      return;
    }

  if (stated && strcmp (want, got) == 0)
    {
      count->found++;
      return;
    }

  if (stated)
    count->wrong++;
  else
    count->invented++;
  g_ptr_array_add (self->problems, g_strdup_printf ("%s: %s: expected «%s», found «%s»", page,
                                                    fields[field].key, expected, found));
}

static gboolean
label_is_valid (ValueKind   kind,
                const char *label)
{
  g_autofree char *date = NULL;

  if (label[0] == '\0')
    return FALSE;
  if (kind != VALUE_DATE || strcmp (label, ABSENT) == 0)
    return TRUE;

  date = canonical_date (label);
  return date != NULL;
}

/* Reads the eight labels of @facts_path into @expected; FALSE (and an error line) when one
 * is missing, empty, or a date that is not YYYY-MM-DD. */
static gboolean
read_facts (CpdScore   *self,
            const char *page,
            const char *facts_path,
            char      **expected)
{
  g_autoptr (GKeyFile) key_file = g_key_file_new ();
  g_autoptr (GError) error = NULL;

  if (!g_key_file_load_from_file (key_file, facts_path, G_KEY_FILE_NONE, &error))
    {
      add_error (self, page, "cannot read its .facts", error->message);
      return FALSE;
    }

  for (guint i = 0; i < CPD_SCORE_N_FIELDS; i++)
    {
      expected[i] = g_key_file_get_string (key_file, FACTS_GROUP, fields[i].key, &error);
      if (expected[i] == NULL)
        {
          add_error (self, page, ".facts", error->message);
          return FALSE;
        }

      if (!label_is_valid (fields[i].kind, expected[i]))
        {
          g_autofree char *message = g_strdup_printf ("%s is empty or not YYYY-MM-DD",
                                                      fields[i].key);

          add_error (self, page, ".facts", message);
          return FALSE;
        }
    }

  return TRUE;
}

static void
score_page (CpdScore   *self,
            const char *dir,
            const char *name)
{
  g_autofree char *md_path = g_build_filename (dir, name, NULL);
  g_autofree char *base = g_strndup (md_path, strlen (md_path) - strlen (".md"));
  g_autofree char *facts_path = g_strconcat (base, ".facts", NULL);
  g_autoptr (GFile) file = NULL;
  g_autoptr (CpdDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  char     *expected[CPD_SCORE_N_FIELDS] = { NULL };
  CpdEvent *event = NULL;

  if (!g_file_test (facts_path, G_FILE_TEST_EXISTS))
    {
      g_ptr_array_add (self->unlabelled, g_strdup (name));
      return;
    }

  self->n_pages++;
  if (!read_facts (self, name, facts_path, expected))
    goto out;

  /* A page the core refuses still counts its stated facts, as missed. */
  file = g_file_new_for_path (md_path);
  document = cpd_document_new_from_file (file, NULL, &error);
  if (document == NULL)
    add_error (self, name, "cannot load", error->message);
  else
    event = cpd_document_get_event (document);

  for (guint i = 0; i < CPD_SCORE_N_FIELDS; i++)
    {
      g_autofree char *found = dup_found (event, i);

      score_fact (self, name, i, expected[i], found);
    }

out:
  for (guint i = 0; i < CPD_SCORE_N_FIELDS; i++)
    g_free (expected[i]);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/**
 * cpd_score_add_dir:
 * @self: a #CpdScore
 * @dir: a folder of pages: each `NAME.md` with its labels in `NAME.facts`
 * @error: where to put a failure to read @dir
 *
 * Runs the core on every labelled page of @dir, in name order, and adds up the score.
 * Pages without labels are listed, not scored; a page or label file that cannot be read
 * is an error line, not a failure.
 *
 * Returns: %FALSE when @dir cannot be listed
 */
gboolean
cpd_score_add_dir (CpdScore   *self,
                   const char *dir,
                   GError    **error)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, error);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (listing == NULL)
    return FALSE;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".md"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    score_page (self, dir, names->pdata[i]);

  return TRUE;
}

guint
cpd_score_get_n_pages (CpdScore *self)
{
  return self->n_pages;
}

/* Unreadable pages and label files: a corpus with any of them is broken. */
guint
cpd_score_get_n_errors (CpdScore *self)
{
  return self->n_errors;
}

const CpdScoreCount *
cpd_score_get_count (CpdScore     *self,
                     CpdScoreField field)
{
  g_return_val_if_fail (field < CPD_SCORE_N_FIELDS, NULL);

  return &self->counts[field];
}

CpdScoreCount
cpd_score_get_total (CpdScore *self)
{
  CpdScoreCount total = { 0 };

  for (guint i = 0; i < CPD_SCORE_N_FIELDS; i++)
    {
      total.stated += self->counts[i].stated;
      total.found += self->counts[i].found;
      total.wrong += self->counts[i].wrong;
      total.invented += self->counts[i].invented;
    }

  return total;
}

static void
append_row (GString             *out,
            const char          *name,
            const CpdScoreCount *count)
{
  g_string_append_printf (out, "%-13s %6u %6u %6u %9u %7u", name, count->stated, count->found,
                          count->wrong, count->invented,
                          count->stated - count->found - count->wrong);
  if (count->stated > 0)
    g_string_append_printf (out, " %6.0f %%\n", 100.0 * count->found / count->stated);
  else
    g_string_append (out, "      - %\n");
}

static void
append_lines (GString   *out,
              GPtrArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (const char *) lines->pdata[i]);
}

/**
 * cpd_score_format:
 * @self: a #CpdScore
 * @with_missed: whether to list the missed facts too
 *
 * Returns: (transfer full): the table, one row per field and one overall, then a line per
 *   wrong or invented fact and per error
 */
char *
cpd_score_format (CpdScore *self,
                  gboolean  with_missed)
{
  GString      *out = g_string_new (NULL);
  CpdScoreCount total = cpd_score_get_total (self);

  g_string_append_printf (out, "%u labelled pages", self->n_pages);
  if (self->unlabelled->len > 0)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (self->unlabelled, NULL);
      joined = g_strjoinv (", ", (char **) self->unlabelled->pdata);
      g_ptr_array_remove_index (self->unlabelled, self->unlabelled->len - 1);
      g_string_append_printf (out, " (not labelled, not scored: %s)", joined);
    }
  g_string_append (out, "\n");

  g_string_append (out, "field         stated  found  wrong  invented  missed  found\n");
  for (guint i = 0; i < CPD_SCORE_N_FIELDS; i++)
    append_row (out, fields[i].key, &self->counts[i]);
  append_row (out, "overall", &total);

  append_lines (out, self->problems);
  if (with_missed)
    append_lines (out, self->missed);

  return g_string_free (out, FALSE);
}
