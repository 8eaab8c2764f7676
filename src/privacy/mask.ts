/**
 * Masking of personal data in text shown to people or written to logs: mobile numbers become
 * 138****5678, resident ID numbers 3308**********1234.
 */
import { findIdNumbers, maskIdNumber } from '../nlu/entities/idNumber.js';
import { findPhones, maskPhone } from '../nlu/entities/phone.js';

export { maskIdNumber, maskPhone };

// 18-character ID numbers (last may be X) and 15-digit legacy ones, not inside longer digit runs.
const ID_IN_TEXT = /(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
const PHONE_IN_TEXT = /(?<!\d)(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/g;

/**
 * Mask every ID number and mobile number in a free text.
 *
 * ```ts
 * maskText('电话13812345678，身份证330802199001011234');
 * // '电话138****5678，身份证3308**********1234'
 * ```
 */
export function maskText(text: string): string {
  return text
    .replace(ID_IN_TEXT, (id) => maskIdNumber(id))
    .replace(PHONE_IN_TEXT, (p) => maskPhone(p.replace(/\D/g, '').slice(-11)));
}

/**
 * Mask ID numbers and phones in a free text, however they were typed (spaces, full-width
 * digits): every character of a found span but the first and last four becomes `*`.
 *
 * ```ts
 * maskPersonalData('身份证 330802 19900101 1234'); // '身份证 3308***************1234'
 * ```
 */
export function maskPersonalData(text: string): string {
  // Offsets from the finders are UTF-16; rebuild through a UTF-16 array to stay aligned.
  const units = text.split('');
  for (const m of [...findIdNumbers(text), ...findPhones(text)]) {
    for (let i = m.start + 4; i < m.end - 4; i++) units[i] = '*';
  }
  return maskText(units.join(''));
}
