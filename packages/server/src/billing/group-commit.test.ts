import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.js';

function table() {
  const handle = new Database(':memory:');
  handle.exec('CREATE TABLE moves (id INTEGER PRIMARY KEY, amount INTEGER NOT NULL CHECK (amount >= 0))');
  const insert = handle.prepare('INSERT INTO moves (amount) VALUES (?)');
  const count = () => (handle.prepare('SELECT COUNT(*) AS n FROM moves').get() as { n: number }).n;
  return { handle, insert: (amount: number) => insert.run(amount).lastInsertRowid, count };
}

describe('GroupCommit', () => {
  it('runs the jobs of one turn in one transaction and settles their promises only after it committed', async () => {
    const { handle, insert, count } = table();
    const group = new GroupCommit(handle);
    const seenInside: boolean[] = [];
    const job = (amount: number) => () => {
      seenInside.push(handle.inTransaction);
      return insert(amount);
    };
    const settled = [1, 2, 3].map((amount) =>
      group.run(job(amount)).then((id) => {
        // Written and committed by the time the caller goes on.
        expect(handle.inTransaction).toBe(false);
        return id;
      }),
    );
    expect(count()).toBe(0); // nothing runs before the turn ends
    expect(await Promise.all(settled)).toEqual([1, 2, 3]);
    expect(seenInside).toEqual([true, true, true]);
    expect(count()).toBe(3);
  });

  it('rolls back only the job that throws; the others of its batch are kept', async () => {
    const { handle, insert, count } = table();
    const group = new GroupCommit(handle);
    const results = await Promise.allSettled([
      group.run(() => insert(5)),
      group.run(() => {
        insert(7);
        return insert(-1); // the CHECK refuses it: this job's first row goes too
      }),
      group.run(() => insert(9)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(handle.prepare('SELECT amount FROM moves ORDER BY id').all()).toEqual([{ amount: 5 }, { amount: 9 }]);
    expect(count()).toBe(2);
  });

  it('waits for a transaction someone else has open on the handle instead of joining it', async () => {
    const { handle, insert, count } = table();
    const group = new GroupCommit(handle);
    handle.exec('BEGIN');
    insert(1);
    const queued = group.run(() => insert(2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(count()).toBe(1); // the job has not run inside the open transaction
    handle.exec('ROLLBACK'); // that transaction's fate is not the job's
    await queued;
    expect(handle.prepare('SELECT amount FROM moves').all()).toEqual([{ amount: 2 }]);
  });
});
