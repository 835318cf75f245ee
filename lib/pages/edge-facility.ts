// Titan Cloud Edge > Facility Profile > Misc Information > Data Vendor Mapping:
// the Site Identifier goes into "Titan Maintenance Facility", then (only if asked) Update.

import type { FacilityPlan, FacilityRead, FieldReport } from '../messages';
import { CONTROL_SELECTOR, bestLabelled, labelElements } from '../dom/labels';
import { isTextLike, press, readBack, setText } from '../dom/fill';
import { findSection, type Section } from '../dom/sections';
import { normaliseLabel } from '../dom/text';
import { composedParent, visibleText } from '../dom/tree';
import { readLabelledValue } from '../dom/values';
import { isFillable, isRendered } from '../dom/visibility';
import { waitFor } from '../dom/wait';
import { clickSave } from './save';

export const MAPPING_SECTION = ['Data Vendor Mapping'];
export const MAPPING_FIELD = 'Titan Maintenance Facility';
const TAB_NAME = 'Misc Information';

export function recogniseFacility(elements: Element[]): boolean {
  return (
    labelElements(elements, 'Data Vendor Mapping').length > 0 ||
    labelElements(elements, MAPPING_FIELD).length > 0 ||
    (labelElements(elements, 'Facility Profile').length > 0 && labelElements(elements, TAB_NAME).length > 0)
  );
}

const nameShaped = (v: string) => v.length >= 2 && v.length <= 200;
const PAGE_LABELS = /facility profile|facility name|street address|address|status|general|misc information/g;
/** A name, not the page's own labels: an empty summary read past its heading gives "Facility Name Address". */
const facilityNameShaped = (v: string) => nameShaped(v) && normaliseLabel(v).replace(PAGE_LABELS, '').replace(/[^\p{L}\p{N}]+/gu, '') !== '';

export function readFacility(elements: Element[]): FacilityRead {
  const name =
    readLabelledValue(elements, 'Facility Name', facilityNameShaped) ??
    readLabelledValue(elements, 'Facility Profile', facilityNameShaped) ??
    readLabelledValue(elements, 'Facility', facilityNameShaped);
  const address = readLabelledValue(elements, 'Address', facilityNameShaped) ?? readLabelledValue(elements, 'Street Address', facilityNameShaped);
  return {
    kind: 'edge-facility',
    facilityName: name?.value ?? null,
    address: address?.value ?? null,
    problems: name ? [] : ['The facility name could not be read on this page.'],
  };
}

function isNamed(el: Element, words: string[]): boolean {
  const name = normaliseLabel(el.getAttribute('aria-label') ?? el.getAttribute('title') ?? visibleText(el));
  return words.some((w) => name === normaliseLabel(w));
}

function mappingField(elements: Element[]): Element | null {
  const candidates = elements.filter((el) => el.matches(CONTROL_SELECTOR) && isTextLike(el) && isFillable(el));
  return bestLabelled(candidates, MAPPING_FIELD);
}

function editButton(section: Section): Element | null {
  const buttons = section.elements.filter(
    (el) =>
      el.matches('button, [role=button], a') &&
      isRendered(el) &&
      (isNamed(el, ['Edit', 'Edit mapping', 'Edit Data Vendor Mapping', 'Edit Titan Maintenance Facility']) ||
        /^[✎✏✐🖉🖊]$/u.test((el.textContent ?? '').trim())),
  );
  if (buttons.length <= 1) return buttons[0] ?? null;
  // Several vendor rows, each with its own pencil: the one in the Titan Maintenance row.
  return (
    buttons.find((b) => {
      for (let el = composedParent(b), depth = 0; el && depth < 4; el = composedParent(el), depth++) {
        if (/titan maintenance/i.test(visibleText(el))) return !/fuel vendor/i.test(visibleText(el)) || depth < 2;
      }
      return false;
    }) ?? null
  );
}

/**
 * `collect` re-reads the page's deep element list: tabs and the edit dialog change the DOM.
 */
export async function fillFacility(doc: Document, collect: () => Element[], plan: FacilityPlan, timeoutMs = 3000): Promise<FieldReport[]> {
  let section = findSection(collect(), MAPPING_SECTION);
  if (!section) {
    const tab = collect().find((el) => el.matches('[role=tab], button, a') && isNamed(el, [TAB_NAME]) && isRendered(el));
    if (tab) press(tab);
    section = await waitFor(doc, () => findSection(collect(), MAPPING_SECTION), timeoutMs);
  }
  if (!section) return [{ field: 'Data Vendor Mapping section', status: 'not-found' }];
  let field = mappingField(section.elements) ?? mappingField(collect().filter((el) => isInOpenDialog(el)));
  if (!field) {
    const edit = editButton(section);
    if (!edit) return [{ field: 'Edit (pencil) button', status: 'not-found' }];
    press(edit);
    field = await waitFor(doc, () => mappingField(collect()), timeoutMs);
  }
  if (!field) return [{ field: MAPPING_FIELD, status: 'not-found' }];
  let status = setText(field, plan.siteIdentifier);
  if (status !== 'not-visible') status = (await readBack([{ el: field, value: plan.siteIdentifier }])).get(field) ?? status;
  const reports: FieldReport[] = [{ field: MAPPING_FIELD, status }];
  if (plan.save) {
    const scope: Section = { heading: field, elements: [...section.elements, ...collect().filter(isInOpenDialog)] };
    reports.push({ field: 'Update', status: clickSave(scope, ['Update', 'Save']) });
  }
  return reports;
}

function isInOpenDialog(el: Element): boolean {
  for (let p: Element | null = el; p; p = composedParent(p)) {
    if (p.matches('[role=dialog], dialog[open], [aria-modal=true]')) return isRendered(p);
  }
  return false;
}
