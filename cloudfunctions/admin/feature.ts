/** The admin feature: its function, its tables and its demo data. */
import type { Feature } from '../core/feature'
import { definition, main } from './index'

export const feature: Feature = { definition, main, tables: ['profiles'] }
