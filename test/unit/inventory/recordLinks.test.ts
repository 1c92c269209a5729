import { describe, expect, it } from 'vitest';
import { linkedVendorKey } from '../../../functions/inventory/inventoryEntities';
import { vendorKeys } from '../../../functions/vendors/vendorEntities';

describe('links between the inventory and the vendor register', () => {
  it('the inventory reads a vendor by the key the vendors area declares (copied to keep areas one-way)', () => {
    for (const id of ['vnd_01HZX', 'V-CLOUD-01', 'x']) expect(linkedVendorKey(id)).toEqual(vendorKeys.vendor(id));
  });
});
