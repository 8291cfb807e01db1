import type { UserConfigExport } from '@tarojs/cli'

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  // `npm run dev`: the watcher writes dist/h5 to disk so the local host serves every rebuild.
  h5: { devServer: { devMiddleware: { writeToDisk: true } } },
} satisfies UserConfigExport<'webpack5'>
