import * as fs from 'node:fs';
import * as path from 'node:path';
import * as domain from '@app/domain';

const SOURCES = fs
  .readdirSync(__dirname)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
  .map((f) => ({ file: f, text: fs.readFileSync(path.join(__dirname, f), 'utf8') }));

describe('@app/domain', () => {
  it('exports the names other libs depend on', () => {
    const names = [
      'CaseStage',
      'OPEN_STAGES',
      'isOpenStage',
      'CloseReason',
      'Requirement',
      'DEFAULT_CASE_RULES',
      'planAdvance',
      'planClose',
      'planReopen',
      'allowedTargets',
      'isLegalStep',
      'assertStageGraphSound',
      'WorkingCalendar',
      'vnDateOf',
      'vnStartOfDay',
      'addDays',
      'isIsoDate',
      'calendarFromHolidayData',
      'holidayRows',
      'EscalationLevel',
      'DEFAULT_SLA',
      'stageDeadlines',
      'levelsDue',
      'isOverdue',
      'LateStatus',
      'latenessOf',
      'escalationRecipients',
      'IneligibleReason',
      'Ownership',
      'ineligibilityReasons',
      'isVietnamese',
      'PeriodKind',
      'isPeriodStart',
      'periodFrom',
      'periodContaining',
      'previousPeriod',
      'lastEndedPeriod',
      'periodLabelVi',
      'FOCUS_WORKER_THRESHOLD',
      'coverage',
      'progressRatio',
      'RewardRule',
      'RewardOccasion',
      'DEFAULT_REWARD_CONFIG',
      'scoreOfficer',
      'scoreCdcsGrowth',
      'scoreNewCdcsFirstYear',
      'occasionPeriod',
      'occasionDueOn',
      'checkCitizenId',
      'CITIZEN_ID_PROVINCE_CODES',
      'LeaveReason',
    ];
    const missing = names.filter((n) => (domain as Record<string, unknown>)[n] === undefined);
    expect(missing).toEqual([]);
  });

  it('re-exports every module of the folder', () => {
    const index = SOURCES.find((s) => s.file === 'index.ts');
    const modules = SOURCES.map((s) => s.file.replace(/\.ts$/, '')).filter((m) => m !== 'index');
    for (const m of modules) expect(index?.text).toContain(`export * from './${m}';`);
  });

  it('has a sound stage graph at import time', () => {
    expect(() => domain.assertStageGraphSound()).not.toThrow();
  });

  it.each(SOURCES.map((s) => [s.file, s.text]))('%s stays pure: only relative imports, no clock', (_file, text) => {
    const imports = [...text.matchAll(/from\s+'([^']+)'|require\(\s*'([^']+)'\s*\)|import\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
    expect(imports.filter((i) => !i.startsWith('./'))).toEqual([]);
    // Time is passed in; reading the clock here would make the rules untestable.
    expect(text).not.toMatch(/Date\.now\(|new Date\(\s*\)|performance\.now\(/);
    expect(text).not.toMatch(/process\.env/);
  });
});
