/**
 * The labels of the first load, in 简体. The 繁体 and English ones (./more-strings.ts) are a
 * lazy chunk, loaded only where labels are in that language (./load-labels.ts).
 */
export const STRINGS = {
  'zh-Hans': {
    toolbar: '阅读辅助',
    a11y: '无障碍浏览',
    elder: '长者模式',
    zhGroup: '简繁切换',
    hans: '简体',
    hant: '繁体',
    fontSize: '文字大小',
    large: '大',
    medium: '中',
    small: '小',
    docx: '下载Word',
    pdf: '下载PDF',
    print: '打印文章',
    close: '关闭窗口',
    qr: '扫一扫在手机打开当前页',
    qa: '智能问答',
    more: '更多',
    retry: '重试',
    dismiss: '关闭',
    busy: '正在加载…',
    loadFailed: '功能加载失败，请稍后重试。',
    zhLoadFailed: '简繁转换未能加载，页面保持原样，请稍后再点一次。',
    saveFailed: '设置未能保存，仅在本页有效。',
  },
} as const;

export type UiLang = keyof typeof STRINGS | 'zh-Hant' | 'en';
export type StringKey = keyof (typeof STRINGS)['zh-Hans'];
