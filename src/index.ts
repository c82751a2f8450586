/**
 * yidu: the ES module entry. Importing it starts yidu on the page (once) and registers every element.
 *
 *   import { Yidu } from 'yidu';
 *   Yidu.prefs.set({ fontSize: 'large' });
 */
import { boot } from './yidu.js';

export const Yidu = boot();
export type { YiduApi } from './yidu.js';
export type { YiduConfig } from './core/config.js';
export type { Prefs, FontSize, ScriptChoice } from './core/prefs.js';
export { DEFAULT_CONFIG } from './core/config.js';
export { DEFAULT_PREFS } from './core/prefs.js';
export * from './define.js';
export type { AuditReport, ModeReport, AuditViolation, AuditNode, Impact, Category } from './audit/report.js';
export type { AuditOptions } from './audit/run-audit.js';
