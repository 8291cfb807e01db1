export default defineAppConfig({
  pages: ['pages/index/index', 'pages/topics/index', 'pages/mine/index'],
  subPackages: [
    { root: 'packages/checkin', pages: ['pages/scan/index', 'pages/card/index'] },
    { root: 'packages/sites', pages: ['pages/detail/index', 'pages/code/index', 'pages/print/index'] },
    { root: 'packages/admin', pages: ['pages/profiles/index'] },
    { root: 'packages/account', pages: ['pages/name/index'] },
    { root: 'packages/topics', pages: ['pages/detail/index', 'pages/propose/index', 'pages/screen/index', 'pages/meeting/index', 'pages/mine/index'] },
    { root: 'packages/notices', pages: ['pages/inbox/index', 'pages/detail/index', 'pages/compose/index', 'pages/sent/index', 'pages/deliveries/index'] },
    { root: 'packages/feedback', pages: ['pages/story/index', 'pages/outcomes/index', 'pages/tasks/index', 'pages/stats/index', 'pages/calendar/index'] },
    {
      root: 'packages/activities',
      pages: ['pages/list/index', 'pages/detail/index', 'pages/code/index', 'pages/checkin/index', 'pages/attendance/index', 'pages/create/index'],
    },
    { root: 'packages/duty', pages: ['pages/mine/index', 'pages/members/index'] },
    { root: 'packages/resources', pages: ['pages/list/index', 'pages/detail/index', 'pages/mine/index', 'pages/requests/index',
      'pages/match/index', 'pages/invitations/index', 'pages/data-request/index', 'pages/data-requests/index', 'pages/feed/index', 'pages/to-activity/index'] },
    { root: 'packages/operations', pages: ['pages/site/index', 'pages/profile/index', 'pages/desk/index', 'pages/plan/index', 'pages/visits/index', 'pages/archive/index'] },
    { root: 'packages/opinions', pages: ['pages/submit/index', 'pages/mine/index', 'pages/screen/index', 'pages/detail/index', 'pages/funnel/index', 'pages/proposals/index', 'pages/draft/index', 'pages/proposal/index', 'pages/reports/index', 'pages/report/index'] },
    { root: 'packages/assessment', pages: ['pages/ranking/index', 'pages/unit/index', 'pages/bulletin/index'] },
    // The dev sign-in exists only in the browser build: WeChat supplies identity in the mini-program.
    ...(process.env.TARO_ENV === 'h5' ? [{ root: 'packages/devsignin', pages: ['pages/index/index'] }] : []),
  ],
  window: {
    navigationBarTitleText: '协商联盟',
    navigationBarBackgroundColor: '#b71c1c',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f6f3ef',
  },
  tabBar: {
    // WeChat's native tab bar takes no font size: the weapp draws its own (src/custom-tab-bar) so elder
    // mode reaches it. `list` stays, WeChat requires it; h5 keeps Taro's bar (app.css sizes it).
    ...(process.env.TARO_ENV === 'weapp' ? { custom: true } : {}),
    color: '#5f5f5f',
    selectedColor: '#b71c1c',
    backgroundColor: '#ffffff',
    list: [
      // Icons are drawn from src/assets/icons by scripts/icons.mjs (81×81, normal and selected).
      { pagePath: 'pages/index/index', text: '联盟阵地', iconPath: 'assets/tabbar/home.png', selectedIconPath: 'assets/tabbar/home-active.png' },
      { pagePath: 'pages/topics/index', text: '议事', iconPath: 'assets/tabbar/topic.png', selectedIconPath: 'assets/tabbar/topic-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tabbar/mine.png', selectedIconPath: 'assets/tabbar/mine-active.png' },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
  requiredPrivateInfos: ['getLocation'],
  permission: {
    'scope.userLocation': { desc: '签到时核验您是否在联盟点附近，不会用于其他用途' },
  },
  __usePrivacyCheck__: true,
})
