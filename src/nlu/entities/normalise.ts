/**
 * Text normalisation shared by every entity extractor. Residents type on phone keyboards that
 * switch to full-width forms (１３８, ＡＢＣ, －) mid-message; the extractors only ever look at
 * half-width ASCII.
 */

const FULL_WIDTH_FIRST = 0xff01; // ！
const FULL_WIDTH_LAST = 0xff5e; // ～
const FULL_WIDTH_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

/**
 * Map full-width ASCII forms (digits, letters, punctuation) and the ideographic space to their
 * half-width counterparts. Every character maps to exactly one character, so offsets into the
 * result are offsets into the input: extractors match on the normalised text and report
 * positions in what the resident wrote.
 *
 * ```ts
 * toHalfWidth('电话１３８－１２３４－５６７８'); // '电话138-1234-5678'
 * ```
 */
export function toHalfWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) {
      out += String.fromCharCode(code - FULL_WIDTH_OFFSET);
    } else if (code === IDEOGRAPHIC_SPACE) {
      out += ' ';
    } else {
      out += text[i];
    }
  }
  return out;
}

/**
 * Normalise a whole answer (a form reply, a CLI argument): half-width forms, then trimmed.
 * Use {@link toHalfWidth} instead when positions must still line up with the original text.
 *
 * ```ts
 * normalise('　１３８１２３４５６７８ '); // '13812345678'
 * ```
 */
export function normalise(text: string): string {
  return toHalfWidth(text).trim();
}
