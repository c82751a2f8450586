import { css } from 'lit';

/**
 * Shared look of every yidu control. Themable through the documented custom properties; everything else is
 * pinned so hostile page CSS (`button { display: none !important }` reaches only light DOM) cannot break it.
 */
export const baseStyles = css`
  :host {
    display: inline-block;
    font-family: var(--yidu-font-family, system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif);
    font-size: var(--yidu-font-size, 16px);
    line-height: 1.25;
    color: var(--yidu-color, #1f1f1f);
    --_target: var(--yidu-target-size, 44px);
  }
  :host([hidden]) {
    display: none;
  }
  /* A reader printing the page gets the page, not our controls. */
  @media print {
    :host {
      display: none !important;
    }
  }
  .elder {
    --_target: var(--yidu-elder-target-size, 60px);
    font-size: var(--yidu-elder-font-size, 20px);
  }
  .group {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--yidu-gap, 4px);
  }
  button {
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: var(--_target);
    min-height: var(--_target);
    margin: 0;
    padding: 0 0.75em;
    font: inherit;
    color: var(--yidu-color, #1f1f1f);
    background: var(--yidu-background, #ffffff);
    border: 1px solid var(--yidu-border-color, #5e5e5e);
    border-radius: var(--yidu-radius, 4px);
    cursor: pointer;
    white-space: nowrap;
  }
  button:hover {
    background: var(--yidu-hover-background, #eef3fc);
  }
  button[aria-pressed='true'] {
    color: var(--yidu-accent-contrast, #ffffff);
    background: var(--yidu-accent, #0b57d0);
    border-color: var(--yidu-accent, #0b57d0);
    /* Pressed is also shown by shape, not colour alone. */
    box-shadow: inset 0 -4px 0 var(--yidu-accent-contrast, #ffffff);
  }
  button:focus-visible {
    outline: 3px solid var(--yidu-focus-color, #0b57d0);
    outline-offset: 2px;
  }
  button[aria-disabled='true'] {
    cursor: not-allowed;
    border-style: dashed;
    color: var(--yidu-disabled-color, #595959);
    background: var(--yidu-background, #ffffff);
  }
  .label {
    padding-inline-end: 0.25em;
  }
  .hidden {
    display: none;
  }
  /* A message under a button (a failure, a hint). */
  .note {
    display: block;
    max-width: 20em;
    font-size: 0.875em;
    white-space: normal;
  }
  @media (forced-colors: active) {
    button[aria-pressed='true'] {
      forced-color-adjust: none;
      color: HighlightText;
      background: Highlight;
      border-color: Highlight;
    }
  }
`;
