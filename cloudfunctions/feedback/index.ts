/** feedback: 交办督复评 — hand over to units, handle, supervise, reply, publish, evaluate (ratings.ts); unit figures. */
import { feedbackContract } from '../../src/domain/feedback/contract'
import { ACK_DAYS, addWorkingDays, dayOf, DEFAULT_DUE_DAYS, dueEnd, nextWorkingDay } from '../../src/domain/feedback'
import { addMonths, shanghaiMonth } from '../../src/domain/cycle'
import { can, handlesUnit, unitsOf } from '../../src/domain/feedback/permissions'
import { holds } from '../../src/domain/person'
import { roleLabels } from '../../src/domain/roles'
import { everyone, profileIssuers } from '../core/access'
import type { Caller } from '../core/identity'
import { fail } from '../core/errors'
import { screenText } from '../core/content'
import { conditions, pageOf } from '../core/page'
import { createMain, defineFunction } from '../core/router'
import { requireOwnPhotos } from '../core/uploads'
import type { Scope } from '../core/scope'
import { actorRole, loadTopic, moveTopic, type TopicRow } from '../topics/public'
import { closeEvaluated, superviseDeadlines } from './jobs'
import { assignmentColumns, assignmentFrom, assignmentView, assignmentViews, listOutcomes, statsCsv, topicStory, unitStats } from './read'
import { appeal, decideAppeal, rate } from './ratings'
import { loadCalendar, lockAssignment, recordEscalations, reopenAssignments, topicOfAssignment, type AssignmentRow } from './work'

const staffOnly = (caller: Caller) => can(caller, 'assign') || fail('forbidden', '只有政协工作人员可以进行此操作')
const handler = (caller: Caller) => ({ userId: caller.userId, role: roleLabels.unit_handler })

/** The handler's assignment with its topic, both locked (topic first, the lock order of every topic write). */
async function handlersAssignment(tx: Scope, caller: Caller, assignmentId: number) {
  const topic = await loadTopic(tx.db, await topicOfAssignment(tx.db, assignmentId), true)
  const assignment = await lockAssignment(tx.db, assignmentId)
  if (!can(caller, 'handle', { unitId: assignment.unit_id })) fail('forbidden', '只能办理本单位的交办事项')
  if (assignment.status === 'withdrawn') fail('conflict', '该交办事项已转交其他单位')
  return { topic, assignment }
}


/** Creates the assignments of a topic (交) with their deadlines, and tells each unit. */
async function createAssignments(tx: Scope, caller: Caller, topic: TopicRow, units: { unitId: string; dueDays?: number; dueDate?: string }[]) {
  const calendar = await loadCalendar(tx.db)
  const [setting] = await tx.db.query<{ days: number }>('SELECT d.days FROM topics t JOIN category_due_days d ON d.category = t.category WHERE t.id = $1', [topic.id])
  const today = dayOf(tx.now)
  const ackDue = addWorkingDays(today, ACK_DAYS, calendar)
  const ids: number[] = []
  for (const unit of units) {
    const [known] = await tx.db.query<{ name: string }>('SELECT name FROM units WHERE id = $1', [unit.unitId])
    if (!known) fail('not_found', '未找到该承办单位')
    if (unit.dueDate && unit.dueDate < today) fail('invalid_input', '办理期限不能早于今天')
    // A due date on a non-working day moves to the next working day, never refused.
    const replyDue = unit.dueDate ? nextWorkingDay(unit.dueDate, calendar) : addWorkingDays(today, unit.dueDays ?? setting?.days ?? DEFAULT_DUE_DAYS, calendar)
    const [row] = await tx.db.query<{ id: number }>(
      `INSERT INTO assignments (topic_id, unit_id, assigned_by, assigned_at, month, ack_due, reply_due, ack_end, reply_end, next_check)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8) ON CONFLICT (topic_id, unit_id) WHERE status <> 'withdrawn' DO NOTHING RETURNING id`,
      [topic.id, unit.unitId, caller.userId, tx.now, today.slice(0, 7), ackDue, replyDue, dueEnd(ackDue), dueEnd(replyDue)],
    )
    if (!row) fail('duplicate', `已交办给${known.name}`)
    ids.push(row.id)
    await tx.publish({ type: 'assignment.made', key: `assign:${row.id}`, topicId: topic.id, title: topic.title, unitId: unit.unitId, ackDue, replyDue })
  }
  return ids
}

export const definition = defineFunction({
  name: 'feedback',
  contract: feedbackContract,
  openapi: ['security.msgSecCheck'],
  access: {
      units: everyone,
      saveUnit: profileIssuers,
      calendar: everyone,
      setDay: profileIssuers,
      setDueDays: profileIssuers,
      assign: profileIssuers,
      assignments: ['unit_handler', 'staff', 'admin', 'auditor'],
      acknowledge: ['unit_handler'],
      progress: ['unit_handler'],
      reassign: profileIssuers,
      reply: ['unit_handler'],
      supervise: profileIssuers,
      publish: profileIssuers,
      outcomes: everyone,
      story: everyone,
      rate: everyone,
      appeal: ['unit_handler'],
      decideAppeal: profileIssuers,
      unitStats: ['staff', 'admin', 'auditor'],
  },
  jobs: { superviseDeadlines, closeEvaluated },
  actions: {
    units: async ({ db }) => db.query<{ id: string; name: string }>('SELECT id, name FROM units ORDER BY id'),

    saveUnit: async ({ input, caller, transaction }) => {
      staffOnly(caller)
      return transaction(async (tx) => {
        await tx.db.query('INSERT INTO units (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name', [input.id, input.name])
        await tx.audit(`unit:${input.id}`, { name: input.name })
        return { id: input.id, name: input.name }
      })
    },

    calendar: async ({ db, input }) => {
      const days = await db.query('SELECT day, kind, name FROM calendar_days WHERE day >= $1 AND day < $2 ORDER BY day', [
        `${input.year}-01-01`,
        `${input.year + 1}-01-01`,
      ])
      const dueDays = Object.fromEntries((await db.query('SELECT category, days FROM category_due_days')).map((row) => [row.category, row.days]))
      return { days: days as { day: string; kind: 'holiday' | 'workday'; name: string }[], dueDays }
    },

    setDay: async ({ input, caller, transaction }) => {
      staffOnly(caller)
      return transaction(async (tx) => {
        if (input.kind === 'normal') await tx.db.query('DELETE FROM calendar_days WHERE day = $1', [input.day])
        else {
          await tx.db.query(
            'INSERT INTO calendar_days (day, kind, name) VALUES ($1, $2, $3) ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name',
            [input.day, input.kind, input.name],
          )
        }
        await tx.audit(`calendar:${input.day}`, { kind: input.kind })
        return { day: input.day, kind: input.kind }
      })
    },

    setDueDays: async ({ input, caller, transaction }) => {
      staffOnly(caller)
      return transaction(async (tx) => {
        await tx.db.query('INSERT INTO category_due_days (category, days) VALUES ($1, $2) ON CONFLICT (category) DO UPDATE SET days = EXCLUDED.days', [
          input.category,
          input.days,
        ])
        await tx.audit(`due-days:${input.category}`, { days: input.days })
        return { category: input.category, days: input.days }
      })
    },

    assign: async ({ input, caller, transaction }) => {
      staffOnly(caller)
      return transaction(async (tx) => {
        const topic = await loadTopic(tx.db, input.topicId, true)
        const names = await tx.db.query<{ name: string }>('SELECT name FROM units WHERE id = ANY($1) ORDER BY id', [input.units.map((u) => u.unitId)])
        const note = input.note || `交办：${names.map((row) => row.name).join('、')}`
        const state = await moveTopic(tx, topic, 'assign', { userId: caller.userId, role: actorRole(caller, topic) }, note)
        const ids = await createAssignments(tx, caller, topic, input.units)
        const assignments = await assignmentViews(tx.db, 'a.id = ANY($1)', [ids])
        await tx.audit(`topic:${topic.id}`, { move: 'assign', units: input.units.map((u) => u.unitId) })
        return { state, assignments }
      })
    },

    assignments: async ({ db, input, caller }) => {
      const { where, params, add } = conditions()
      const seesAll = can(caller, 'assign') || holds(caller, 'auditor')
      if (input.unitId && !seesAll && !handlesUnit(caller, input.unitId)) fail('forbidden', '只能查看本单位的交办事项')
      if (!seesAll) add('a.unit_id = ANY(?)', unitsOf(caller))
      if (input.unitId) add('a.unit_id = ?', input.unitId)
      if (input.topicId) add('a.topic_id = ?', input.topicId)
      if (input.open) where.push("a.status IN ('assigned', 'acknowledged')")
      return pageOf(db, { columns: assignmentColumns, from: assignmentFrom, where, params, keys: ['a.assigned_at', 'a.id'], desc: true }, input)
    },

    acknowledge: async ({ input, caller, transaction }) =>
      transaction(async (tx) => {
        const { topic, assignment } = await handlersAssignment(tx, caller, input.assignmentId)
        if (assignment.status !== 'assigned') fail('conflict', '该交办事项已签收')
        await tx.db.query(`UPDATE assignments SET status = 'acknowledged', acknowledged_at = $2, next_check = $3 WHERE id = $1`, [
          assignment.id, tx.now, dueEnd(assignment.reply_due),
        ])
        if (topic.state === 'assigned' || topic.state === 'reopened') await moveTopic(tx, topic, 'handle', handler(caller), '承办单位已签收')
        return assignmentView(tx.db, assignment.id)
      }),

    progress: async ({ input, caller, platform, transaction }) => {
      await screenText(platform, input.note, caller.openid, 'immediate')
      return transaction(async (tx) => {
        const { topic, assignment } = await handlersAssignment(tx, caller, input.assignmentId)
        if (assignment.status === 'assigned') fail('conflict', '请先签收再填写办理进展')
        await requireOwnPhotos(tx.db, caller.userId, input.photos)
        const [note] = await tx.db.query<{ id: number }>(
          'INSERT INTO assignment_notes (assignment_id, kind, author_id, at, body, photos) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
          [assignment.id, input.reassign ? 'reassign' : 'progress', caller.userId, tx.now, input.note, JSON.stringify(input.photos)],
        )
        // Handling a reopened topic again starts with the first unit's word.
        if (topic.state === 'reopened') await moveTopic(tx, topic, 'handle', handler(caller), '承办单位重新办理')
        if (input.reassign) {
          await tx.db.query('UPDATE assignments SET reassign_requested = true WHERE id = $1', [assignment.id])
          await tx.publish({ type: 'assignment.change_requested', key: `reassign:${note.id}`, topicId: topic.id, title: topic.title, note: input.note })
        }
        return assignmentView(tx.db, assignment.id)
      })
    },

    reassign: async ({ input, caller, transaction }) => {
      staffOnly(caller)
      return transaction(async (tx) => {
        const topic = await loadTopic(tx.db, await topicOfAssignment(tx.db, input.assignmentId), true)
        const assignment = await lockAssignment(tx.db, input.assignmentId)
        if (!(await tx.db.query('SELECT 1 FROM assignments WHERE id = $1 AND reassign_requested', [assignment.id])).length) {
          fail('conflict', '该单位没有申请调整')
        }
        if (!['assigned', 'in_progress', 'reopened'].includes(topic.state)) fail('conflict', '议题已答复，不能调整承办单位')
        await tx.db.query(
          `INSERT INTO assignment_notes (assignment_id, kind, author_id, at, body) VALUES ($1, 'decision', $2, $3, $4)`,
          [assignment.id, caller.userId, tx.now, `${input.approve ? '同意调整' : '不同意调整'}：${input.note}`],
        )
        await tx.db.query(`UPDATE assignments SET reassign_requested = false${input.approve ? ", status = 'withdrawn', next_check = NULL" : ''} WHERE id = $1`, [
          assignment.id,
        ])
        if (input.approve && input.toUnitId) await createAssignments(tx, caller, topic, [{ unitId: input.toUnitId }])
        if (input.approve && !input.toUnitId) {
          // Without a new unit the others carry on: when they have all replied, so has the topic; when none is left, a unit is needed.
          const [{ open, replied }] = await tx.db.query(
            `SELECT count(*) FILTER (WHERE status IN ('assigned', 'acknowledged'))::int AS open, count(*) FILTER (WHERE status = 'replied')::int AS replied
             FROM assignments WHERE topic_id = $1`,
            [topic.id],
          )
          if (open === 0 && replied === 0) fail('invalid_input', '这是该议题仅有的承办单位，同意调整时请选择新的承办单位')
          if (open === 0 && topic.state === 'in_progress') {
            await moveTopic(tx, topic, 'reply', { userId: caller.userId, role: actorRole(caller, topic) }, '其余承办单位均已答复')
          }
        }
        await tx.publish({
          type: 'assignment.change_decided', key: `reassign-decided:${assignment.id}:${tx.now.getTime()}`,
          topicId: topic.id, title: topic.title, unitId: assignment.unit_id, approve: input.approve, note: input.note,
        })
        await tx.audit(`assignment:${assignment.id}`, { approve: input.approve, toUnitId: input.toUnitId ?? null })
        return { state: topic.state, assignments: await assignmentViews(tx.db, 'a.topic_id = $1', [topic.id]) }
      })
    },

    reply: async ({ input, caller, platform, transaction }) => {
      await screenText(platform, input.reply, caller.openid, 'immediate')
      return transaction(async (tx) => {
        const { topic, assignment } = await handlersAssignment(tx, caller, input.assignmentId)
        if (assignment.status === 'assigned') fail('conflict', '请先签收再答复')
        if (assignment.status === 'replied') fail('conflict', '本单位已答复')
        await requireOwnPhotos(tx.db, caller.userId, input.photos)
        await tx.db.query(
          `UPDATE assignments SET status = 'replied', reply = $2, reply_photos = $3, replied_at = $4, first_replied_at = coalesce(first_replied_at, $4),
             next_check = NULL WHERE id = $1`,
          [assignment.id, input.reply, JSON.stringify(input.photos), tx.now],
        )
        await tx.db.query(`INSERT INTO assignment_notes (assignment_id, kind, author_id, at, body, photos) VALUES ($1, 'reply', $2, $3, $4, $5)`, [
          assignment.id, caller.userId, tx.now, input.reply, JSON.stringify(input.photos),
        ])
        if (topic.state === 'assigned' || topic.state === 'reopened') await moveTopic(tx, topic, 'handle', handler(caller))
        const [{ open }] = await tx.db.query<{ open: number }>("SELECT count(*)::int AS open FROM assignments WHERE topic_id = $1 AND status IN ('assigned', 'acknowledged')", [topic.id])
        if (open === 0 && topic.state === 'in_progress') await moveTopic(tx, topic, 'reply', handler(caller), '各承办单位均已答复')
        return { assignment: await assignmentView(tx.db, assignment.id), state: topic.state }
      })
    },

    supervise: async ({ input, caller, transaction }) => {
      if (!can(caller, 'supervise')) fail('forbidden', '只有政协工作人员可以督办')
      return transaction(async (tx) => {
        const topic = await loadTopic(tx.db, input.topicId, true)
        if (['replied', 'published', 'evaluated'].includes(topic.state)) {
          await moveTopic(tx, topic, 'reopen', { userId: caller.userId, role: actorRole(caller, topic) }, input.note)
          await reopenAssignments(tx, topic, await loadCalendar(tx.db), `督办：${input.note}`)
        } else if (['assigned', 'in_progress', 'reopened'].includes(topic.state)) {
          const rows = await tx.db.query<Pick<AssignmentRow, 'id' | 'unit_id' | 'level'>>(
            `UPDATE assignments SET level = level + 1 WHERE topic_id = $1 AND status IN ('assigned', 'acknowledged') AND level < 3 RETURNING id, unit_id, level`,
            [topic.id],
          )
          if (rows.length === 0) fail('conflict', '没有可以督办的交办事项')
          await recordEscalations(tx, rows.map((row) => ({ id: row.id, topicId: topic.id, unitId: row.unit_id, title: topic.title, level: row.level, reason: `督办：${input.note}` })), caller.userId)
        } else fail('conflict', '议题尚未交办，不能督办')
        await tx.audit(`topic:${topic.id}`, { move: 'supervise' })
        const [{ level }] = await tx.db.query<{ level: number }>("SELECT coalesce(max(level), 0)::int AS level FROM assignments WHERE topic_id = $1 AND status <> 'withdrawn'", [topic.id])
        return { state: topic.state, level }
      })
    },

    publish: async ({ input, caller, platform, transaction }) => {
      if (!can(caller, 'publish')) fail('forbidden', '只有政协工作人员可以公示')
      await screenText(platform, input.summary, caller.openid, 'immediate')
      return transaction(async (tx) => {
        const topic = await loadTopic(tx.db, input.topicId, true)
        const state = await moveTopic(tx, topic, 'publish', { userId: caller.userId, role: actorRole(caller, topic) }, input.summary)
        await tx.db.query(
          `INSERT INTO topic_outcomes (topic_id, summary, published_by, first_published_at, published_at) VALUES ($1, $2, $3, $4, $4)
           ON CONFLICT (topic_id) DO UPDATE SET summary = EXCLUDED.summary, published_by = EXCLUDED.published_by, published_at = EXCLUDED.published_at`,
          [topic.id, input.summary, caller.userId, tx.now],
        )
        await tx.audit(`topic:${topic.id}`, { move: 'publish' })
        return { state }
      })
    },

    outcomes: async ({ db, input }) => listOutcomes(db, input),

    story: async ({ db, input, caller }) => topicStory(db, input.topicId, caller.userId, { all: can(caller, 'decide'), units: unitsOf(caller) }),

    rate: async ({ input, caller, platform, transaction }) => {
      if (input.comment) await screenText(platform, input.comment, caller.openid, 'immediate')
      return transaction((tx) => rate(tx, caller, input))
    },

    appeal: async ({ input, caller, transaction }) => transaction((tx) => appeal(tx, caller, input)),

    decideAppeal: async ({ input, caller, transaction }) => {
      if (!can(caller, 'decide')) fail('forbidden', '只有政协工作人员可以处理申诉')
      return transaction((tx) => decideAppeal(tx, caller, input))
    },

    unitStats: async ({ db, input, now }) => {
      const to = input.to ?? shanghaiMonth(now)
      const from = input.from ?? addMonths(to, -11)
      if (from > to) fail('invalid_input', '起始月份不能晚于结束月份')
      const rows = await unitStats(db, from, to, now)
      return { from, to, rows, csv: input.csv ? statsCsv(rows) : null }
    },
  },
})

export const main = createMain(definition)
