/**
 * Demo data of what is shared besides slots (seeding step `resources-sharing`): 吴非繁 answers his
 * legal advice's invitations and 纪英瑞 her 国学 course's, each with a contact shown once they
 * accept; the 议题统计 data set offers its fields, and 区图书馆 has asked for it.
 */
import type { DemoContext } from '../core/feature'
import type { SeedStep } from '../core/seed'

const experts: [resource: string, openid: string, contact: string][] = [
  ['吴非繁委员·法律咨询', 'demo-m-wff', '0534-2610404（工作日 9:00—17:00）'],
  ['“运河情·同心缘”国学课', 'demo-member', '微信同号 138****2107，请先说明来意'],
]

const DATA_SET = '月月说事议题统计'
const fields = ['联盟点', '月份', '征集议题数', '入选议题数', '办结议题数', '按时答复率', '满意度']

export const sharingDemo: SeedStep<DemoContext>[] = [
  {
    name: 'resources-sharing',
    run: async (tx, { now }) => {
      for (const [name, openid, contact] of experts) {
        await tx.query('UPDATE resources SET expert_user_id = (SELECT id FROM users WHERE openid = $2), contact = $3 WHERE name = $1', [name, openid, contact])
      }
      await tx.query('UPDATE resources SET data_fields = $2 WHERE name = $1', [DATA_SET, fields])
      await tx.query(
        `INSERT INTO resource_data_requests (resource_id, site_id, for_site_id, person_id, purpose, fields, level, created_at)
         SELECT r.id, r.site_id, 'F01', u.id, '编制本季度“书香政协”协商活动简报，比较各联盟点议题办理进度', $2, 'aggregate', $3
         FROM resources r, users u WHERE r.name = $1 AND u.openid = 'demo-site-admin' ON CONFLICT DO NOTHING`,
        [DATA_SET, ['联盟点', '月份', '征集议题数', '办结议题数'], new Date(now.getTime() - 2 * 24 * 3600_000)],
      )
    },
  },
]
