import { openDecisions, type RegisterRow } from './open-decisions';

const row: RegisterRow = {
  assessment_id: 'a1',
  kind: 'assessment',
  title: 'Kouluverkkoselvitys 2027–2030',
  case_number: 'KTK/118/2026',
  municipality_id: 'm1',
  municipality_name: 'Kotka',
  committee_id: 'c1',
  committee_name: 'Sivistyslautakunta',
  outcome: 'approved_as_modified',
  decided_on: '2026-11-30',
  published_at: new Date('2026-12-01T10:00:00Z'),
  summary: 'Koulut muuttuvat.',
  minutes_section: '§ 118',
};

describe('the register in the 6Aika open decisions API’s words (Popolo)', () => {
  it('makes a decided assessment a case with its committee’s action at a meeting, and the organizations around it', () => {
    expect(openDecisions(row)).toEqual({
      case: {
        id: 'a1',
        register_id: 'KTK/118/2026',
        title: 'Kouluverkkoselvitys 2027–2030',
        summary: 'Koulut muuttuvat.',
        category: 'child_impact_assessment',
        public: true,
      },
      action: {
        id: 'a1#decision',
        title: 'Kouluverkkoselvitys 2027–2030',
        case: 'a1',
        resolution: 'approved_as_modified',
        article_number: '§ 118',
        responsible_party: 'c1',
        event: { start_date: '2026-11-30', organization_id: 'c1', classification: 'meeting' },
        date: '2026-11-30',
      },
      organizations: [
        { id: 'c1', name: 'Sivistyslautakunta', classification: 'committee', parent_id: 'm1' },
        { id: 'm1', name: 'Kotka', classification: 'municipality', parent_id: null },
      ],
    });
  });

  it('makes a signed screening result an action without a meeting or §', () => {
    const screening = openDecisions({ ...row, kind: 'screening', outcome: null, minutes_section: null, case_number: null });
    expect(screening.case).toMatchObject({ category: 'child_impact_screening', register_id: null });
    expect(screening.action).toMatchObject({ id: 'a1#screening', resolution: 'screened_out', article_number: null, event: null });
  });
});
