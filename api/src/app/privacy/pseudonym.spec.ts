import { pseudonymEmail, pseudonymToken, translatePseudonym, translatePseudonyms } from './pseudonym';

describe('pseudonyms', () => {
  it('is one word that reads in each language', () => {
    const token = pseudonymToken('council-member', 17);
    expect(token).toBe('Former-council-member-17');
    expect(token.split(' ')[0]).toBe(token);
    expect(translatePseudonym(token, 'fi')).toBe('Entinen nuorisovaltuutettu 17');
    expect(translatePseudonym(token, 'sv')).toBe('Tidigare ungdomsfullmäktigeledamot 17');
    expect(translatePseudonym(token, 'en')).toBe('Former council member 17');
    expect(translatePseudonym(pseudonymToken('user', 3), 'fi')).toBe('Entinen käyttäjä 3');
  });

  it('leaves names and look-alikes alone', () => {
    for (const text of ['Anna Virtanen', 'Former-council-member-', 'Former-council-member-017', 'x Former-user-3', 'Former-user-3 ']) {
      expect(translatePseudonym(text, 'fi')).toBeNull();
    }
  });

  it('translates tokens anywhere in an answer and copies only what changed', () => {
    const untouched = { items: [{ author: { displayName: 'Anna' } }], when: new Date(0) };
    expect(translatePseudonyms(untouched, 'fi')).toBe(untouched);
    const body = {
      items: [{ author: { displayName: 'Former-user-4' }, params: { author: 'Former-council-member-9' } }, { n: 1 }],
      names: ['Former-user-4', 'Anna'],
    };
    const translated = translatePseudonyms(body, 'sv');
    expect(translated).toEqual({
      items: [{ author: { displayName: 'Tidigare användare 4' }, params: { author: 'Tidigare ungdomsfullmäktigeledamot 9' } }, { n: 1 }],
      names: ['Tidigare användare 4', 'Anna'],
    });
    expect(body.items[0]?.author?.displayName).toBe('Former-user-4');
    expect(translated.items[1]).toBe(body.items[1]);
  });

  it('gives an undeliverable, unique address', () => {
    expect(pseudonymEmail(17)).toBe('erased-17@erased.invalid');
  });
});
