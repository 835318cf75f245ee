// Titan Cloud Edge > Administrative Console > Account Settings, section MaintenanceIntegration.
// SPEC §1's crossed names: Client Secret <- API Secret Key, Maintenance Password <- API Token.

import type { AccountPlan, FieldReport } from '../messages';
import { CONTROL_SELECTOR, bestLabelled } from '../dom/labels';
import { chooseOption, isSelectLike, isTextLike, isToggleLike, readBack, setText, setToggle, visibilityOnce, type FieldStatus } from '../dom/fill';
import { findHeadings, findSection, type Section } from '../dom/sections';
import { visibleText } from '../dom/tree';
import { isRendered } from '../dom/visibility';
import { clickSave } from './save';

export const ACCOUNT_SECTION = ['MaintenanceIntegration', 'Maintenance Integration'];
export const INTEGRATION_OPTION = 'Titan Maintenance';

export const ACCOUNT_FIELDS = {
  maintenanceId: 'Maintenance ID',
  maintenanceUser: 'Maintenance User',
  clientSecret: 'Client Secret',
  maintenancePassword: 'Maintenance Password',
} as const;

export const ACCOUNT_TOGGLES = ['Enable Maintenance Integration', 'Allow Maintenance to Update Associated Activities'];

export function findAccountSection(elements: Element[]): Section | null {
  return findSection(elements, ACCOUNT_SECTION);
}

/** Whether the page shows the section at all: enough to name the page, without the fill's visibility rules (capture.js stays small). */
export function hasAccountSection(elements: Element[]): boolean {
  return findHeadings(elements, ACCOUNT_SECTION).some((heading) => isRendered(heading));
}

function integrationDropdown(controls: Element[], used: Set<Element>): Element | null {
  const selects = controls.filter((el) => isSelectLike(el) && !used.has(el));
  const native = selects.find(
    (el) => el.tagName === 'SELECT' && Array.from((el as HTMLSelectElement).options).some((o) => /titan maintenance/i.test(o.text)),
  );
  if (native) return native;
  return (
    bestLabelled(selects, 'Maintenance System') ??
    bestLabelled(selects, 'Integration') ??
    selects.find((el) => el.tagName !== 'SELECT' || /titan maintenance/i.test(visibleText(el))) ??
    null
  );
}

/** Fills the section; a field missing from the page is reported, the rest still go in. */
export async function fillAccountSection(section: Section, plan: AccountPlan): Promise<FieldReport[]> {
  const controls = section.elements.filter((el) => el.matches(CONTROL_SELECTOR) && isRendered(el));
  const visible = visibilityOnce(controls);
  const used = new Set<Element>();
  const reports: FieldReport[] = [];
  const report = (field: string, status: FieldStatus) => reports.push({ field, status });

  const texts = controls.filter((el) => isTextLike(el) && !isSelectLike(el));
  const targets = Object.entries(ACCOUNT_FIELDS).map(([key, label]) => {
    const el = bestLabelled(texts, label, used);
    if (el) used.add(el);
    return { key: key as keyof typeof ACCOUNT_FIELDS, label, el };
  });

  const dropdown = integrationDropdown(controls, used);
  if (dropdown) used.add(dropdown);
  report('Maintenance system dropdown', dropdown ? await chooseOption(dropdown, INTEGRATION_OPTION, visible) : 'not-found');

  for (const label of ACCOUNT_TOGGLES) {
    const toggle = bestLabelled(controls.filter(isToggleLike), label, used);
    if (toggle) used.add(toggle);
    report(label, toggle ? await setToggle(toggle, true, visible) : 'not-found');
  }

  for (const { key, label, el } of targets) {
    report(label, el ? setText(el, plan[key], visible) : 'not-found');
  }

  // Frameworks may re-render after the last event: what they put back is set once more.
  const entry = (label: string) => reports.find((r) => r.field === label)!;
  const shown = targets.filter((t) => t.el && entry(t.label).status !== 'not-visible');
  const after = await readBack(shown.map((t) => ({ el: t.el!, value: plan[t.key] })), visible);
  for (const t of shown) entry(t.label).status = after.get(t.el!) ?? entry(t.label).status;
  if (plan.save) reports.push({ field: 'Save', status: clickSave(section, ['Save', 'Save Changes', 'Apply']) });
  return reports;
}
