import * as fs from 'node:fs';
import * as path from 'node:path';
import { CaseStage, OPEN_STAGES, OpenStage } from './case-stage';
import {
  DEFAULT_SLA,
  ESCALATION_LEVELS,
  EscalationLevel,
  SlaConfig,
  StageDeadlines,
  assertSlaConfig,
  currentLevel,
  escalationRecipients,
  isOverdue,
  levelWorkingDays,
  levelsDue,
  stageDeadlines,
} from './sla';
import { addDays } from './calendar-days';
import { HolidayData, calendarFromHolidayData } from './holiday-data';
import { WorkingCalendar } from './working-calendar';

// The seed data of calendar_day (docs/architecture.md#the-working-day-calendar-and-due-days).
const HOLIDAY_FILE = path.resolve(__dirname, '../../persistence/src/seed-data/vn-public-holidays.json');
const cal = calendarFromHolidayData(JSON.parse(fs.readFileSync(HOLIDAY_FILE, 'utf8')) as HolidayData);
const plain = new WorkingCalendar([], []);

function withStageDays(days: Partial<SlaConfig['stageDays']>): SlaConfig {
  return { stageDays: { ...DEFAULT_SLA.stageDays, ...days }, thresholds: { ...DEFAULT_SLA.thresholds } };
}

describe('SLA config', () => {
  it('defaults to the design limits', () => {
    expect(DEFAULT_SLA).toEqual({
      stageDays: { SURVEY: 10, OUTREACH: 20, GUIDANCE: 30, FOUNDING_CEREMONY: 20, RECOGNITION_DECISION: 10 },
      thresholds: { WARNING: 0.8, BREACH: 1, CRITICAL: 1.5 },
    });
    expect(() => assertSlaConfig(DEFAULT_SLA)).not.toThrow();
  });

  it('orders the levels as they fire', () => {
    expect(ESCALATION_LEVELS).toEqual(['WARNING', 'BREACH', 'CRITICAL']);
  });

  it.each([
    ['negative days', withStageDays({ SURVEY: -1 }), /SURVEY/],
    ['fractional days', withStageDays({ GUIDANCE: 2.5 }), /GUIDANCE/],
    ['NaN days', withStageDays({ OUTREACH: Number.NaN }), /OUTREACH/],
    ['thresholds out of order', { ...DEFAULT_SLA, thresholds: { WARNING: 1.2, BREACH: 1, CRITICAL: 1.5 } }, /BREACH/],
    ['a negative threshold', { ...DEFAULT_SLA, thresholds: { WARNING: -0.1, BREACH: 1, CRITICAL: 1.5 } }, /WARNING/],
    ['an infinite threshold', { ...DEFAULT_SLA, thresholds: { WARNING: 0.8, BREACH: 1, CRITICAL: Infinity } }, /CRITICAL/],
  ])('rejects %s', (_label, cfg, message) => {
    expect(() => assertSlaConfig(cfg as SlaConfig)).toThrow(RangeError);
    expect(() => assertSlaConfig(cfg as SlaConfig)).toThrow(message);
    expect(() => stageDeadlines(plain, CaseStage.SURVEY, '2024-03-04', cfg as SlaConfig)).toThrow(RangeError);
  });

  it('accepts equal thresholds and a zero-day stage', () => {
    expect(() => assertSlaConfig({ ...withStageDays({ SURVEY: 0 }), thresholds: { WARNING: 1, BREACH: 1, CRITICAL: 1 } })).not.toThrow();
  });
});

describe('levelWorkingDays', () => {
  it.each([
    [10, 0.8, 8],
    [10, 1, 10],
    [10, 1.5, 15],
    [20, 0.8, 16],
    [20, 1.5, 30],
    [30, 0.8, 24],
    [30, 1.5, 45],
    [3, 0.8, 3], // 2.4 rounds up: the warning never comes before the fraction has passed
    [5, 1.5, 8],
    [7, 0.8, 6],
    [10, 0.7, 7], // 0.7 * 10 = 7.000000000000001 in binary; must stay 7
    [10, 0.3, 3],
    [100, 0.29, 29],
    [0, 1.5, 0],
  ])('ceil(%i × %d) = %i', (days, t, n) => {
    expect(levelWorkingDays(days, t)).toBe(n);
  });
});

describe('stageDeadlines', () => {
  it('counts working days strictly after the entry day (weekends only)', () => {
    // Mon 2024-03-04: 8 wd -> Thu 14/03, 10 -> Mon 18/03, 15 -> Mon 25/03
    expect(stageDeadlines(plain, CaseStage.SURVEY, '2024-03-04')).toEqual({
      startOn: '2024-03-04',
      dueOn: '2024-03-18',
      warningOn: '2024-03-14',
      breachOn: '2024-03-18',
      criticalOn: '2024-03-25',
    });
  });

  it('skips Tết 2024', () => {
    // Thu 01/02/2024 + 10 SURVEY days, with 08/02–14/02 off
    expect(stageDeadlines(cal, CaseStage.SURVEY, '2024-02-01')).toEqual({
      startOn: '2024-02-01',
      dueOn: '2024-02-22',
      warningOn: '2024-02-20',
      breachOn: '2024-02-22',
      criticalOn: '2024-02-29',
    });
    const weekendsOnly = stageDeadlines(plain, CaseStage.SURVEY, '2024-02-01');
    expect(weekendsOnly.dueOn).toBe('2024-02-15');
  });

  it('counts the make-up Saturday 04/05/2024 and skips 29/04–01/05', () => {
    expect(stageDeadlines(cal, CaseStage.RECOGNITION_DECISION, '2024-05-02', DEFAULT_SLA, '2024-04-25')).toEqual({
      startOn: '2024-04-25',
      dueOn: '2024-05-13',
      warningOn: '2024-05-09',
      breachOn: '2024-05-13',
      criticalOn: '2024-05-20',
    });
  });

  it('an entry on a day off starts counting from the next working day', () => {
    // entered on mùng 1 Tết (Sat 10/02/2024): the 1st working day after is 15/02
    const d = stageDeadlines(cal, CaseStage.SURVEY, '2024-02-10', withStageDays({ SURVEY: 1 }));
    expect(d.breachOn).toBe('2024-02-15');
    expect(d.warningOn).toBe('2024-02-15'); // ceil(0.8) = 1
    expect(d.criticalOn).toBe('2024-02-16'); // ceil(1.5) = 2
  });

  it('RECOGNITION_DECISION runs from the completed dossier, when given', () => {
    const fromDossier = stageDeadlines(plain, CaseStage.RECOGNITION_DECISION, '2024-03-11', DEFAULT_SLA, '2024-03-04');
    expect(fromDossier.startOn).toBe('2024-03-04');
    expect(fromDossier.dueOn).toBe('2024-03-18');
    for (const none of [undefined, null, '']) {
      const fromEntry = stageDeadlines(plain, CaseStage.RECOGNITION_DECISION, '2024-03-11', DEFAULT_SLA, none);
      expect(fromEntry.startOn).toBe('2024-03-11');
      expect(fromEntry.dueOn).toBe('2024-03-25');
    }
  });

  it.each(OPEN_STAGES.filter((s) => s !== CaseStage.RECOGNITION_DECISION))('%s ignores the dossier date', (stage) => {
    expect(stageDeadlines(plain, stage, '2024-03-11', DEFAULT_SLA, '2024-03-04').startOn).toBe('2024-03-11');
  });

  it.each<[OpenStage, number, number, number]>([
    [CaseStage.SURVEY, 8, 10, 15],
    [CaseStage.OUTREACH, 16, 20, 30],
    [CaseStage.GUIDANCE, 24, 30, 45],
    [CaseStage.FOUNDING_CEREMONY, 16, 20, 30],
    [CaseStage.RECOGNITION_DECISION, 8, 10, 15],
  ])('%s: warning, breach and critical after %i, %i and %i working days', (stage, w, b, c) => {
    for (let entered = '2023-12-20'; entered <= '2026-12-20'; entered = addDays(entered, 11)) {
      const d = stageDeadlines(cal, stage, entered);
      expect(cal.workingDaysBetween(entered, d.warningOn)).toBe(w);
      expect(cal.workingDaysBetween(entered, d.breachOn)).toBe(b);
      expect(cal.workingDaysBetween(entered, d.criticalOn)).toBe(c);
      expect(d.dueOn).toBe(d.breachOn);
      expect(d.warningOn < d.breachOn && d.breachOn < d.criticalOn).toBe(true);
      expect(cal.isWorkingDay(d.dueOn)).toBe(true);
    }
  });

  it('uses per-stage configuration', () => {
    const d = stageDeadlines(plain, CaseStage.GUIDANCE, '2024-03-04', withStageDays({ GUIDANCE: 5 }));
    expect(d).toEqual({
      startOn: '2024-03-04',
      dueOn: '2024-03-11',
      warningOn: '2024-03-08', // ceil(4.0)
      breachOn: '2024-03-11',
      criticalOn: '2024-03-14', // ceil(7.5) = 8
    });
  });

  it('a zero-day limit is due on the start day', () => {
    const d = stageDeadlines(plain, CaseStage.SURVEY, '2024-03-04', withStageDays({ SURVEY: 0 }));
    expect([d.warningOn, d.breachOn, d.criticalOn]).toEqual(['2024-03-04', '2024-03-04', '2024-03-04']);
  });

  it('rejects a malformed start day', () => {
    expect(() => stageDeadlines(plain, CaseStage.SURVEY, '04/03/2024')).toThrow(RangeError);
    expect(() => stageDeadlines(plain, CaseStage.RECOGNITION_DECISION, '2024-03-04', DEFAULT_SLA, '2024-02-31')).toThrow(RangeError);
  });
});

describe('levelsDue', () => {
  const d: StageDeadlines = {
    startOn: '2024-03-04',
    dueOn: '2024-03-18',
    warningOn: '2024-03-14',
    breachOn: '2024-03-18',
    criticalOn: '2024-03-25',
  };

  it.each([
    ['2024-03-04', []],
    ['2024-03-13', []],
    ['2024-03-14', []],
    ['2024-03-15', ['WARNING']],
    ['2024-03-18', ['WARNING']],
    ['2024-03-19', ['WARNING', 'BREACH']],
    ['2024-03-25', ['WARNING', 'BREACH']],
    ['2024-03-26', ['WARNING', 'BREACH', 'CRITICAL']],
    ['2025-01-01', ['WARNING', 'BREACH', 'CRITICAL']],
    ['2024-01-01', []],
  ])('on %s: %j', (today, levels) => {
    expect(levelsDue(d, today)).toEqual(levels);
  });

  it('fires on calendar days, weekends included (the sweep runs every day)', () => {
    // breach day Fri 15/03 -> Sat 16/03 is already past it
    expect(levelsDue({ ...d, breachOn: '2024-03-15', dueOn: '2024-03-15' }, '2024-03-16')).toEqual(['WARNING', 'BREACH']);
  });

  it('a case found at 150% raises all three, in order', () => {
    const dl = stageDeadlines(cal, CaseStage.GUIDANCE, '2024-01-02');
    expect(levelsDue(dl, addDays(dl.criticalOn, 1))).toEqual([EscalationLevel.WARNING, EscalationLevel.BREACH, EscalationLevel.CRITICAL]);
  });

  it('currentLevel is the highest level due', () => {
    expect(currentLevel(d, '2024-03-14')).toBeNull();
    expect(currentLevel(d, '2024-03-15')).toBe(EscalationLevel.WARNING);
    expect(currentLevel(d, '2024-03-19')).toBe(EscalationLevel.BREACH);
    expect(currentLevel(d, '2024-03-26')).toBe(EscalationLevel.CRITICAL);
  });

  it('rejects a malformed today', () => {
    expect(() => levelsDue(d, '2024-3-26')).toThrow(RangeError);
  });
});

describe('isOverdue', () => {
  it.each([
    [null, '2024-03-19', false],
    ['2024-03-18', '2024-03-17', false],
    ['2024-03-18', '2024-03-18', false],
    ['2024-03-18', '2024-03-19', true],
    ['2024-12-31', '2025-01-01', true],
  ])('due %s, today %s: %s', (due, today, overdue) => {
    expect(isOverdue(due, today)).toBe(overdue);
  });

  it('agrees with the BREACH level', () => {
    const dl = stageDeadlines(cal, CaseStage.OUTREACH, '2024-04-22');
    for (let today = '2024-04-22'; today <= '2024-07-01'; today = addDays(today, 1)) {
      expect(isOverdue(dl.dueOn, today)).toBe(levelsDue(dl, today).includes(EscalationLevel.BREACH));
    }
  });
});

describe('escalationRecipients', () => {
  it.each([
    [EscalationLevel.WARNING, 'ASSIGNEE'],
    [EscalationLevel.BREACH, 'UNIT_SUPERVISORS'],
    [EscalationLevel.CRITICAL, 'UNIT_AND_PARENT_SUPERVISORS'],
  ])('%s goes to %s', (level, who) => {
    expect(escalationRecipients(level)).toBe(who);
  });

  it('refuses a level from outside the enum', () => {
    expect(() => escalationRecipients('PANIC' as EscalationLevel)).toThrow(RangeError);
  });
});
