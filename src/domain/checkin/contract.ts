/** checkin: a person scans a site's code and checks in, once per site per Asia/Shanghai day. */
import * as v from 'valibot'
import type { CheckinRecord } from '.'
import { returns } from '../contract'
import { pageFields, type Page } from '../page'
import { finite } from '../schemas'

export const location = v.object({
  lat: finite('纬度', -90, 90),
  lng: finite('经度', -180, 180),
  accuracy: finite('定位精度', 0, 100_000),
})

export const checkinContract = {
  scan: {
    input: v.object({
      scene: v.pipe(v.string('请扫描联盟点二维码'), v.minLength(1, '请扫描联盟点二维码'), v.maxLength(128, '二维码内容过长')),
      location: v.optional(location),
    }),
    output: returns<CheckinRecord>(),
  },
  mine: { input: v.object(pageFields), output: returns<Page<CheckinRecord>>() },
  /** Joins the desk's record of a person (their printed card's code) to the caller's account: their assisted check-ins become theirs. */
  claim: {
    input: v.object({ card: v.pipe(v.string('请扫描签到卡'), v.minLength(1, '请扫描签到卡'), v.maxLength(64, '签到卡内容过长')) }),
    output: returns<{ checkins: number }>(),
  },
}
