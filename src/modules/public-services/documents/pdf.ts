import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { vnLongDate } from './format.js';

// DejaVu covers every Vietnamese letter with its tone marks; the 14 standard PDF fonts do not.
const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/**
 * The fonts parsed once per process. Given the bytes, pdfkit has fontkit parse the 700 kB TTF again for
 * every document and decode its tables (cmap, hmtx, GSUB/GPOS…) on the first layout: most of a
 * receipt's cost. pdfkit (since 0.20) also takes an already parsed fontkit Font. One Font shared by
 * every document is not enough: fontkit keeps each glyph object from its first use, with the code
 * points it was first reached by, and pdfkit writes those into the PDF's ToUnicode map; a glyph first
 * met as a part of an accented letter while subsetting has none, so later documents' text could not
 * be read back (or copied). So each document gets a view of the parsed font: the decoded tables
 * shared, the glyph cache and the layout engine its own, exactly as a freshly parsed font. This leans
 * on fontkit's `_glyphs` field; if a fontkit upgrade drops it, documents fall back to the bytes.
 * fontkit is pdfkit's own dependency (not ours), resolved from pdfkit's folder.
 */
interface ParsedFont {
  layout(text: string): unknown;
  _glyphs?: Record<number, unknown>;
}
type FontFile = { bytes: Buffer; parsed: ParsedFont };
let fonts: { regular: FontFile; bold: FontFile; italic: FontFile } | undefined;
function loadFonts() {
  if (fonts) return fonts;
  const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(data: Uint8Array): ParsedFont };
  const load = (file: string) => {
    const bytes = readFileSync(path.join(FONT_DIR, file));
    return { bytes, parsed: fontkit.create(bytes) };
  };
  fonts = { regular: load('DejaVuSans.ttf'), bold: load('DejaVuSans-Bold.ttf'), italic: load('DejaVuSans-Oblique.ttf') };
  return fonts;
}

/** One document's font: the shared tables with a glyph cache of its own (see above). */
function documentFont(font: FontFile): PDFKit.Mixins.PDFFontSource {
  if (!font.parsed._glyphs) return font.bytes;
  const view = Object.create(font.parsed) as ParsedFont;
  view._glyphs = {};
  // pdfkit's typings list only paths and bytes; a parsed fontkit Font is accepted too.
  return view as unknown as PDFKit.Mixins.PDFFontSource;
}

export interface PdfMeta {
  title: string;
  /** Machine-readable key facts (code, dates, agency) so any reader can check them without parsing pages. */
  subject: string;
  keywords: string[];
  author: string;
  createdAt: Date;
}

export interface TableColumn {
  header: string;
  width: number;
}

const MARGIN = { top: 45, bottom: 50, left: 62, right: 48 };

/** A one-stop form on A4: the national header, a title, paragraphs, tables and a QR code. */
export class FormPdf {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<void>;

  constructor(meta: PdfMeta) {
    // Uncompressed streams keep the text (as glyph ids plus the font's ToUnicode map) checkable in tests;
    // these forms are one or two pages, so the size does not matter.
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGIN,
      compress: false,
      lang: 'vi-VN',
      info: { Title: meta.title, Subject: meta.subject, Keywords: meta.keywords.join('; '), Author: meta.author, Creator: 'Tỉnh Số', CreationDate: meta.createdAt },
    });
    const f = loadFonts();
    this.doc.registerFont('regular', documentFont(f.regular));
    this.doc.registerFont('bold', documentFont(f.bold));
    this.doc.registerFont('italic', documentFont(f.italic));
    this.doc.font('regular').fontSize(11);
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', resolve);
      this.doc.on('error', reject);
    });
  }

  get width(): number {
    return this.doc.page.width - MARGIN.left - MARGIN.right;
  }

  /** The form's number and the circular it follows, small in the top right corner. */
  formLabel(lines: string[]): this {
    const { doc } = this;
    doc.font('italic').fontSize(8);
    for (const line of lines) doc.text(line, MARGIN.left, doc.y, { width: this.width, align: 'right' });
    doc.moveDown(0.5);
    return this;
  }

  /** Agency and number on the left; "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and the date on the right. */
  nationalHeader(agencyName: string, number: string | null, issuedAt: Date): this {
    const { doc } = this;
    const top = doc.y;
    const leftWidth = this.width * 0.42;
    const rightX = MARGIN.left + leftWidth + 8;
    const rightWidth = this.width - leftWidth - 8;
    doc.font('bold').fontSize(9.5).text(agencyName.toUpperCase(), MARGIN.left, top, { width: leftWidth, align: 'center' });
    doc.font('regular').fontSize(9.5).text(`Số: ${number ?? '……'}`, MARGIN.left, doc.y + 4, { width: leftWidth, align: 'center' });
    const leftBottom = doc.y;
    doc.font('bold').fontSize(9.5).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, top, { width: rightWidth, align: 'center' });
    doc.font('bold').fontSize(10).text('Độc lập - Tự do - Hạnh phúc', rightX, doc.y, { width: rightWidth, align: 'center', underline: true });
    doc.font('italic').fontSize(9.5).text(vnLongDate(issuedAt), rightX, doc.y + 6, { width: rightWidth, align: 'center' });
    doc.x = MARGIN.left;
    doc.y = Math.max(leftBottom, doc.y) + 18;
    return this;
  }

  title(text: string, subtitle?: string): this {
    this.doc.font('bold').fontSize(13).text(text.toUpperCase(), MARGIN.left, this.doc.y, { width: this.width, align: 'center' });
    if (subtitle) this.doc.font('italic').fontSize(10).text(subtitle, { width: this.width, align: 'center' });
    this.doc.moveDown(0.8);
    return this;
  }

  paragraph(text: string, options: { bold?: boolean; italic?: boolean; size?: number } = {}): this {
    const font = options.bold ? 'bold' : options.italic ? 'italic' : 'regular';
    this.doc.font(font).fontSize(options.size ?? 11).text(text, MARGIN.left, this.doc.y, { width: this.width, align: 'justify' });
    this.doc.moveDown(0.3);
    return this;
  }

  /** "Label: value" on one line (the label bold). */
  field(label: string, value: string): this {
    this.doc.font('bold').fontSize(11).text(`${label}: `, MARGIN.left, this.doc.y, { width: this.width, continued: true });
    this.doc.font('regular').text(value || '—');
    this.doc.moveDown(0.2);
    return this;
  }

  numbered(items: string[]): this {
    items.forEach((item, i) => this.paragraph(`${i + 1}. ${item}`));
    return this;
  }

  /** A plain ruled table; rows move to a new page (with the header again) when they do not fit. */
  table(columns: TableColumn[], rows: string[][], size = 9): this {
    const { doc } = this;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const drawRow = (cells: string[], bold: boolean) => {
      doc.font(bold ? 'bold' : 'regular').fontSize(size);
      const heights = cells.map((cell, i) => doc.heightOfString(cell || '—', { width: widths[i]! - 8 }));
      const height = Math.max(...heights) + 8;
      if (doc.y + height > doc.page.height - MARGIN.bottom) {
        doc.addPage();
        if (!bold) drawRow(columns.map((c) => c.header), true);
        doc.font(bold ? 'bold' : 'regular').fontSize(size);
      }
      const y = doc.y;
      let x = MARGIN.left;
      cells.forEach((cell, i) => {
        doc.rect(x, y, widths[i]!, height).lineWidth(0.5).stroke();
        doc.text(cell || '—', x + 4, y + 4, { width: widths[i]! - 8 });
        x += widths[i]!;
      });
      doc.x = MARGIN.left;
      doc.y = y + height;
    };
    drawRow(columns.map((c) => c.header), true);
    for (const row of rows) drawRow(row, false);
    doc.moveDown(0.8);
    return this;
  }

  /** A QR code drawn as vector squares (sharp at any print size), with a caption under it. */
  qr(content: string, caption: string, size = 92): this {
    const { doc } = this;
    if (doc.y + size + 30 > doc.page.height - MARGIN.bottom) doc.addPage();
    const matrix = QRCode.create(content, { errorCorrectionLevel: 'M' }).modules;
    const cell = size / (matrix.size + 8);
    const x0 = MARGIN.left + 4 * cell;
    const y0 = doc.y + 4 * cell;
    for (let r = 0; r < matrix.size; r++) {
      for (let c = 0; c < matrix.size; c++) if (matrix.get(r, c)) doc.rect(x0 + c * cell, y0 + r * cell, cell, cell);
    }
    doc.fill('black');
    doc.font('italic').fontSize(8).text(caption, MARGIN.left + size + 6, doc.y + size / 3, { width: this.width - size - 6 });
    doc.x = MARGIN.left;
    doc.y = y0 - 4 * cell + size + 6;
    return this;
  }

  /** The signing block on the right: role, then the signer's name. */
  signature(role: string, name: string | null): this {
    const { doc } = this;
    if (doc.y + 90 > doc.page.height - MARGIN.bottom) doc.addPage();
    const x = MARGIN.left + this.width / 2;
    const w = this.width / 2;
    doc.moveDown(1);
    doc.font('bold').fontSize(11).text(role.toUpperCase(), x, doc.y, { width: w, align: 'center' });
    doc.font('italic').fontSize(9).text('(Ký, ghi rõ họ tên)', x, doc.y, { width: w, align: 'center' });
    doc.moveDown(3);
    if (name) doc.font('bold').fontSize(11).text(name, x, doc.y, { width: w, align: 'center' });
    doc.x = MARGIN.left;
    return this;
  }

  async finish(): Promise<Buffer> {
    this.doc.end();
    await this.done;
    return Buffer.concat(this.chunks);
  }
}
