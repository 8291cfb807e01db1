/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.css'

/** The WeChat cloud environment id, from CLOUD_ENV at build time ('' = the default environment). */
declare const CLOUD_ENV: string

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: 'weapp' | 'h5'
  }
}
