import { describe, expect, it } from 'vitest';
import { matchSite } from '@/lib/pages/matching';

const sites = [
  { name: 'Maple Street 12', identifier: 'MS-0012', address: '12 Maple St', city: 'Springfield' },
  { name: 'Oak – Avenue', identifier: 'OA-1', address: '3 Oak Ave' },
  { name: 'Twin', identifier: 'T-1', address: '1 North Rd' },
  { name: 'twin', identifier: 'T-2', address: '9 South Rd' },
];

describe('matchSite', () => {
  it('matches names that differ by case, spacing, # and dashes', () => {
    expect(matchSite({ name: 'MAPLE  street #12', address: null }, sites)).toMatchObject({ status: 'unique', site: { identifier: 'MS-0012' } });
    expect(matchSite({ name: 'Oak - Avenue', address: null }, sites)).toMatchObject({ status: 'unique', site: { identifier: 'OA-1' } });
  });
  it('uses the address to settle a tie, and offers a choice when it cannot', () => {
    expect(matchSite({ name: 'Twin', address: '9 South Road' }, sites)).toMatchObject({ status: 'unique', site: { identifier: 'T-2' } });
    expect(matchSite({ name: 'Twin', address: null }, sites)).toMatchObject({ status: 'ambiguous' });
  });
  it('falls back to the address, and says none when nothing fits', () => {
    expect(matchSite({ name: 'Unknown', address: '12 Maple Street, Springfield' }, sites)).toMatchObject({ status: 'unique', by: 'address' });
    expect(matchSite({ name: 'Unknown', address: null }, sites)).toEqual({ status: 'none', candidates: [] });
    expect(matchSite({ name: 'Maple Street 12', address: null }, [])).toEqual({ status: 'none', candidates: [] });
  });
});
