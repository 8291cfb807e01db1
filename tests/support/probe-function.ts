/**
 * A small cloud function made only for testing the kernel's seams through the real router: its
 * actions write a row, its timeline and audit rows and an outbox message in one transaction, and
 * its job counts due rows once each.
 */
import * as v from 'valibot'
import { returns } from '../../src/domain/contract'
import { fail } from '../../cloudfunctions/core/errors'
import { defineFunction } from '../../cloudfunctions/core/router'
import { enqueue } from '../../cloudfunctions/notices/outbox'

export const PROBE_TABLES = `
  CREATE TABLE IF NOT EXISTS probe_items (id bigserial PRIMARY KEY, label text NOT NULL UNIQUE, done_at timestamptz);
  CREATE TABLE IF NOT EXISTS probe_timeline (id bigserial PRIMARY KEY, item_id bigint NOT NULL, note text NOT NULL);`

export const probeContract = {
  create: {
    input: v.object({ label: v.string(), failAfterWrites: v.optional(v.boolean()) }),
    output: returns<{ id: number }>(),
  },
}

export const probe = defineFunction({
  name: 'probe',
  contract: probeContract,
  openapi: [],
  access: { create: ['resident'] },
  actions: {
    create: ({ input, caller, transaction }) =>
      transaction(async ({ db, now, audit }) => {
        const [item] = await db.query<{ id: number }>('INSERT INTO probe_items (label) VALUES ($1) RETURNING id', [input.label])
        await db.query('INSERT INTO probe_timeline (item_id, note) VALUES ($1, $2)', [item.id, 'created'])
        await audit(`probe:${item.id}`)
        await enqueue(db, now, 'inapp', caller.userId, { title: '已创建', body: input.label }, `probe:${item.id}`)
        if (input.failAfterWrites) fail('conflict', '最后一步失败')
        return { id: item.id as number }
      }),
  },
  jobs: {
    finish: {
      every: 5,
      run: async ({ transaction }) =>
        transaction(async ({ db, now }) => {
          const rows = await db.query<{ id: number }>(
            `UPDATE probe_items SET done_at = $1 WHERE id IN
               (SELECT id FROM probe_items WHERE done_at IS NULL ORDER BY id FOR UPDATE SKIP LOCKED) RETURNING id`,
            [now],
          )
          return rows.length
        }),
    },
    broken: { every: 60, run: async () => Promise.reject(new Error('the job broke')) },
  },
})
