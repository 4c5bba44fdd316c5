import type { MyDataExport } from '@lava/contracts';
import { renderMyDataHtml } from './my-data-html';

const data: MyDataExport = {
  exportedAt: '2026-12-04T10:00:00.000Z',
  profile: {
    id: 'u1',
    email: 'aino@kotka.example',
    displayName: 'Aino <script>alert(1)</script>',
    language: 'fi',
    active: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  },
  memberships: [],
  endedMemberships: [],
  comments: [
    {
      id: 'c1',
      assessmentId: 'a1',
      assessmentTitle: 'Koulukyydit',
      section: 'scope',
      audience: 'consultation',
      body: 'Bussi & "pyörä"',
      createdAt: '2026-02-01T00:00:00.000Z',
      editedAt: null,
      hiddenAt: null,
      deletedAt: null,
      revisions: [{ body: 'Ensimmäinen versio', writtenAt: '2026-01-31T00:00:00.000Z', replacedAt: '2026-02-01T00:00:00.000Z' }],
    },
  ],
  statementPoints: [],
  commentFlags: [],
  notifications: [],
  notificationPreferences: [],
  signIns: [],
  passwordResets: [],
  invitations: [],
  activity: [],
  aboutYou: [],
};

describe('the readable copy of a person’s data', () => {
  it('is a page in the person’s language with every text escaped', () => {
    const html = renderMyDataHtml(data, 'sv');
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('<h1>Dina uppgifter i Lava</h1>');
    expect(html).toContain('Aino &#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Bussi &#38; &#34;pyörä&#34;');
    expect(html).toContain('Ensimmäinen versio');
    // Columns are named in the person's language.
    expect(html).toContain('<th scope="row">E-post</th><td>aino@kotka.example</td>');
    expect(html).toContain('<th scope="col">Tidigare versioner</th>');
    // Empty parts say so rather than vanish.
    expect(html.match(/Inga uppgifter\./g)?.length).toBe(11);
  });
});
