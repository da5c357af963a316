/* cpd-score.h: scores the core's event facts against hand-labelled pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CpdScoreField:
 *
 * The facts a labelled page states, in the order of its `.facts` file and of the table.
 */
typedef enum
{
  CPD_SCORE_FIELD_TITLE,
  CPD_SCORE_FIELD_START,
  CPD_SCORE_FIELD_END,
  CPD_SCORE_FIELD_VENUE,
  CPD_SCORE_FIELD_VENUE_URL,
  CPD_SCORE_FIELD_REGISTRATION,
  CPD_SCORE_FIELD_SCHEDULE,
  CPD_SCORE_FIELD_CONDUCT,
  CPD_SCORE_N_FIELDS,
} CpdScoreField;

/**
 * CpdScoreCount:
 * @stated: facts the labels state (expected is not `absent`)
 * @found: stated facts the core found with the expected value
 * @wrong: stated facts the core found with another value
 * @invented: facts labelled `absent` that the core found anyway
 *
 * Missed facts (stated, not found at all) are @stated - @found - @wrong.
 */
typedef struct
{
  guint stated;
  guint found;
  guint wrong;
  guint invented;
} CpdScoreCount;

typedef struct _CpdScore CpdScore;

CpdScore            *cpd_score_new (void);
void                 cpd_score_free (CpdScore *self);
gboolean             cpd_score_add_dir (CpdScore   *self,
                                        const char *dir,
                                        GError    **error);
guint                cpd_score_get_n_pages (CpdScore *self);
guint                cpd_score_get_n_errors (CpdScore *self);
const CpdScoreCount *cpd_score_get_count (CpdScore     *self,
                                          CpdScoreField field);
CpdScoreCount        cpd_score_get_total (CpdScore *self);
const char          *cpd_score_field_name (CpdScoreField field);
char                *cpd_score_format (CpdScore *self,
                                       gboolean  with_missed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpdScore, cpd_score_free)

G_END_DECLS
