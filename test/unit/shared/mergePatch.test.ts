import { describe, expect, it } from 'vitest';
import { mergePatch } from '../../../domain/shared/mergePatch';

describe('mergePatch (RFC 7396, one level)', () => {
  it('removes a field sent as null, keeps an absent one and replaces the rest', () => {
    const current = { name: '客戶資料', owner: 'sales', retention: '5y' };
    expect(mergePatch(current, { owner: null, retention: '7y', name: undefined })).toEqual({ name: '客戶資料', retention: '7y' });
  });

  it('leaves the current record untouched', () => {
    const current = { owner: 'sales' };
    mergePatch(current, { owner: null });
    expect(current).toEqual({ owner: 'sales' });
  });
});
