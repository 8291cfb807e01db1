/** The 显示名称 form refuses a name exactly as account.setName does, in the same words. */
import * as v from 'valibot'
import { displayNameProblem } from '../../src/domain/account'
import { accountContract } from '../../src/domain/account/contract'

const serverProblem = (name: string) => {
  const parsed = v.safeParse(accountContract.setName.input, { name })
  return parsed.success ? undefined : parsed.issues[0].message
}

describe('display names', () => {
  it.each(['张桂兰', '  王秀英 ', '🌸🌸', 'Tom Lee', '', ' ', '李', '很'.repeat(12), '很'.repeat(13), '李\n四', '李\t四', '政协小李', '客服小王',
    '王13812345678', '李\u0000四'])('%j: the form and the function agree', (name) => {
    expect(displayNameProblem(name)).toBe(serverProblem(name))
  })
})
