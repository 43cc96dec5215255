import { isDatabaseBusy, isDatabaseUnavailable } from './pg-errors';

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connect', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a terminated backend (57P01)', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['a server starting up (57P03)', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['a connection exception (08006)', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['a cut connection', new Error('Connection terminated unexpectedly')],
    ['a pool connect timeout', new Error('timeout exceeded when trying to connect')],
    ['TypeORM wrapping a driver error', Object.assign(new Error('query failed'), { driverError: { code: '57P01' } })],
  ])('%s: yes', (_, e) => expect(isDatabaseUnavailable(e)).toBe(true));

  it.each([
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a malformed uuid', Object.assign(new Error('invalid input syntax'), { driverError: { code: '22P02' } })],
    ['a plain bug', new TypeError('x is undefined')],
    ['nothing', undefined],
  ])('%s: no', (_, e) => expect(isDatabaseUnavailable(e)).toBe(false));
});

describe('isDatabaseBusy', () => {
  it('a lock timeout (55P03) or a statement timeout (57014), also wrapped by TypeORM: yes; others: no', () => {
    expect(isDatabaseBusy(Object.assign(new Error('canceling statement due to lock timeout'), { code: '55P03' }))).toBe(true);
    expect(isDatabaseBusy(Object.assign(new Error('query failed'), { driverError: { code: '57014' } }))).toBe(true);
    expect(isDatabaseBusy(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDatabaseBusy(undefined)).toBe(false);
  });
});
