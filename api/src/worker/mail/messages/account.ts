import type { Language, NotificationParams } from '@lava/contracts';
import { type MessageFor, v } from '../message';

/** An invitation: a new person sets a password (`mode` invite), or an existing one hears they got roles (`mode` access). */
const invitation = (
  texts: Record<'invite' | 'access', { subject: string; summary: (inviter: string, orgs: string, days: string) => string; action: string }>,
  language: Language,
): MessageFor<NotificationParams['invitation']> => {
  return (p, path) => {
    const t = p.mode === 'access' ? texts.access : texts.invite;
    return {
      subject: t.subject,
      summary: t.summary(v(p, 'inviter'), v(p, `organizations_${language}`), v(p, 'validDays')),
      action: t.action,
      path: p.mode === 'access' ? '/assessments' : path,
    };
  };
};

export const INVITATION_MESSAGES: Record<Language, MessageFor<NotificationParams['invitation']>> = {
  fi: invitation(
    {
      invite: {
        subject: 'Kutsu Lavaan',
        summary: (who, orgs, days) =>
          `${who} kutsui sinut Lavaan: ${orgs}. Lavassa arvioidaan, miten päätökset vaikuttavat lapsiin ja nuoriin. Valitse itsellesi salasana. Linkki toimii ${days} päivää.`,
        action: 'Valitse salasana',
      },
      access: {
        subject: 'Sait käyttöoikeuden Lavassa',
        summary: (who, orgs) => `${who} antoi sinulle käyttöoikeuden Lavassa: ${orgs}. Kirjaudu sisään omalla salasanallasi.`,
        action: 'Avaa Lava',
      },
    },
    'fi',
  ),
  sv: invitation(
    {
      invite: {
        subject: 'Inbjudan till Lava',
        summary: (who, orgs, days) =>
          `${who} bjöd in dig till Lava: ${orgs}. I Lava bedömer man hur beslut påverkar barn och unga. Välj ett lösenord. Länken fungerar i ${days} dagar.`,
        action: 'Välj lösenord',
      },
      access: {
        subject: 'Du har fått åtkomst i Lava',
        summary: (who, orgs) => `${who} gav dig åtkomst i Lava: ${orgs}. Logga in med ditt eget lösenord.`,
        action: 'Öppna Lava',
      },
    },
    'sv',
  ),
  en: invitation(
    {
      invite: {
        subject: 'Invitation to Lava',
        summary: (who, orgs, days) =>
          `${who} invited you to Lava: ${orgs}. In Lava, people check how decisions affect children and young people. Choose a password. The link works for ${days} days.`,
        action: 'Choose a password',
      },
      access: {
        subject: 'You now have access in Lava',
        summary: (who, orgs) => `${who} gave you access in Lava: ${orgs}. Sign in with your own password.`,
        action: 'Open Lava',
      },
    },
    'en',
  ),
};

export const PASSWORD_RESET_MESSAGES: Record<Language, MessageFor<NotificationParams['password_reset']>> = {
  fi: (p, path) => ({
    subject: 'Vaihda Lavan salasana',
    summary: `Joku pyysi uutta salasanaa Lava-tunnuksellesi. Jos se olit sinä, vaihda salasana linkistä. Linkki toimii ${v(p, 'validMinutes')} minuuttia. Jos et pyytänyt tätä, voit jättää viestin huomiotta.`,
    action: 'Vaihda salasana',
    path,
  }),
  sv: (p, path) => ({
    subject: 'Byt lösenord i Lava',
    summary: `Någon bad om ett nytt lösenord för ditt Lava-konto. Om det var du, byt lösenord via länken. Länken fungerar i ${v(p, 'validMinutes')} minuter. Om det inte var du kan du strunta i det här meddelandet.`,
    action: 'Byt lösenord',
    path,
  }),
  en: (p, path) => ({
    subject: 'Reset your Lava password',
    summary: `Someone asked for a new password for your Lava account. If it was you, choose a new password with the link. The link works for ${v(p, 'validMinutes')} minutes. If it was not you, you can ignore this message.`,
    action: 'Choose a new password',
    path,
  }),
};
