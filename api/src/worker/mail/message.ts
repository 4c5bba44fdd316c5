import type { Language, NotificationKind, NotificationParams } from '@lava/contracts';

// The shapes every e-mail template shares: what a message says in one language, and the helpers
// the per-family files (messages/*.ts) build their texts with.

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** What a notification says in one language: the subject, one summary sentence, and where it leads. */
export interface Message {
  subject: string;
  summary: string;
  action: string;
  path: string;
}

export interface TemplateInput {
  kind: NotificationKind;
  params: Record<string, string>;
  assessmentId: string | null;
  /** A link made at send time (an invitation's or a reset's secret link), instead of the assessment's. */
  linkPath?: string;
  /** The reader has no account (a body's e-mail-only contact): no link to notification settings they cannot open. */
  withoutAccount?: boolean;
}

/** What a kind's message reads: its values (`NotificationParams` in contracts), formatted for the reader. */
export type MessageFor<P = Record<string, string>> = (params: P, assessmentPath: string) => Message;

export type Texts<P> = (p: P) => Omit<Message, 'path'>;

/** The messages of a family of kinds, each reading only its kind's values (the compiler checks every key). */
export type MessagesOf<K extends NotificationKind> = { [Kind in K]: Record<Language, MessageFor<NotificationParams[Kind]>> };

/** A kind whose link is the assessment (with the fragment of the part it is about). */
export function kind<P>(fi: Texts<P>, sv: Texts<P>, en: Texts<P>): Record<Language, MessageFor<P>> {
  const wrap =
    (t: Texts<P>): MessageFor<P> =>
    (p, path) => ({ ...t(p), path });
  return { fi: wrap(fi), sv: wrap(sv), en: wrap(en) };
}

/** One value of the kind (a missing optional one as ''). */
export const v = <P extends object>(p: P, key: keyof P & string): string => (p[key] as string | undefined) ?? '';
