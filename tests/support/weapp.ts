/** Our budget for the mini-program's main package (WeChat's limit is 2 MB; an empty Taro app is ≈ 330 KB). */
export const MAIN_PACKAGE_BUDGET = 600 * 1024
