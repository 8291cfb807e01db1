/**
 * 月通报 as files (this function's dependencies only, never the mini-program's): a .docx in the
 * official-document layout of GB/T 9704 (A4, margins 37/35/28/26 mm, the title in 2号小标宋, the
 * body in 3号仿宋, the text written from the figures, a table per unit category) and an .xlsx with
 * the sheets 总表 / 分项 / 明细 / 计算说明 (version, freeze time, hashes, the year's weights).
 */
import {
  AlignmentType, convertMillimetersToTwip, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx'
import writeXlsxFile, { type SheetData } from 'write-excel-file/node'
import { indicators, type Scheme } from '../../src/domain/assessment'
import { bulletinStatusLabels, type Bulletin, type BulletinInputs } from '../../src/domain/assessment/bulletin'
import { siteCategories, siteCategoryLabels, type SiteCategory } from '../../src/domain/sites'

/** Half-points: 2号 = 22 pt, 3号 = 16 pt, 4号 = 14 pt. */
const SIZE = { title: 44, body: 32, table: 28 }
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' }
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体' }
/** The columns of the tables: the figures a reader of the bulletin looks for first. */
const TABLE_FIGURES = ['activities.held', 'activities.attendance', 'checkin.visits', 'topics.proposed', 'feedback.published']

const monthText = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`
const total = (b: Bulletin, figure: string) => b.totals.find((t) => t.figure === figure)?.value ?? 0

/** The bulletin's opening paragraph, written from its totals. */
export function bulletinText(b: Bulletin): string {
  return `本月联盟共开展活动 ${total(b, 'activities.held')} 场，参与 ${total(b, 'activities.attendance')} 人次，签到 ${total(b, 'checkin.visits')} 人次`
    + `（${total(b, 'checkin.people')} 人）；提出议题 ${total(b, 'topics.proposed')} 件，入选 ${total(b, 'topics.selected')} 件，公示成果 ${total(b, 'feedback.published')} 件；`
    + `收到评价 ${total(b, 'feedback.ratings')} 条，其中满意 ${total(b, 'feedback.satisfied')} 条。`
}

const body = (text: string, indent = true) =>
  new Paragraph({ indent: indent ? { firstLine: 640 } : undefined, spacing: { line: 560 }, children: [new TextRun({ text, font: BODY_FONT, size: SIZE.body })] })

const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold, font: BODY_FONT, size: SIZE.table })] })] })

function categoryTable(b: Bulletin, category: SiteCategory): Table {
  const label = (figure: string) => b.totals.find((t) => t.figure === figure)?.label ?? figure
  const header = new TableRow({ tableHeader: true, children: [cell('单位', true), ...TABLE_FIGURES.map((f) => cell(label(f), true))] })
  const rows = b.units.filter((u) => u.category === category).map((u) =>
    new TableRow({ children: [cell(u.name), ...TABLE_FIGURES.map((f) => cell(String(u.lines.find((l) => l.figure === f)?.value ?? 0)))] }))
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] })
}

export async function bulletinDocx(b: Bulletin): Promise<Buffer> {
  const appeals = b.appeals.total > 0 ? [body(`本月各单位提出数据申诉 ${b.appeals.total} 件，成立 ${b.appeals.upheld} 件，不成立 ${b.appeals.rejected} 件。`)] : []
  const sections = siteCategories.flatMap((category, i) => [
    body(`${'一二三'[i]}、${siteCategoryLabels[category]}单位`, false),
    categoryTable(b, category),
  ])
  const doc = new Document({
    creator: '区政协协商民主实践中心',
    title: `${monthText(b.month)}联盟工作通报`,
    sections: [{
      properties: { page: { margin: { top: convertMillimetersToTwip(37), bottom: convertMillimetersToTwip(35), left: convertMillimetersToTwip(28), right: convertMillimetersToTwip(26) } } },
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 560 }, children: [new TextRun({ text: `${monthText(b.month)}联盟工作通报`, font: TITLE_FONT, size: SIZE.title })] }),
        body(bulletinText(b)),
        ...appeals,
        ...sections,
        body(`（第 ${b.version ?? 0} 版，${bulletinStatusLabels[b.status]}；校验码 ${b.hash ?? '未冻结'}）`, false),
      ],
    }],
  })
  return Packer.toBuffer(doc)
}

const bold = (value: string) => ({ value, fontWeight: 'bold' as const })

export async function bulletinXlsx(b: Bulletin, inputs: BulletinInputs | null, scheme: Scheme): Promise<Buffer> {
  const figures = b.totals.map((t) => t.figure)
  const summary: SheetData = [
    [bold('单位'), bold('类别'), ...b.totals.map((t) => bold(t.label))],
    ...b.units.map((u) => [u.name, siteCategoryLabels[u.category as SiteCategory] ?? u.category, ...figures.map((f) => u.lines.find((l) => l.figure === f)?.value ?? 0)]),
    ['联盟合计', '', ...b.totals.map((t) => t.value)],
  ]
  const items: SheetData = [
    [bold('单位'), bold('数据项'), bold('本月'), bold('上月'), bold('变化')],
    ...b.units.flatMap((u) => u.lines.map((l) => [u.name, l.label, l.value, l.before, l.change])),
  ]
  const detail: SheetData = [
    [bold('数据项'), bold('单位编号'), bold('月份'), bold('数值')],
    ...(inputs?.rows ?? []).map((r) => [inputs?.labels[r.figure] ?? r.figure, r.siteId, r.month, r.value]),
  ]
  const notes: SheetData = [
    [bold('项目'), bold('内容')],
    ['月份', b.month],
    ['版本', b.version ?? 0],
    ['状态', bulletinStatusLabels[b.status]],
    ['冻结时间', b.frozenAt ?? ''],
    ['发布时间', b.publishedAt ?? ''],
    ['结果校验码（sha256）', b.hash ?? ''],
    ['输入校验码（sha256）', b.inputsHash ?? ''],
    ['考核方案', `${scheme.year} 年第 ${scheme.version} 版${scheme.version === 0 ? '（默认权重）' : ''}`],
    ...indicators.map((i) => [`权重：${i.name}`, scheme.weights[i.key] ?? 0]),
    ...b.changeLog.map((c) => [`更正（申诉 ${c.appealId}）`, `${c.siteId} ${c.figure}：${c.from} → ${c.to}；${c.note}`]),
    ['说明', '总表与分项由明细（冻结时读取的各功能数据）计算；用同一输入复算得到相同的结果校验码（npm run assess）。'],
  ]
  return writeXlsxFile([
    { sheet: '总表', data: summary, columns: [{ width: 24 }, { width: 8 }, ...figures.map(() => ({ width: 12 }))], stickyRowsCount: 1 },
    { sheet: '分项', data: items, columns: [{ width: 24 }, { width: 20 }, { width: 8 }, { width: 8 }, { width: 8 }], stickyRowsCount: 1 },
    { sheet: '明细', data: detail, columns: [{ width: 20 }, { width: 10 }, { width: 10 }, { width: 10 }], stickyRowsCount: 1 },
    { sheet: '计算说明', data: notes, columns: [{ width: 24 }, { width: 80 }] },
  ]).toBuffer()
}
