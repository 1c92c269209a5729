import { describe, expect, it } from 'vitest';
import {
  maskChineseName,
  maskEmail,
  maskLatinName,
  maskPersonName,
  maskPhone,
  maskTaiwanIdNumber,
  normalizeEmailForHashing,
  normalizePhoneForHashing,
} from '../../../domain/privacy/masking';

describe('maskChineseName', () => {
  it('keeps the first and last character', () => {
    expect(maskChineseName('王小明')).toBe('王*明');
    expect(maskChineseName('王明')).toBe('王*');
    expect(maskChineseName('歐陽小明')).toBe('歐**明');
    expect(maskChineseName('司馬相如瑞')).toBe('司***瑞');
    expect(maskChineseName('王')).toBe('*');
    expect(maskChineseName('')).toBe('');
    expect(maskChineseName(' 王 小 明 ')).toBe('王*明');
  });
  it('keeps characters outside the BMP whole', () => {
    expect(maskChineseName('𠀋小明')).toBe('𠀋*明');
    expect(maskChineseName('王𠀋')).toBe('王*');
  });
});

describe('maskLatinName', () => {
  it('keeps initials and hides lengths', () => {
    expect(maskLatinName('John Smith')).toBe('J*** S***');
    expect(maskLatinName('  Mary-Jane   Watson ')).toBe('M***-J*** W***');
    expect(maskLatinName('Al')).toBe('A***');
    expect(maskLatinName('')).toBe('');
  });
  it('is chosen for names without Han characters', () => {
    expect(maskPersonName('Chen Wei')).toBe('C*** W***');
    expect(maskPersonName('陳偉')).toBe('陳*');
    expect(maskPersonName('陳 Wei')).toBe('陳**i');
  });
});

describe('maskTaiwanIdNumber', () => {
  it('keeps the first three and last three characters', () => {
    expect(maskTaiwanIdNumber('A123456789')).toBe('A12****789');
    expect(maskTaiwanIdNumber(' a123456789 ')).toBe('A12****789');
    expect(maskTaiwanIdNumber('A800000014')).toBe('A80****014');
    expect(maskTaiwanIdNumber('AB12345678')).toBe('AB1****678');
    expect(maskTaiwanIdNumber('Ａ１２３４５６７８９')).toBe('A12****789');
  });
  it('masks everything when the shape is unexpected', () => {
    expect(maskTaiwanIdNumber('A12345')).toBe('******');
    expect(maskTaiwanIdNumber('1234567890')).toBe('**********');
    expect(maskTaiwanIdNumber('')).toBe('*');
  });
});

describe('maskEmail', () => {
  it('keeps the first character and the domain', () => {
    expect(maskEmail('john@example.com')).toBe('j***@example.com');
    expect(maskEmail('alexander.hamilton@Example.COM')).toBe('a***@example.com');
    expect(maskEmail('a@example.com')).toBe('*@example.com');
    expect(maskEmail('john＠example.com')).toBe('j***@example.com');
  });
  it('masks everything when it is not an address', () => {
    expect(maskEmail('not an email')).toBe('***');
    expect(maskEmail('@example.com')).toBe('***');
    expect(maskEmail('john@')).toBe('***');
  });
});

describe('maskPhone', () => {
  it('keeps the first four and last three digits', () => {
    expect(maskPhone('0912345678')).toBe('0912***678');
    expect(maskPhone('0912-345-678')).toBe('0912***678');
    expect(maskPhone('+886 912 345 678')).toBe('0912***678');
    expect(maskPhone('02-2345-6789')).toBe('0223***789');
    expect(maskPhone('04-2345678')).toBe('0423**678');
  });
  it('keeps only two digits of short numbers, and keeps foreign numbers international', () => {
    expect(maskPhone('1234567')).toBe('*****67');
    expect(maskPhone('12')).toBe('**');
    expect(maskPhone('+1 415 555 0100')).toBe('+1415****100');
    expect(maskPhone('call me')).toBe('***');
  });
});

describe('normalisers for keyed hashing', () => {
  it('normalises e-mail addresses', () => {
    expect(normalizeEmailForHashing('  John.Doe@Example.COM ')).toBe('john.doe@example.com');
    expect(normalizeEmailForHashing('mary-jane@example.com')).toBe('mary-jane@example.com');
    expect(normalizeEmailForHashing('ＪＯＨＮ＠ＥＸＡＭＰＬＥ．ＣＯＭ')).toBe('john@example.com');
    expect(normalizeEmailForHashing('john @ example.com')).toBe('john@example.com');
    expect(normalizeEmailForHashing('john')).toBeUndefined();
    expect(normalizeEmailForHashing('a@b@c.com')).toBeUndefined();
  });
  it('normalises Taiwan phone numbers to the national form', () => {
    const forms = ['0912345678', '0912-345-678', '0912 345 678', '+886912345678', '+886 912-345-678', '+886 (0)912 345 678', '00886912345678', '886912345678', '(09)12345678', '０９１２３４５６７８', '+8860912345678'];
    for (const form of forms) expect(normalizePhoneForHashing(form), form).toBe('0912345678');
    expect(normalizePhoneForHashing('(02) 2345-6789')).toBe('0223456789');
    expect(normalizePhoneForHashing('+886 2 2345 6789')).toBe('0223456789');
  });
  it('keeps foreign numbers international and rejects non-numbers', () => {
    expect(normalizePhoneForHashing('+1 (415) 555-0100')).toBe('+14155550100');
    expect(normalizePhoneForHashing('001 415 555 0100')).toBe('+14155550100');
    expect(normalizePhoneForHashing('call me')).toBeUndefined();
    expect(normalizePhoneForHashing('0912+345678')).toBeUndefined();
    expect(normalizePhoneForHashing('12345')).toBeUndefined();
    expect(normalizePhoneForHashing('')).toBeUndefined();
  });
});
