/**
 * Resident-facing text about entities: what to say when an ID number or a phone number given
 * in a form cannot be accepted. Polite, specific about what to fix, no jargon.
 */

import type { IdNumberProblem } from './idNumber.js';

/**
 * Guidance for each reason {@link checkIdNumber} refuses a number.
 *
 * ```ts
 * reply(ID_NUMBER_PROBLEM_TEXT[check.reason]);
 * ```
 */
export const ID_NUMBER_PROBLEM_TEXT: Readonly<Record<IdNumberProblem, string>> = {
  format: '身份证号码是18位，最后一位可能是数字或字母X，请核对后重新输入。',
  checksum: '这个身份证号码好像有一位输错了，请对照身份证再核对一遍。',
  birth_date: '身份证号码里的出生日期（第7到14位）不对，请核对后重新输入。',
  region: '身份证号码的前两位不对，请核对后重新输入。',
  legacy_15:
    '您输入的是15位的老身份证号码。现在办理需要18位的新号码，请看一下您的第二代身份证；还没有换领的，可以到户籍所在地派出所办理。',
};

/** Said when a form answer holds no mainland mobile number. */
export const PHONE_INVALID_TEXT = '请输入11位手机号码，比如 138 1234 5678。';

/** Said when a form answer holds no amount of money. */
export const MONEY_INVALID_TEXT = '没看懂金额，请直接写数字，比如 3000 或 一天200。';
