// A name written in notes ("Alice", "alice", "@alice.smith", "Alice Smith") becomes a
// suggestion's assignee only when it names exactly one user who can see the board the
// suggestions are made for; anyone else is never matched, so a suggestion cannot
// reveal a user the caller has no board in common with, nor assign work to someone
// who could not see it.
import type { DbTx } from '@ap/db/client';
import { userSeesBoard } from '../access/rules.ts';

export interface Person {
  id: string;
  displayName: string | null;
  email: string | null;
}

/** The most people of one board a name is matched against. */
export const MAX_PEOPLE = 2_000;

/** Users who can see the board (not deleted), the candidates for its suggestions' assignees. */
export async function peopleWhoSeeBoard(db: DbTx, boardId: string): Promise<Person[]> {
  return db.user.findMany({
    where: { deletedAt: null, ...userSeesBoard(boardId) },
    select: { id: true, displayName: true, email: true },
    orderBy: { id: 'asc' },
    take: MAX_PEOPLE,
  });
}

const key = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^@/, '')
    .replace(/[’']s$/, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The one person `name` stands for, or null. Exact matches first (the whole display
 * name, or the email's local part), then first names (the display name's first word,
 * the local part up to its first `.`/`_`/`-`); a name that fits two people at the
 * best level fits nobody.
 */
export function matchPerson(name: string, people: readonly Person[]): string | null {
  const n = key(name);
  if (n.length < 2) return null;
  const exact = new Set<string>();
  const first = new Set<string>();
  for (const p of people) {
    const display = p.displayName ? key(p.displayName) : '';
    const local = p.email ? key(p.email.split('@')[0] ?? '') : '';
    if (display === n || (local && local === n)) exact.add(p.id);
    else if ((display && display.split(' ')[0] === n) || (local && local.split(/[._-]/)[0] === n)) first.add(p.id);
  }
  if (exact.size === 1) return [...exact][0]!;
  if (exact.size === 0 && first.size === 1) return [...first][0]!;
  return null;
}
