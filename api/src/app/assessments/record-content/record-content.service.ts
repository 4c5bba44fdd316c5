import { Injectable } from '@nestjs/common';
import {
  GENERAL_PRINCIPLES,
  VULNERABLE_GROUPS,
  type EvidenceItem,
  type FollowUpIndicator,
  type ImpactMatrixRow,
  type Language,
  type RecordAlternative,
  type RecordContent,
  type VulnerableGroupNote,
} from '@lava/contracts';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { requestProblems } from '../../common/validation';
import type { Assessment } from '../assessment.entity';
import type { RecordContentUpdateDto } from './record-content.dto';
import {
  AssessmentAlternative,
  AssessmentEvidenceItem,
  AssessmentVulnerableGroup,
  FollowUpIndicatorEntity,
  ImpactMatrixRowEntity,
} from './record-content.entities';

export type Changes = Record<string, { from: unknown; to: unknown }>;

/** The lists of the record, as the API answers them. */
export interface RecordLists {
  vulnerableGroups: VulnerableGroupNote[];
  alternatives: RecordAlternative[];
  evidence: EvidenceItem[];
  matrix: ImpactMatrixRow[];
  indicators: FollowUpIndicator[];
}

/** The two alternatives every full assessment starts with, in the language of the official who starts it. */
const DEFAULT_ALTERNATIVES: Record<Language, readonly [string, string]> = {
  fi: ['Päätösehdotus', 'Ei muutosta (nykytila jatkuu)'],
  sv: ['Beslutsförslaget', 'Ingen förändring (nuläget fortsätter)'],
  en: ['The proposal', 'No change (things stay as they are)'],
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The content sections of the record: reading them, and saving a PATCH's sections in the caller's
 * transaction. Lists are replaced whole (delete and insert), after the checks a DTO cannot make:
 * ids unique within a list, and every matrix row naming one of the alternatives. The matrix always
 * keeps a row for each UNCRC general principle (2, 3, 6, 12) under each alternative: missing ones
 * are added with direction "unknown", so the official sees what is still to be assessed.
 * Removing an alternative removes its matrix rows.
 */
@Injectable()
export class RecordContentService {
  async lists(manager: EntityManager, assessmentId: string): Promise<RecordLists> {
    const where = { assessmentId };
    const [groups, alternatives, evidence, matrix, indicators] = await Promise.all([
      manager.getRepository(AssessmentVulnerableGroup).find({ where }),
      manager.getRepository(AssessmentAlternative).find({ where, order: { position: 'ASC' } }),
      manager.getRepository(AssessmentEvidenceItem).find({ where, order: { position: 'ASC' } }),
      manager.getRepository(ImpactMatrixRowEntity).find({ where, order: { position: 'ASC' } }),
      manager.getRepository(FollowUpIndicatorEntity).find({ where, order: { position: 'ASC' } }),
    ]);
    return {
      vulnerableGroups: sortGroups(groups.map((g) => ({ group: g.groupKey, note: g.note }))),
      alternatives: alternatives.map(({ id, title, description }) => ({ id, title, description })),
      evidence: evidence.map(({ id, source, date, finding }) => ({ id, source, date, finding })),
      matrix: matrix.map(({ id, alternativeId, article, group, direction, directness, term, note }) => ({
        id,
        alternativeId,
        article,
        group,
        direction,
        directness,
        term,
        note,
      })),
      indicators: indicators.map(({ id, indicator, owner, dueDate }) => ({ id, indicator, owner, dueDate })),
    };
  }

  /** The content sections of the detail answer. */
  async content(manager: EntityManager, assessment: Assessment): Promise<RecordContent> {
    const lists = await this.lists(manager, assessment.id);
    return {
      scope: { childrenAffected: assessment.scopeChildrenAffected, vulnerableGroups: lists.vulnerableGroups },
      legalBasis: {
        uncrcArticles: assessment.legalUncrcArticles,
        nationalLaw: assessment.legalNationalLaw,
        welfarePlan: assessment.legalWelfarePlan,
      },
      alternatives: { items: lists.alternatives },
      evidence: { items: lists.evidence, gaps: assessment.evidenceGaps },
      childrensViews: {
        methods: assessment.viewsMethods,
        howGathered: assessment.viewsHowGathered,
        whatTheySaid: assessment.viewsWhatTheySaid,
      },
      impactMatrix: { rows: lists.matrix },
      mitigation: { text: assessment.mitigation },
      changesMade: { text: assessment.changesMade },
      recommendation: { text: assessment.recommendation, bestInterests: assessment.bestInterests },
      communication: { text: assessment.communication },
      followUp: { indicators: lists.indicators },
    };
  }

  /**
   * Applies the content sections of a PATCH to the entity (text fields) and the tables (lists),
   * returning the changes as `<section>.<field>` → { from, to }. Throws 400 naming the field.
   */
  async apply(tx: EntityManager, assessment: Assessment, dto: RecordContentUpdateDto): Promise<Changes> {
    const changes: Changes = {};
    const set = <K extends keyof Assessment>(field: K, value: Assessment[K] | undefined, label: string) => {
      if (value === undefined || same(assessment[field], value)) return;
      changes[label] = { from: assessment[field], to: value };
      assessment[field] = value;
    };
    set('scopeChildrenAffected', dto.scope?.childrenAffected, 'scope.childrenAffected');
    set(
      'legalUncrcArticles',
      dto.legalBasis?.uncrcArticles && [...dto.legalBasis.uncrcArticles].sort((a, b) => a - b),
      'legalBasis.uncrcArticles',
    );
    set('legalNationalLaw', dto.legalBasis?.nationalLaw, 'legalBasis.nationalLaw');
    set('legalWelfarePlan', dto.legalBasis?.welfarePlan, 'legalBasis.welfarePlan');
    set('evidenceGaps', dto.evidence?.gaps, 'evidence.gaps');
    set('viewsMethods', dto.childrensViews?.methods, 'childrensViews.methods');
    set('viewsHowGathered', dto.childrensViews?.howGathered, 'childrensViews.howGathered');
    set('viewsWhatTheySaid', dto.childrensViews?.whatTheySaid, 'childrensViews.whatTheySaid');
    set('mitigation', dto.mitigation?.text, 'mitigation.text');
    set('changesMade', dto.changesMade?.text, 'changesMade.text');
    set('recommendation', dto.recommendation?.text, 'recommendation.text');
    set('bestInterests', dto.recommendation?.bestInterests, 'recommendation.bestInterests');
    set('communication', dto.communication?.text, 'communication.text');

    const wantsLists =
      dto.scope?.vulnerableGroups || dto.alternatives?.items || dto.evidence?.items || dto.impactMatrix?.rows || dto.followUp?.indicators;
    if (!wantsLists) return changes;

    const current = await this.lists(tx, assessment.id);
    const problems: { field: string; messages: string[] }[] = [];
    const unique = (items: { id: string }[] | undefined, field: string, repeated: string) => {
      const seen = new Set<string>();
      items?.forEach((item, i) => {
        if (seen.has(item.id)) problems.push({ field: `${field}.${i}.id`, messages: [repeated] });
        seen.add(item.id);
      });
    };
    const groups = dto.scope?.vulnerableGroups;
    groups?.forEach((g, i) => {
      if (groups.findIndex((other) => other.group === g.group) !== i) {
        problems.push({ field: `scope.vulnerableGroups.${i}.group`, messages: ['names a group already listed'] });
      }
    });
    unique(dto.alternatives?.items, 'alternatives.items', 'repeats the id of another alternative');
    unique(dto.evidence?.items, 'evidence.items', 'repeats the id of another evidence item');
    unique(dto.impactMatrix?.rows, 'impactMatrix.rows', 'repeats the id of another row');
    unique(dto.followUp?.indicators, 'followUp.indicators', 'repeats the id of another indicator');

    const alternatives = dto.alternatives?.items?.map(({ id, title, description }) => ({ id, title, description })) ?? current.alternatives;
    const alternativeIds = new Set(alternatives.map((a) => a.id));
    dto.impactMatrix?.rows?.forEach((row, i) => {
      if (!alternativeIds.has(row.alternativeId)) {
        problems.push({ field: `impactMatrix.rows.${i}.alternativeId`, messages: ['is not one of the assessment’s alternatives'] });
      }
    });
    if (problems.length) {
      throw requestProblems(problems);
    }

    const matrixIn: ImpactMatrixRow[] = (
      dto.impactMatrix?.rows?.map(({ id, alternativeId, article, group, direction, directness, term, note }) => ({
        id,
        alternativeId,
        article,
        group,
        direction,
        directness,
        term,
        note,
      })) ?? current.matrix
    ).filter((row) => alternativeIds.has(row.alternativeId));
    const matrix = withGeneralPrinciples(alternatives, matrixIn);

    const next: RecordLists = {
      vulnerableGroups: groups ? sortGroups(groups.map(({ group, note }) => ({ group, note }))) : current.vulnerableGroups,
      alternatives,
      evidence: dto.evidence?.items?.map(({ id, source, date, finding }) => ({ id, source, date, finding })) ?? current.evidence,
      matrix,
      indicators:
        dto.followUp?.indicators?.map(({ id, indicator, owner, dueDate }) => ({ id, indicator, owner, dueDate })) ?? current.indicators,
    };
    const labels: Record<keyof RecordLists, string> = {
      vulnerableGroups: 'scope.vulnerableGroups',
      alternatives: 'alternatives.items',
      evidence: 'evidence.items',
      matrix: 'impactMatrix.rows',
      indicators: 'followUp.indicators',
    };
    const changed = (Object.keys(labels) as (keyof RecordLists)[]).filter((key) => !same(current[key], next[key]));
    for (const key of changed) changes[labels[key]] = { from: current[key], to: next[key] };
    if (changed.length) await this.write(tx, assessment.id, next, new Set(changed));
    return changes;
  }

  /**
   * When the full assessment starts without alternatives: the proposal and "no change", each with a
   * matrix row per general principle. Returns the changes for the version history.
   */
  async startFullAssessment(tx: EntityManager, assessmentId: string, language: Language): Promise<Changes> {
    const current = await this.lists(tx, assessmentId);
    if (current.alternatives.length > 0) return {};
    const alternatives = DEFAULT_ALTERNATIVES[language].map((title) => ({ id: randomUUID(), title, description: '' }));
    const matrix = withGeneralPrinciples(alternatives, current.matrix);
    await this.write(tx, assessmentId, { ...current, alternatives, matrix }, new Set(['alternatives', 'matrix']));
    return {
      'alternatives.items': { from: [], to: alternatives },
      'impactMatrix.rows': { from: current.matrix, to: matrix },
    };
  }

  private async write(tx: EntityManager, assessmentId: string, lists: RecordLists, which: Set<keyof RecordLists>): Promise<void> {
    const where = { assessmentId };
    if (which.has('vulnerableGroups')) {
      await tx.getRepository(AssessmentVulnerableGroup).delete(where);
      if (lists.vulnerableGroups.length) {
        await tx
          .getRepository(AssessmentVulnerableGroup)
          .insert(lists.vulnerableGroups.map((g) => ({ assessmentId, groupKey: g.group, note: g.note })));
      }
    }
    // Matrix rows go first (they refer to alternatives) and come back last.
    if (which.has('matrix') || which.has('alternatives')) await tx.getRepository(ImpactMatrixRowEntity).delete(where);
    if (which.has('alternatives')) {
      await tx.getRepository(AssessmentAlternative).delete(where);
      if (lists.alternatives.length) {
        await tx.getRepository(AssessmentAlternative).insert(lists.alternatives.map((a, position) => ({ ...a, assessmentId, position })));
      }
    }
    if ((which.has('matrix') || which.has('alternatives')) && lists.matrix.length) {
      await tx.getRepository(ImpactMatrixRowEntity).insert(lists.matrix.map((r, position) => ({ ...r, assessmentId, position })));
    }
    if (which.has('evidence')) {
      await tx.getRepository(AssessmentEvidenceItem).delete(where);
      if (lists.evidence.length) {
        await tx.getRepository(AssessmentEvidenceItem).insert(lists.evidence.map((e, position) => ({ ...e, assessmentId, position })));
      }
    }
    if (which.has('indicators')) {
      await tx.getRepository(FollowUpIndicatorEntity).delete(where);
      if (lists.indicators.length) {
        await tx.getRepository(FollowUpIndicatorEntity).insert(lists.indicators.map((x, position) => ({ ...x, assessmentId, position })));
      }
    }
  }
}

function sortGroups(groups: VulnerableGroupNote[]): VulnerableGroupNote[] {
  return [...groups].sort((a, b) => VULNERABLE_GROUPS.indexOf(a.group) - VULNERABLE_GROUPS.indexOf(b.group));
}

/** The rows, plus a row with direction "unknown" for each general principle an alternative lacks (after its own rows). */
export function withGeneralPrinciples(alternatives: readonly { id: string }[], rows: readonly ImpactMatrixRow[]): ImpactMatrixRow[] {
  const out = [...rows];
  for (const alternative of alternatives) {
    for (const article of GENERAL_PRINCIPLES) {
      if (out.some((r) => r.alternativeId === alternative.id && r.article === article)) continue;
      const lastOfAlternative = out.map((r) => r.alternativeId).lastIndexOf(alternative.id);
      const row: ImpactMatrixRow = {
        id: randomUUID(),
        alternativeId: alternative.id,
        article,
        group: 'all',
        direction: 'unknown',
        directness: 'direct',
        term: 'short',
        note: '',
      };
      out.splice(lastOfAlternative === -1 ? out.length : lastOfAlternative + 1, 0, row);
    }
  }
  return out;
}
