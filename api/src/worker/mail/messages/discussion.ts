import { kind, type MessagesOf, v } from '../message';

/** The discussion's e-mails: comments, mentions, and sections changed after a council's comment. */
export const DISCUSSION_MESSAGES = {
  comment_added: kind(
    (p) => ({
      subject: `Uusi kommentti: ${v(p, 'title')}`,
      summary: `${v(p, 'author')} kommentoi kohtaa ”${v(p, 'section')}” asiassa ”${v(p, 'title')}”.`,
      action: 'Lue kommentti',
    }),
    (p) => ({
      subject: `Ny kommentar: ${v(p, 'title')}`,
      summary: `${v(p, 'author')} kommenterade avsnittet ”${v(p, 'section')}” i ”${v(p, 'title')}”.`,
      action: 'Läs kommentaren',
    }),
    (p) => ({
      subject: `New comment: ${v(p, 'title')}`,
      summary: `${v(p, 'author')} commented on “${v(p, 'section')}” in “${v(p, 'title')}”.`,
      action: 'Read the comment',
    }),
  ),
  mentioned: kind(
    (p) => ({
      subject: `${v(p, 'author')} mainitsi sinut: ${v(p, 'title')}`,
      summary: `${v(p, 'author')} mainitsi sinut kommentissa kohdassa ”${v(p, 'section')}” asiassa ”${v(p, 'title')}”.`,
      action: 'Lue kommentti',
    }),
    (p) => ({
      subject: `${v(p, 'author')} nämnde dig: ${v(p, 'title')}`,
      summary: `${v(p, 'author')} nämnde dig i en kommentar i avsnittet ”${v(p, 'section')}” i ”${v(p, 'title')}”.`,
      action: 'Läs kommentaren',
    }),
    (p) => ({
      subject: `${v(p, 'author')} mentioned you: ${v(p, 'title')}`,
      summary: `${v(p, 'author')} mentioned you in a comment on “${v(p, 'section')}” in “${v(p, 'title')}”.`,
      action: 'Read the comment',
    }),
  ),
  section_changed_after_comment: kind(
    (p) => ({
      subject: `Kommentoimaasi kohtaa on muutettu: ${v(p, 'title')}`,
      summary: `Asiassa ”${v(p, 'title')}” on muutettu kohtia, joita kommentoit: ${v(p, 'sections')}. Katso, mikä muuttui.`,
      action: 'Katso muutokset',
    }),
    (p) => ({
      subject: `Ett avsnitt som du kommenterat har ändrats: ${v(p, 'title')}`,
      summary: `I ”${v(p, 'title')}” har avsnitt som du kommenterat ändrats: ${v(p, 'sections')}. Se vad som ändrades.`,
      action: 'Se ändringarna',
    }),
    (p) => ({
      subject: `A part you commented on has changed: ${v(p, 'title')}`,
      summary: `In “${v(p, 'title')}”, parts you commented on have changed: ${v(p, 'sections')}. See what changed.`,
      action: 'See the changes',
    }),
  ),
} satisfies MessagesOf<'comment_added' | 'mentioned' | 'section_changed_after_comment'>;
