import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What poppler-utils (pdftotext, pdfinfo, pdffonts) read from a PDF: the checks of the tests and the bench. */
export interface PdfReading {
  text: string;
  /** Text of each page (1-based index = page number - 1). */
  pages: string[];
  info: Record<string, string>;
  fonts: { name: string; type: string; embedded: boolean }[];
  /** The raw PDF as latin1, for structure checks (/StructTreeRoot, /Lang). */
  raw: string;
}

export function readPdf(pdf: Buffer): PdfReading {
  const dir = mkdtempSync(join(tmpdir(), 'lava-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const info = Object.fromEntries(
      run('pdfinfo', [file])
        .split('\n')
        .map((line) => line.match(/^([^:]+):\s*(.*)$/))
        .filter((m): m is RegExpMatchArray => m !== null)
        .map((m) => [m[1] ?? '', m[2] ?? '']),
    );
    const count = Number(info['Pages'] ?? '0');
    const pages = Array.from({ length: count }, (_, i) =>
      run('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-']),
    );
    const fonts = run('pdffonts', [file])
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const columns = line.trim().split(/\s+/);
        // name type [encoding words…] emb sub uni object ID
        return { name: columns[0] ?? '', type: columns[1] ?? '', embedded: columns[columns.length - 5] === 'yes' };
      });
    return { text: run('pdftotext', [file, '-']), pages, info, fonts, raw: pdf.toString('latin1') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pdftotext breaks lines and may hyphenate nothing but spacing: compare texts with whitespace collapsed. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
