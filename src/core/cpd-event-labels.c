/* cpd-event-labels.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How pages label their facts: "**When:** …", "Wo? …", "場所：…", "| Where | … |", and the
 * headings of labelled sections ("## When and Where", "### Sede:"). The rules that decide
 * what a label's value means are in cpd-event-rules.c.
 */

#include "config.h"

#include <string.h>

#include "cpd-event-labels-private.h"

/* The longest label we look for, in bytes ("código de conducta", "Veranstaltungsort"). */
#define MAX_LABEL_LENGTH 32

/* Labels as pages write them, case-folded. */
static const char *const label_words[CPD_N_LABELS][32] = {
  [CPD_LABEL_DATE] = { "date", "dates", "when", "event date", "event dates", "time", "wann",
                       "datum", "zeit", "termin", "quand", "heure", "fecha", "fechas", "cuándo",
                       "hora", "data", "datas", "quando", "orario", "日時", "日程", "開催日",
                       "开会时间", "时间", "時間", "日期", NULL },
  [CPD_LABEL_VENUE] = { "location", "venue", "where", "place", "room", "wo", "ort",
                        "veranstaltungsort", "raum", "lieu", "où", "salle", "sede", "lugar",
                        "dónde", "sala", "local", "luogo", "dove", "場所", "会場", "地点", "地址",
                        "会场", NULL },
  [CPD_LABEL_REGISTRATION] = { "registration", "register", "rsvp", "tickets", "sign-up",
                               "sign up", "anmeldung", "inscription", "inscripción", "inscrição",
                               "registro", "iscrizione", "申し込み", "报名", NULL },
  [CPD_LABEL_SCHEDULE] = { "schedule", "agenda", "program", "programme", "programm", "zeitplan",
                           "programa", "programma", "プログラム", "日程表", "议程", NULL },
  [CPD_LABEL_CONDUCT] = { "code of conduct", "conduct", "verhaltenskodex", "code de conduite",
                          "código de conducta", "código de conduta", "codice di condotta",
                          "行動規範", "行为准则", NULL },
  [CPD_LABEL_RECORDINGS] = { "recordings", "videos", "video", "aufzeichnungen", "vidéos",
                             "grabaciones", "gravações", "registrazioni", "録画", "录像", NULL },
};

static const char *const label_joiners[] = { " and ", " und ", " et ", " y ", " e ", " & ", " + ",
                                             " / ", " · " };

/* What @word labels, or CPD_LABEL_NONE; Japanese and Chinese labels also end a longer one
 * ("活动时间" is a time). */
static CpdLabel
find_label (const char *word)
{
  /* Every label word, to what it labels: a table made once, as many lines are looked up. */
  static GHashTable *table;
  guint              found;

  if (g_once_init_enter_pointer (&table))
    {
      GHashTable *labels = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint label = 0; label < CPD_N_LABELS; label++)
        for (guint i = 0; label_words[label][i] != NULL; i++)
          g_hash_table_insert (labels, (gpointer) label_words[label][i], GUINT_TO_POINTER (label + 1));
      g_once_init_leave_pointer (&table, labels);
    }

  found = GPOINTER_TO_UINT (g_hash_table_lookup (table, word));
  if (found != 0)
    return found - 1;

  if (!g_str_is_ascii (word))
    for (guint label = 0; label < CPD_N_LABELS; label++)
      for (guint i = 0; label_words[label][i] != NULL; i++)
        if (g_unichar_iswide (g_utf8_get_char (label_words[label][i])) &&
            g_str_has_suffix (word, label_words[label][i]))
          return label;

  return CPD_LABEL_NONE;
}

/* The length of the separator between a label and its value at @p ("When:", "Wo?",
 * "場所：", "Date - …", "Date – …"), or 0. */
static gsize
separator_length (const char *p)
{
  if (*p == ':' || *p == '?')
    return 1;
  if (strncmp (p, " - ", 3) == 0)
    return 3;
  if (strncmp (p, " – ", strlen (" – ")) == 0)
    return strlen (" – ");

  return strncmp (p, "：", strlen ("：")) == 0 ? strlen ("：") : 0;
}

/* @text (its first @length bytes, or all of it for -1) without regard to case, for
 * comparing with our word lists; ASCII needs none of g_utf8_casefold ()'s tables. */
char *
cpd_label_fold (const char *text,
                gssize      length)
{
  return g_str_is_ascii (text) ? g_ascii_strdown (text, length) : g_utf8_casefold (text, length);
}

/* Which labels @text (its first @length bytes, or all of it for -1) is, alone: "When",
 * "Wann?", "Sede:", "When and Where" is two. Returns the first, or CPD_LABEL_NONE. */
CpdLabel
cpd_label_match (const char *text,
                 gssize      length,
                 gboolean    labels[CPD_N_LABELS])
{
  g_autofree char *folded = cpd_label_fold (text, length);
  char            *part = folded;

  memset (labels, 0, sizeof (gboolean) * CPD_N_LABELS);
  g_strdelimit (folded, "*_", ' ');
  /* Bullets and emoji before the label: "📅 Date:", "🔹 Ort:". */
  while (part[0] != '\0' && !g_unichar_isalnum (g_utf8_get_char (part)))
    part = g_utf8_next_char (part);
  g_strchomp (part);
  for (gsize n = strlen (part); n > 0 && strchr (":?! ", part[n - 1]) != NULL; n--)
    part[n - 1] = '\0';
  if (g_str_has_suffix (part, "："))
    part[strlen (part) - strlen ("：")] = '\0';
  g_strchomp (part);

  /* "When and Where", "Ort und Zeit", "Lugar y fecha", "Time & Location": two labels. The
   * joiner's first byte becomes the split mark, the rest blanks that strip away. Each
   * joiner starts with a blank: one word is one label. */
  for (guint i = 0; i < G_N_ELEMENTS (label_joiners) && strchr (part, ' ') != NULL; i++)
    for (char *joiner = strstr (part, label_joiners[i]); joiner != NULL;
         joiner = strstr (joiner, label_joiners[i]))
      {
        memset (joiner, ' ', strlen (label_joiners[i]));
        *joiner = '\x1f';
      }

  for (char *next; part != NULL; part = next)
    {
      CpdLabel label;

      next = strchr (part, '\x1f');
      if (next != NULL)
        *next++ = '\0';
      label = find_label (g_strstrip (part));
      if (label != CPD_LABEL_NONE)
        labels[label] = TRUE;
    }

  for (guint label = 0; label < CPD_N_LABELS; label++)
    if (labels[label])
      return label;

  return CPD_LABEL_NONE;
}

/* "When: …", "**Where**: …", "Wo? …", "場所：…", "| When | … |": the label and its value. */
CpdLabel
cpd_label_split_line (const char *text,
                      char      **value)
{
  gboolean labels[CPD_N_LABELS];
  CpdLabel label;

  if (text[0] == '|')
    {
      g_auto (GStrv) cells = g_strsplit (text + 1, "|", 3);

      if (g_strv_length (cells) < 2 ||
          (label = cpd_label_match (cells[0], -1, labels)) == CPD_LABEL_NONE)
        return CPD_LABEL_NONE;

      *value = g_strstrip (g_strdup (cells[1]));
      return label;
    }

  /* Labels are short: a colon later in the line is the sentence's own. */
  for (const char *sep = text; (sep = strpbrk (sep, ":? \xef")) != NULL && sep - text <= MAX_LABEL_LENGTH;
       sep++)
    {
      gsize length = separator_length (sep);

      if (length == 0 || sep == text ||
          (label = cpd_label_match (text, sep - text, labels)) == CPD_LABEL_NONE)
        continue;

      *value = g_strstrip (g_strdup (sep + length));
      g_strdelimit (*value, "*", ' ');
      g_strstrip (*value);
      return label;
    }

  return CPD_LABEL_NONE;
}

/* @text without the emoji or bullets before it and the punctuation after it. */
char *
cpd_label_clean_value (const char *text)
{
  char *value;
  gsize n;

  while (*text != '\0' && !g_unichar_isalnum (g_utf8_get_char (text)))
    text = g_utf8_next_char (text);

  value = g_strstrip (g_strdup (text));
  n = strlen (value);
  while (n > 0 && strchr (".,;:", value[n - 1]) != NULL)
    value[--n] = '\0';

  return value;
}

/* What pages write for a fact they do not know yet. */
static const char *const unknown_words[] = { "tba", "tbd", "tbc", "to be announced",
                                             "still looking", "looking for",
                                             "to be confirmed", "to be decided", "n/a",
                                             "à venir", "à confirmer", "folgt", "wird noch",
                                             "por confirmar", "por anunciar", "未定", "待定",
                                             NULL };

gboolean
cpd_label_says_unknown (const char *value)
{
  /* Only the value's start can say so, and no word is longer than 24 bytes: no need to
   * fold the rest. */
  g_autofree char *folded = cpd_label_fold (value, 24);

  for (guint i = 0; unknown_words[i] != NULL; i++)
    if (g_str_has_prefix (folded, unknown_words[i]))
      return TRUE;

  return FALSE;
}
