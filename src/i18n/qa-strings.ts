/**
 * The strings of the 智能问答 panel (zh-Hans, zh-Hant, en). They come with the panel's lazy chunk; the
 * button's own label (`qa`) is in ./strings.ts.
 */
import type { UiLang } from './strings.js';
import { text } from './lang.js';

export const QA_STRINGS = {
  'zh-Hans': {
    qaTitle: '就本页内容提问',
    qaHint: '回答只摘自本页原文，在您的设备上查找，不会发送到任何地方。',
    qaField: '您的问题',
    qaAsk: '提问',
    qaJump: '在页面中查看',
    qaNone: '本页似乎没有提到这个问题的答案。',
    qaRelated: '相关内容',
    qaService: '到本站智能问答服务提问',
    qaEmpty: '请先输入问题。',
    qaSum: '请注意：本表注明“第一项加第二项之和，等于第三项加第四项之和”，但“{cols}”一列的数字按表中所列并不相符，请以发布机关的说明为准。',
  },
  'zh-Hant': {
    qaTitle: '就本頁內容提問',
    qaHint: '回答只摘自本頁原文，在您的裝置上查找，不會傳送到任何地方。',
    qaField: '您的問題',
    qaAsk: '提問',
    qaJump: '在頁面中檢視',
    qaNone: '本頁似乎沒有提到這個問題的答案。',
    qaRelated: '相關內容',
    qaService: '到本站智慧問答服務提問',
    qaEmpty: '請先輸入問題。',
    qaSum: '請注意：本表註明「第一項加第二項之和，等於第三項加第四項之和」，但「{cols}」一欄的數字按表中所列並不相符，請以發布機關的說明為準。',
  },
  en: {
    qaTitle: 'Ask about this page',
    qaHint: 'Answers are quoted from this page only, found on your device; nothing is sent anywhere.',
    qaField: 'Your question',
    qaAsk: 'Ask',
    qaJump: 'Show on the page',
    qaNone: 'This page does not seem to answer that.',
    qaRelated: 'Related passages',
    qaService: 'Ask the site’s own question service',
    qaEmpty: 'Please type a question first.',
    qaSum: 'Please note: the table states that items one and two add up to items three and four, but in the “{cols}” column the figures shown do not. The publishing office’s own explanation prevails.',
  },
} as const;

export type QaStringKey = keyof (typeof QA_STRINGS)['zh-Hans'];

export function qaText(lang: UiLang, key: QaStringKey): string {
  return text(lang, key, QA_STRINGS);
}
