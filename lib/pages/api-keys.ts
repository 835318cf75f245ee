// An admin console's Settings > User Management > API Keys: Name / Desc, Role, Last Login, and the
// API Shared Secret when the page already shows it (Keyferry never presses the button for it).

import type { ApiKeysRead } from '../messages';
import { cellLines, findTable, readRows } from '../dom/tables';
import { readLabelledValue, tokenShaped } from '../dom/values';

type Column = 'name' | 'role' | 'lastLogin';
type Key = ApiKeysRead['keys'][number];

const HEADERS: Record<Column, string[]> = {
  name: ['Name / Desc', 'Name/Desc', 'Name / Description', 'Name', 'Key Name'],
  role: ['Role'],
  lastLogin: ['Last Login', 'Last Used', 'Last login'],
};

function role(text: string | undefined): Key['role'] | null {
  const t = (text ?? '').toUpperCase().replace(/[\s_-]/g, '');
  if (t === 'ADMIN' || t === 'ADMINISTRATOR') return 'ADMIN';
  if (t === 'READONLY') return 'READONLY';
  return null;
}

export function recogniseApiKeys(elements: Element[]): boolean {
  return !!findTable(elements, HEADERS, ['name', 'role', 'lastLogin']);
}

export function readApiKeys(elements: Element[]): ApiKeysRead | null {
  const table = findTable(elements, HEADERS, ['name', 'role', 'lastLogin']);
  if (!table) return null;
  const problems: string[] = [];
  const keys: Key[] = [];
  for (const row of readRows(table)) {
    const cell = row.cellElements.name;
    const [name, ...rest] = cell ? cellLines(cell) : [row.cells.name ?? ''];
    if (!name) continue;
    const keyRole = role(row.cells.role);
    if (!keyRole) {
      problems.push(`The role “${row.cells.role ?? ''}” of key ${name} is neither ADMIN nor READONLY; the key was skipped.`);
      continue;
    }
    keys.push({ name, description: rest.length ? rest.join(' ') : null, role: keyRole, lastLogin: row.cells.lastLogin ?? '' });
  }
  const outside = elements.filter((el) => !table.container.contains(el));
  const shared = readLabelledValue(outside, 'API Shared Secret', tokenShaped) ?? readLabelledValue(outside, 'Shared Secret', tokenShaped);
  if (shared?.masked) problems.push('The API Shared Secret is masked: show it on the page, then capture again to store it.');
  return { kind: 'api-keys', keys, sharedSecret: shared && !shared.masked ? shared.value : null, problems };
}
