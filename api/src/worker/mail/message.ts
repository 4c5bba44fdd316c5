import type { Language, NotificationKind } from '@lava/contracts';

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
}

export type MessageFor = (params: Record<string, string>, assessmentPath: string) => Message;

export type Texts = (p: Record<string, string>) => Omit<Message, 'path'>;

/** A kind whose link is the assessment (with the fragment of the part it is about). */
export function kind(fi: Texts, sv: Texts, en: Texts): Record<Language, MessageFor> {
  const wrap =
    (t: Texts): MessageFor =>
    (p, path) => ({ ...t(p), path });
  return { fi: wrap(fi), sv: wrap(sv), en: wrap(en) };
}

export const v = (p: Record<string, string>, key: string): string => p[key] ?? '';
