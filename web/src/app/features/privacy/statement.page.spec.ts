import { LANGS, loadTranslation } from '../../../testing/translations';
import { statementParts } from './statement.page';

type Tree = { [key: string]: string | Tree };

describe('statement pages', () => {
  it('turn a translation subtree into headings, paragraphs and lists, in file order', () => {
    expect(
      statementParts({
        status: { heading: 'Status', p1: 'Partly.', items: { a: 'One', b: 'Two' }, p2: 'Checked.' },
        ignored: 'a stray string',
      }),
    ).toEqual([
      {
        id: 'status',
        heading: 'Status',
        blocks: [
          { kind: 'p', text: 'Partly.' },
          { kind: 'ul', items: ['One', 'Two'] },
          { kind: 'p', text: 'Checked.' },
        ],
      },
    ]);
    expect(statementParts(undefined)).toEqual([]);
  });

  it.each(LANGS)(
    '%s: the accessibility statement names the law, the feedback channel and Traficom; the notice gives retention and rights',
    (lang) => {
      const t = loadTranslation(lang) as Tree;
      const accessibility = statementParts((t['accessibility'] as Tree)['sections']);
      expect(accessibility.map((s) => s.id)).toEqual(['status', 'gaps', 'feedback', 'enforcement']);
      expect(JSON.stringify(accessibility)).toContain('Traficom');
      expect(JSON.stringify(accessibility)).toContain('WCAG 2.1');
      expect(JSON.stringify(t['accessibility'])).toContain('306/2019');
      const notice = statementParts((t['privacyNotice'] as Tree)['sections']);
      expect(notice.map((s) => s.id)).toEqual(
        expect.arrayContaining(['controller', 'legalBasis', 'data', 'recipients', 'retention', 'rights']),
      );
      expect(JSON.stringify(notice)).toContain('12');
    },
  );
});
