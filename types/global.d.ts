/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.css'

/** The WeChat cloud environment id, from CLOUD_ENV at build time ('' = the default environment). */
declare const CLOUD_ENV: string
/** How the mini-program reaches its functions, from TRANSPORT at build time: WeChat cloud, or the self-hosted host over HTTPS. */
declare const TRANSPORT: 'cloud' | 'https'
/** The self-hosted host's address (TRANSPORT=https), from API_URL at build time; '' otherwise. */
declare const API_URL: string

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: 'weapp' | 'h5'
  }
}
