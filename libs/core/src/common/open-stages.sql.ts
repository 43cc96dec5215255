import { OPEN_STAGES } from '@app/domain';

/** The open stages as a SQL list, `('SURVEY',…)`, for `stage IN ${OPEN_STAGES_SQL}`. Migrations keep frozen copies of it. */
export const OPEN_STAGES_SQL = `(${OPEN_STAGES.map((s) => `'${s}'`).join(',')})`;
