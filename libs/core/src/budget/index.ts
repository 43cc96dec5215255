// The plan, officers' areas and the budget (docs/architecture.md#plan-areas-and-budget).
export * from './budget.service';
export * from './budget-ledger.service';
export * from '../plan/plan.service';
export * from '../plan/officer-areas.service';
export * from '../plan/area-holder.sql';
