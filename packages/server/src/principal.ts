import type { UserRow } from './db/schema.js';

/** What the rest of the server needs to know about a signed-in user or a key's owner. */
export interface Principal {
  id: number;
  username: string;
  role: UserRow['role'];
  group: string;
  status: UserRow['status'];
}

export function principalOf(row: Pick<UserRow, 'id' | 'username' | 'role' | 'group_name' | 'status'>): Principal {
  return { id: row.id, username: row.username, role: row.role, group: row.group_name, status: row.status };
}

export const isAdmin = (p: Principal) => p.role === 'admin' || p.role === 'root';
