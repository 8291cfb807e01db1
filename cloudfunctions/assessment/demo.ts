/**
 * The demo's 月通报 cycle, following the real calendar: three months ago frozen on its 5th working
 * day, 区图书馆 appealing one figure, staff upholding it (version 2), final once the window closed;
 * two months ago frozen and final as version 1. Last month is left to the job (or staff), so a
 * newcomer sees a draft, a corrected final bulletin and a plain one.
 */
import type { DemoContext } from '../core/feature'
import type { Queryable } from '../core/db'
import { demoUserId, type SeedStep } from '../core/seed'
import { scopeOf } from '../core/scope'
import { addMonths, shanghaiMonth } from '../../src/domain/cycle'
import { appealUntil, figureValue, freezeDay } from '../../src/domain/assessment/bulletin'
import { loadCalendar } from '../feedback/public'
import { decideAppeal, fileAppeal, finalise, freezeMonth, liveInputs, lockCurrent } from './bulletins'

const at = (day: string, clock = '10:00') => new Date(`${day}T${clock}:00+08:00`)
const actor = { userId: null, fn: 'assessment', action: 'demo' }

/** Freezes `month` on its freeze day (once) and, when the window has closed by `now`, makes it final; `appeal` runs in between. */
async function cycle(tx: Queryable, month: string, now: Date, appeal?: (frozenOn: string) => Promise<void>): Promise<void> {
  const calendar = await loadCalendar(tx)
  const frozenOn = freezeDay(month, calendar)
  if (at(frozenOn) > now) return
  // Already frozen (the step ran on this database before): left as it is.
  if (!(await freezeMonth(scopeOf(tx, at(frozenOn), actor), await liveInputs(tx, month, at(frozenOn)), null))) return
  await appeal?.(frozenOn)
  const closes = appealUntil(frozenOn, calendar)
  const finalOn = at(closes, '23:59')
  if (new Date(finalOn.getTime() + 60_000) > now) return
  const scope = scopeOf(tx, new Date(finalOn.getTime() + 60_000), actor)
  await finalise(scope, await lockCurrent(tx, month), null)
}

async function seedCycle(tx: Queryable, now: Date): Promise<void> {
  const current = shanghaiMonth(now)
  const [admin, staff] = [await demoUserId(tx, 'demo-site-admin'), await demoUserId(tx, 'demo-staff')]
  if (admin === undefined || staff === undefined) return
  await cycle(tx, addMonths(current, -3), now, async (frozenOn) => {
    const month = addMonths(current, -3)
    const filed = at(frozenOn, '15:00')
    const inputs = (await lockCurrent(tx, month)).inputs
    const held = inputs ? figureValue(inputs, 'F01', 'activities.held') : 0
    const appeal = await fileAppeal(scopeOf(tx, filed, actor), {
      month, siteId: 'F01', figure: 'activities.held', claimed: held + 1, reason: '本月“书香政协”读书会的签到表已补交，活动未计入', evidence: '签到表扫描件已报区政协办公室',
    }, admin)
    await decideAppeal(scopeOf(tx, new Date(filed.getTime() + 86_400_000), actor), { appealId: appeal.id, uphold: true, note: '经核实签到表和活动照片，申诉成立', value: null }, staff)
  })
  await cycle(tx, addMonths(current, -2), now)
}

export const demo: SeedStep<DemoContext>[] = [{ name: 'assessment-cycle', run: (tx, { now }) => seedCycle(tx, now) }]
