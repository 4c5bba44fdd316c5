import { Injectable } from '@nestjs/common';
import type { Language, SurveyView } from '@lava/contracts';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { LavaConfig } from '../config/lava-config';
import { agendaFontFiles } from '../../worker/pdf/agenda-pdf';

const POSTER_TEXTS: Record<Language, { lang: string; scan: string; orOpen: string; anonymous: string; open: string; classCode: string }> = {
  fi: {
    lang: 'fi-FI',
    scan: 'Skannaa koodi puhelimella tai tabletilla',
    orOpen: 'tai avaa osoite',
    anonymous: 'Vastaat nimettömänä: nimeäsi tai muita tietojasi ei kysytä eikä tallenneta. Vastaaminen vie alle kaksi minuuttia.',
    open: 'Kysely on auki {from}–{to}.',
    classCode: 'Opettajasi antaa luokan koodin.',
  },
  sv: {
    lang: 'sv-FI',
    scan: 'Skanna koden med telefonen eller surfplattan',
    orOpen: 'eller öppna adressen',
    anonymous:
      'Du svarar anonymt: ditt namn eller andra uppgifter om dig frågas inte och sparas inte. Det tar under två minuter att svara.',
    open: 'Enkäten är öppen {from}–{to}.',
    classCode: 'Din lärare ger dig klassens kod.',
  },
  en: {
    lang: 'en-GB',
    scan: 'Scan the code with a phone or tablet',
    orOpen: 'or open',
    anonymous: 'You answer anonymously: nobody asks or stores your name or anything about you. It takes under two minutes.',
    open: 'The survey is open {from}–{to}.',
    classCode: 'Your teacher gives you the class code.',
  },
};

const day = (iso: string) => {
  const d = new Date(iso);
  const parts = new Intl.DateTimeFormat('fi-FI', { timeZone: 'Europe/Helsinki', day: 'numeric', month: 'numeric', year: 'numeric' }).format(
    d,
  );
  return parts;
};

/** The survey's link in the child's language. */
export function surveyLink(webOrigin: string, surveyId: string, language: Language): string {
  return `${webOrigin.replace(/\/$/, '')}/survey/${surveyId}?lang=${language}`;
}

/** An A4 poster for classrooms: the title, the intro, a large QR code drawn as vectors, the link, the dates. */
@Injectable()
export class SurveyPoster {
  constructor(private readonly config: LavaConfig) {}

  render(survey: SurveyView, requested: Language): Promise<Buffer> {
    const language = survey.languages.includes(requested) ? requested : (survey.languages[0] ?? 'fi');
    const t = POSTER_TEXTS[language];
    const link = surveyLink(this.config.WEB_ORIGIN, survey.id, language);
    const fonts = agendaFontFiles();
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: 56, bottom: 56, left: 56, right: 56 },
      pdfVersion: '1.7',
      tagged: true,
      lang: t.lang,
      displayTitle: true,
      info: { Title: survey.title[language], Creator: 'Lava', Producer: 'Lava' },
    });
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    doc.registerFont('body', fonts.regular);
    doc.registerFont('bold', fonts.bold);
    const root = doc.struct('Document');
    doc.addStructure(root);
    const width = doc.page.width - 112;
    const text = (tag: 'H1' | 'P', value: string, font: 'body' | 'bold', size: number, gap = 12) => {
      root.add(
        doc.struct(tag, {}, () => {
          doc.font(font).fontSize(size).text(value, { width, align: 'center' });
        }),
      );
      doc.moveDown(gap / size);
    };
    text('H1', survey.title[language], 'bold', 32, 18);
    if (survey.intro[language]) text('P', survey.intro[language], 'body', 16, 18);

    // The QR code: dark modules as squares, with a quiet zone; an image of the link for the reader.
    const qr = QRCode.create(link, { errorCorrectionLevel: 'M' });
    const modules = qr.modules.size;
    const side = 300;
    const cell = side / (modules + 8);
    const x0 = (doc.page.width - side) / 2;
    const y0 = doc.y;
    root.add(
      doc.struct('Figure', { alt: `${t.scan}: ${link}` }, () => {
        doc.rect(x0, y0, side, side).fill('#ffffff');
        for (let row = 0; row < modules; row++)
          for (let col = 0; col < modules; col++)
            if (qr.modules.get(row, col)) doc.rect(x0 + (col + 4) * cell, y0 + (row + 4) * cell, cell, cell).fill('#000000');
      }),
    );
    doc.fillColor('#000000');
    doc.y = y0 + side + 12;
    doc.x = 56;
    text('P', t.scan, 'bold', 18, 6);
    text('P', `${t.orOpen} ${link}`, 'body', 12, 14);
    text('P', t.open.replace('{from}', day(survey.opensAt)).replace('{to}', day(survey.closesAt)), 'body', 14, 10);
    if (survey.classCodes.length > 0) text('P', t.classCode, 'body', 14, 10);
    text('P', t.anonymous, 'body', 12, 10);
    doc.end();
    return done;
  }
}
