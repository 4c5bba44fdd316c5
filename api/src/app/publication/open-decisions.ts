import type { DecisionOutcome, OpenDecisionsEntry, PublicationKind } from '@lava/contracts';

/** One row of the register as the list query reads it. */
export interface RegisterRow {
  assessment_id: string;
  kind: PublicationKind;
  title: string;
  case_number: string | null;
  municipality_id: string;
  municipality_name: string;
  committee_id: string;
  committee_name: string;
  outcome: DecisionOutcome | null;
  decided_on: string;
  published_at: Date;
  summary: string;
  minutes_section: string | null;
}

/** The entry as the 6Aika open decisions API (Popolo) would name it; see `OpenDecisionsEntry`. */
export function openDecisions(r: RegisterRow): OpenDecisionsEntry {
  const screening = r.kind === 'screening';
  return {
    case: {
      id: r.assessment_id,
      register_id: r.case_number,
      title: r.title,
      summary: r.summary,
      category: screening ? 'child_impact_screening' : 'child_impact_assessment',
      public: true,
    },
    action: {
      id: `${r.assessment_id}#${screening ? 'screening' : 'decision'}`,
      title: r.title,
      case: r.assessment_id,
      resolution: screening ? 'screened_out' : (r.outcome ?? 'approved'),
      article_number: screening ? null : r.minutes_section,
      responsible_party: r.committee_id,
      event: screening ? null : { start_date: r.decided_on, organization_id: r.committee_id, classification: 'meeting' },
      date: r.decided_on,
    },
    organizations: [
      { id: r.committee_id, name: r.committee_name, classification: 'committee', parent_id: r.municipality_id },
      { id: r.municipality_id, name: r.municipality_name, classification: 'municipality', parent_id: null },
    ],
  };
}
