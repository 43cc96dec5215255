import { isDatabaseUnavailable, isRecoveryConflict } from './db-errors';

describe('isRecoveryConflict', () => {
  it.each([
    ['a query cancelled by the standby', { code: '40001', message: 'canceling statement due to conflict with recovery' }],
    ['the same, wrapped by TypeORM', { message: 'x', driverError: { code: '40P01', message: 'canceling statement due to conflict with recovery' } }],
  ])('%s: yes', (_, e) => expect(isRecoveryConflict(e)).toBe(true));

  it.each([
    ['a serialization failure on the primary', { code: '40001', message: 'could not serialize access due to concurrent update' }],
    ['a lost connection (the fallback handles it as unavailable)', { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5433' }],
    ['nothing', undefined],
  ])('%s: no', (_, e) => expect(isRecoveryConflict(e)).toBe(false));

  it('a refused connection to the replica is "unavailable"', () => {
    expect(isDatabaseUnavailable({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5433' })).toBe(true);
  });
});
