import type { FieldReport, FillPlan } from '../messages';
import { waitFor } from '../dom/wait';
import { findAccountSection, fillAccountSection } from './edge-account';
import { fillFacility, recogniseFacility } from './edge-facility';
import { pageElements, type PageScope } from './scope';

export type FillOutcome = { ok: true; fields: FieldReport[] } | { ok: false; reason: string };

/** Waits (bounded) for a section that renders late, then fills only inside it. */
export async function fillPage(scope: PageScope, plan: FillPlan, timeoutMs = 5000): Promise<FillOutcome> {
  const collect = () => pageElements(scope);
  if (plan.kind === 'edge-account') {
    const section = await waitFor(scope.document, () => findAccountSection(collect()), timeoutMs);
    if (!section) {
      return { ok: false, reason: 'No visible MaintenanceIntegration section on this page: open Administrative Console > Account Settings.' };
    }
    return { ok: true, fields: await fillAccountSection(section, plan) };
  }
  const ready = await waitFor(scope.document, () => recogniseFacility(collect()), timeoutMs);
  if (!ready) return { ok: false, reason: 'This is not a Facility Profile with a Data Vendor Mapping section.' };
  return { ok: true, fields: await fillFacility(scope.document, collect, plan) };
}
