import { MessageTranslator } from './message-translation';

describe('MessageTranslator', () => {
  const translator = new MessageTranslator(
    [
      { en: 'Not found.', fi: 'Ei löytynyt.', sv: 'Hittades inte.' },
      { en: 'must be at most {max} characters long', fi: 'saa olla enintään {max} merkkiä pitkä', sv: 'får vara högst {max} tecken lång' },
      { en: 'must be {what}', fi: 'pitää olla {what}', sv: 'måste vara {what}' },
      {
        en: 'This is in the {stage} stage; it must be in {expected}.',
        fi: 'Vaihe on {stage}; pitää olla {expected}.',
        sv: 'Skedet är {stage}; ska vara {expected}.',
      },
    ],
    [{ en: 'review', fi: 'tarkastus', sv: 'granskning' }],
  );

  it('answers English as it is', () => {
    expect(translator.translate('Not found.', 'en')).toBe('Not found.');
  });

  it('translates a whole message', () => {
    expect(translator.translate('Not found.', 'fi')).toBe('Ei löytynyt.');
    expect(translator.translate('Not found.', 'sv')).toBe('Hittades inte.');
  });

  it('fills a template with the values of the English message, preferring the most specific template', () => {
    expect(translator.translate('must be at most 300 characters long', 'fi')).toBe('saa olla enintään 300 merkkiä pitkä');
    expect(translator.translate('must be true', 'sv')).toBe('måste vara true');
  });

  it('translates values that are words of the vocabulary, and keeps the others', () => {
    expect(translator.translate('This is in the review stage; it must be in draft.', 'fi')).toBe('Vaihe on tarkastus; pitää olla draft.');
  });

  it('leaves an unknown message in English', () => {
    expect(translator.translate('Something new.', 'fi')).toBe('Something new.');
    expect(translator.knows('Something new.')).toBe(false);
    expect(translator.knows('must be at most 5 characters long')).toBe(true);
  });
});
