/**
 * Conventions Word documents for Taiwanese authorities follow, shared by the plan document and
 * the regulator form: 標楷體 (DFKai-SB) for Chinese text with Times New Roman for Latin text,
 * the zh-TW language tag (w:lang) so Word proofs and breaks lines as Traditional Chinese, A4
 * pages (landscape where a table is wide) and "第 X 頁，共 Y 頁" page numbers.
 */
import { AlignmentType, Footer, Header, PageNumber, PageOrientation, Paragraph, TextRun, type ISectionOptions, type IStylesOptions } from 'docx';
import type { Locale } from '../../shared/localizedText';

/** Government forms are typeset in 標楷體; Windows names it DFKai-SB, macOS ships it as BiauKai. */
export const FORM_FONT_EAST_ASIA = '標楷體';
export const FORM_FONT_ALT_NAME = 'DFKai-SB';
export const FORM_FONT_LATIN = 'Times New Roman';

/** A4 in twips (portrait); docx swaps width and height itself for a landscape section. */
const A4 = { width: 11906, height: 16838 } as const;
const MARGIN = { top: 1134, bottom: 1134, left: 1134, right: 1134, header: 567, footer: 567 } as const;

export type PageLayout = 'portrait' | 'landscape';

/** Document-wide defaults: the font pair, 12 pt and the zh-TW language tag (en-US for an English version's Latin text). */
export function taiwanDocumentStyles(locale: Locale): IStylesOptions {
  return {
    default: {
      document: {
        run: {
          font: { ascii: FORM_FONT_LATIN, hAnsi: FORM_FONT_LATIN, cs: FORM_FONT_LATIN, eastAsia: FORM_FONT_EAST_ASIA },
          size: 24,
          language: { value: locale === 'en' ? 'en-US' : 'zh-TW', eastAsia: 'zh-TW' },
        },
      },
    },
  };
}

/**
 * word/fontTable.xml naming 標楷體 with its Windows name and the metrics Word uses to pick a
 * substitute when neither is installed (charset 88 = Big5, fixed-pitch script face), so the
 * fallback is another Traditional Chinese font, not a Simplified or Latin one.
 */
export function taiwanFontTableXml(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:font w:name="${FORM_FONT_EAST_ASIA}"><w:altName w:val="${FORM_FONT_ALT_NAME}"/><w:panose1 w:val="03000509000000000000"/><w:charset w:val="88"/><w:family w:val="script"/><w:pitch w:val="fixed"/></w:font>` +
    `<w:font w:name="${FORM_FONT_ALT_NAME}"><w:altName w:val="${FORM_FONT_EAST_ASIA}"/><w:panose1 w:val="03000509000000000000"/><w:charset w:val="88"/><w:family w:val="script"/><w:pitch w:val="fixed"/></w:font>` +
    `<w:font w:name="${FORM_FONT_LATIN}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
    '</w:fonts>'
  );
}

/** The package part that replaces docx's own font table. */
export const taiwanFontTableOverride = (): { path: string; data: string } => ({ path: 'word/fontTable.xml', data: taiwanFontTableXml() });

/** 第 X 頁，共 Y 頁 (Page X of Y), centred; the numbers are Word fields, so they stay right after edits. */
export function pageNumberFooter(locale: Locale): Footer {
  const children =
    locale === 'en'
      ? [new TextRun('Page '), new TextRun({ children: [PageNumber.CURRENT] }), new TextRun(' of '), new TextRun({ children: [PageNumber.TOTAL_PAGES] })]
      : [new TextRun('第 '), new TextRun({ children: [PageNumber.CURRENT] }), new TextRun(' 頁，共 '), new TextRun({ children: [PageNumber.TOTAL_PAGES] }), new TextRun(' 頁')];
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children })] });
}

/** A running header line, e.g. company and version label. */
export function textHeader(left: string, right: string): Header {
  return new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: [left, right].filter((part) => part.trim()).join('\u3000'), size: 18 })] })] });
}

/** Section page set-up: A4 in the given orientation with the usual 2 cm margins. */
export function pageSetup(layout: PageLayout): NonNullable<ISectionOptions['properties']> {
  return {
    page: {
      size: { width: A4.width, height: A4.height, orientation: layout === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
      margin: MARGIN,
    },
  };
}
