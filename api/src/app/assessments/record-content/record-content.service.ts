import { Injectable } from '@nestjs/common';
import {
  DEFAULT_ALTERNATIVES,
  withGeneralPrinciples as withGeneralPrincipleRows,
  LIST_CHANGE_FIELDS,
  listChange,
  normalizeEvidenceDate,
  SHANARRI_INDICATORS,
  VULNERABLE_GROUPS,
  type EvidenceItem,
  type FollowUpIndicator,
  type ImpactMatrixRow,
  type RecordAlternative,
  type RecordContent,
  type VulnerableGroupNote,
  type WellbeingFramework,
  type WellbeingSet,
} from '@lava/contracts';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { requestProblems } from '../../common/validation';
import type { Assessment } from '../assessment.entity';
import { changeTracker, same, type Changes } from '../record-changes';
import type { RecordContentUpdateDto } from './record-content.dto';
import {
  AssessmentAlternative,
  AssessmentEvidenceItem,
  AssessmentVulnerableGroup,
  FollowUpIndicatorEntity,
  ImpactMatrixRowEntity,
} from './record-content.entities';

/** The lists of the record, as the API answers them. */
export interface RecordLists {
  vulnerableGroups: VulnerableGroupNote[];
  alternatives: RecordAlternative[];
  evidence: EvidenceItem[];
  matrix: ImpactMatrixRow[];
  indicators: FollowUpIndicator[];
}

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
    // One statement for the five lists, built as JSON in the shapes of RecordLists (every read of an
    // assessment and every workflow check runs this: five round trips and five entity loads were most
    // of the detail read's time). The entities in record-content.entities.ts name the same columns.
    const [row]: (Omit<RecordLists, 'vulnerableGroups'> & { groups: RecordLists['vulnerableGroups'] })[] = await manager.query(
      `SELECT
         (SELECT coalesce(json_agg(json_build_object('group', group_key, 'note', note)), '[]')
            FROM assessment_vulnerable_groups WHERE assessment_id = $1) AS groups,
         (SELECT coalesce(json_agg(json_build_object('id', id, 'title', title, 'description', description, 'defaultName', default_name)
                                   ORDER BY position), '[]')
            FROM assessment_alternatives WHERE assessment_id = $1) AS alternatives,
         (SELECT coalesce(json_agg(json_build_object('id', id, 'source', source, 'url', url, 'date', item_date, 'finding', finding)
                                   ORDER BY position), '[]')
            FROM assessment_evidence_items WHERE assessment_id = $1) AS evidence,
         (SELECT coalesce(json_agg(json_build_object('id', id, 'alternativeId', alternative_id, 'articles', uncrc_articles,
                                                     'groups', group_keys, 'wellbeing', wellbeing, 'direction', direction,
                                                     'directness', directness, 'term', term, 'note', note)
                                   ORDER BY position), '[]')
            FROM impact_matrix_rows WHERE assessment_id = $1) AS matrix,
         (SELECT coalesce(json_agg(json_build_object('id', id, 'indicator', indicator, 'owner', owner, 'dueDate', due_date)
                                   ORDER BY position), '[]')
            FROM follow_up_indicators WHERE assessment_id = $1) AS indicators`,
      [assessmentId],
    );
    return {
      vulnerableGroups: sortGroups(row.groups),
      alternatives: row.alternatives,
      evidence: row.evidence,
      matrix: row.matrix,
      indicators: row.indicators,
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
        notHeardReason: assessment.viewsNotHeardReason,
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
    const set = changeTracker(assessment, changes);
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
    set('viewsNotHeardReason', dto.childrensViews?.notHeardReason, 'childrensViews.notHeardReason');
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

    // A default alternative stays one (its name shown in the reader's language) until the official writes a title.
    const alternatives: RecordAlternative[] =
      dto.alternatives?.items?.map(({ id, title, description, defaultName }) => ({
        id,
        title,
        description,
        defaultName:
          title !== ''
            ? null
            : defaultName !== undefined
              ? defaultName
              : (current.alternatives.find((a) => a.id === id)?.defaultName ?? null),
      })) ?? current.alternatives;
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
      dto.impactMatrix?.rows?.map((row) =>
        matrixRow({
          ...row,
          articles: [...row.articles].sort((a, b) => a - b),
          groups: row.groups.map((g) => g.trim()),
          wellbeing: row.wellbeing ?? [],
        }),
      ) ?? current.matrix
    ).filter((row) => alternativeIds.has(row.alternativeId));
    const matrix = withGeneralPrinciples(alternatives, matrixIn);

    const next: RecordLists = {
      vulnerableGroups: groups ? sortGroups(groups.map(({ group, note }) => ({ group, note }))) : current.vulnerableGroups,
      alternatives,
      evidence:
        dto.evidence?.items?.map(({ id, source, url, date, finding }) => ({
          id,
          source,
          url: url ?? '',
          date: date === null || date === undefined ? null : normalizeEvidenceDate(date),
          finding,
        })) ?? current.evidence,
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
    // The table is rewritten when anything differs (order included); the history keeps only the items that changed.
    const changed = (Object.keys(labels) as (keyof RecordLists)[]).filter((key) => !same(current[key], next[key]));
    for (const key of changed) {
      const change = listChange<object>(current[key], next[key], LIST_CHANGE_FIELDS[labels[key]] ?? 'id');
      if (change) changes[labels[key]] = change;
    }
    if (changed.length) await this.write(tx, assessment.id, next, new Set(changed));
    return changes;
  }

  /**
   * When the full assessment starts without alternatives: the proposal and "no change", each with a
   * matrix row per general principle. Returns the changes for the version history.
   */
  async startFullAssessment(tx: EntityManager, assessmentId: string): Promise<Changes> {
    const current = await this.lists(tx, assessmentId);
    if (current.alternatives.length > 0) return {};
    // No name is stored: each reader sees "the proposal" and "no change" in their own language.
    const alternatives: RecordAlternative[] = DEFAULT_ALTERNATIVES.map((defaultName) => ({
      id: randomUUID(),
      title: '',
      description: '',
      defaultName,
    }));
    const matrix = withGeneralPrinciples(alternatives, current.matrix);
    await this.write(tx, assessmentId, { ...current, alternatives, matrix }, new Set(['alternatives', 'matrix']));
    const changes: Changes = {};
    for (const [field, from, to] of [
      ['alternatives.items', current.alternatives, alternatives],
      ['impactMatrix.rows', current.matrix, matrix],
    ] as const) {
      const change = listChange<object>(from, to, 'id');
      if (change) changes[field] = change;
    }
    return changes;
  }

  /** The wellbeing indicator set of the assessment's municipality. */
  async wellbeing(manager: EntityManager, municipalityId: string): Promise<WellbeingSet> {
    const [row]: { wellbeing_framework: WellbeingFramework; wellbeing_indicators: { key: string; name: string }[] }[] = await manager.query(
      `SELECT wellbeing_framework, wellbeing_indicators FROM organizations WHERE id = $1`,
      [municipalityId],
    );
    return wellbeingSet(row?.wellbeing_framework ?? 'none', row?.wellbeing_indicators ?? []);
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

/** Known groups in the list's order, then the groups the official named in the order given. */
function sortGroups(groups: VulnerableGroupNote[]): VulnerableGroupNote[] {
  const rank = (g: VulnerableGroupNote) => {
    const known = (VULNERABLE_GROUPS as readonly string[]).indexOf(g.group);
    return known === -1 ? VULNERABLE_GROUPS.length : known;
  };
  return groups
    .map((g, i) => ({ g, i }))
    .sort((a, b) => rank(a.g) - rank(b.g) || a.i - b.i)
    .map(({ g }) => g);
}

function matrixRow(row: ImpactMatrixRow): ImpactMatrixRow {
  const { id, alternativeId, articles, groups, wellbeing, direction, directness, term, note } = row;
  return { id, alternativeId, articles, groups, wellbeing, direction, directness, term, note };
}

/** SHANARRI's fixed keys (the web translates them), or the organization's own names with keys w1, w2… */
export function wellbeingSet(framework: WellbeingFramework, own: readonly { key: string; name: string }[]): WellbeingSet {
  switch (framework) {
    case 'shanarri':
      return { framework, indicators: SHANARRI_INDICATORS.map((key) => ({ key, name: null })) };
    case 'custom':
      return { framework, indicators: own.map(({ key, name }) => ({ key, name })) };
    default:
      return { framework: 'none', indicators: [] };
  }
}

/** The rows, plus an impact naming each general principle an alternative lacks (the shared rule, ids by randomUUID). */
export function withGeneralPrinciples(alternatives: readonly { id: string }[], rows: readonly ImpactMatrixRow[]): ImpactMatrixRow[] {
  return withGeneralPrincipleRows(alternatives, rows, randomUUID);
}
