import DataLoader from 'dataloader';
import { Injectable } from '@nestjs/common';
import {
  Actor,
  AdmissionsService,
  ApplicationsService,
  CaseQueriesService,
  EnterprisesService,
  MemberView,
  MembersQueryService,
  MembershipView,
  NominationDecisionView,
  OrgStructureService,
  OrgUnitHeadFigures,
  OrgUnitsService,
  RewardsService,
  UsersService,
} from '@app/core';
import {
  CaseEvidenceEntity,
  CaseTransitionEntity,
  EnterpriseEntity,
  EnterpriseWorkerCountEntity,
  EnterpriseFundingTypeEntity,
  FoundingCaseEntity,
  MembershipApplicationEntity,
  OrgUnitEntity,
  UserEntity,
} from '@app/persistence';

function byId<T extends { id: string }>(load: (ids: readonly string[]) => Promise<T[]>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await load(ids);
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

function groupBy<T>(key: (t: T) => string, load: (ids: readonly string[]) => Promise<T[]>) {
  return new DataLoader<string, T[]>(async (ids) => {
    const rows = await load(ids);
    const map = new Map<string, T[]>();
    for (const r of rows) {
      const k = key(r);
      if (!map.has(k)) map.set(k, []);
      map.get(k)!.push(r);
    }
    return ids.map((id) => map.get(id) ?? []);
  });
}

export interface Loaders {
  orgUnit: DataLoader<string, OrgUnitEntity | null>;
  children: DataLoader<string, OrgUnitEntity[]>;
  user: DataLoader<string, UserEntity | null>;
  enterprise: DataLoader<string, EnterpriseEntity | null>;
  application: DataLoader<string, MembershipApplicationEntity | null>;
  applicationsOfCase: DataLoader<string, MembershipApplicationEntity[]>;
  historyOfCase: DataLoader<string, CaseTransitionEntity[]>;
  evidenceOfCase: DataLoader<string, CaseEvidenceEntity[]>;
  openCaseOfEnterprise: DataLoader<string, FoundingCaseEntity[]>;
  casesOfEnterprise: DataLoader<string, FoundingCaseEntity[]>;
  workerCountsOfEnterprise: DataLoader<string, EnterpriseWorkerCountEntity[]>;
  fundingTypesOfEnterprise: DataLoader<string, EnterpriseFundingTypeEntity[]>;
  foundingCase: DataLoader<string, FoundingCaseEntity | null>;
  decisionsOfNomination: DataLoader<string, NominationDecisionView[]>;
  headFigures: DataLoader<string, OrgUnitHeadFigures | null>;
  /** Every membership of a person of a register (its staff id), oldest first. */
  membershipsOfStaff: DataLoader<string, MembershipView[]>;
  /** The people an admission decision admitted (its id), by name. */
  membersOfDecision: DataLoader<string, MemberView[]>;
}

/** One set of DataLoaders per request, so lists load related rows in batches (no N+1). */
@Injectable()
export class LoadersFactory {
  constructor(
    private readonly orgUnits: OrgUnitsService,
    private readonly users: UsersService,
    private readonly enterprises: EnterprisesService,
    private readonly applications: ApplicationsService,
    private readonly cases: CaseQueriesService,
    private readonly rewards: RewardsService,
    private readonly orgStructure: OrgStructureService,
    private readonly members: MembersQueryService,
    private readonly admissions: AdmissionsService,
  ) {}

  create(actorOf: () => Actor | undefined): Loaders {
    return {
      orgUnit: byId((ids) => this.orgUnits.findByIds(ids)),
      children: groupBy(
        (u) => u.parentId!,
        (ids) => this.orgUnits.childrenOf(ids),
      ),
      user: byId((ids) => this.users.findByIds(ids)),
      enterprise: byId((ids) => this.enterprises.findByIds(ids)),
      application: byId((ids) => this.applications.findByIds(ids)),
      applicationsOfCase: groupBy(
        (a) => a.caseId!,
        (ids) => this.applications.findByCaseIds(ids),
      ),
      historyOfCase: groupBy(
        (t) => t.caseId,
        (ids) => this.cases.historyOf(ids),
      ),
      evidenceOfCase: groupBy(
        (e) => e.caseId,
        (ids) => this.cases.evidenceOf(ids),
      ),
      openCaseOfEnterprise: groupBy(
        (c) => c.enterpriseId,
        (ids) => {
          const actor = actorOf();
          return actor ? this.cases.openCasesOf(actor, ids) : Promise.resolve([]);
        },
      ),
      casesOfEnterprise: groupBy(
        (c) => c.enterpriseId,
        (ids) => {
          const actor = actorOf();
          return actor ? this.cases.casesOf(actor, ids) : Promise.resolve([]);
        },
      ),
      workerCountsOfEnterprise: groupBy(
        (w) => w.enterpriseId,
        (ids) => this.enterprises.workerCountsOf(ids),
      ),
      fundingTypesOfEnterprise: groupBy(
        (f) => f.enterpriseId,
        (ids) => this.enterprises.fundingTypesOf(ids),
      ),
      foundingCase: byId((ids) => this.cases.findByIds(ids)),
      decisionsOfNomination: groupBy(
        (d) => d.nominationId,
        (ids) => this.rewards.decisionsOf(ids),
      ),
      headFigures: byId(async (ids) => (await this.orgStructure.headFigures(ids)).map((f) => ({ ...f, id: f.orgUnitId }))),
      membershipsOfStaff: new DataLoader(async (ids) => {
        const by = await this.members.memberships(ids);
        return ids.map((id) => by.get(id) ?? []);
      }),
      membersOfDecision: new DataLoader(async (ids) => {
        const by = await this.admissions.membersOf(ids);
        return ids.map((id) => by.get(id) ?? []);
      }),
    };
  }
}

/** An optional reference's row: null without an id, else through its loader. */
export function loadIf<T>(loader: DataLoader<string, T>, id: string | null | undefined): Promise<T> | null {
  return id ? loader.load(id) : null;
}

export interface GqlContext {
  req: { headers: Record<string, string | string[] | undefined>; actor?: Actor; ip?: string };
  loaders: Loaders;
}
