/**
 * 声音: 连读 (the article read aloud, Ctrl+Alt+V), 停止, 指读 (what the pointer rests on or focus reaches,
 * Ctrl+Alt+F) and 语速 (Ctrl+Alt+K). They share the controller's reader: 重置 and 退出 stop it too.
 */
import { html, nothing } from 'lit';
import { SPEECH_RATES } from '../../../core/prefs.js';
import { cycle, toggle, type BarFunction, type Choice } from '../../bar-function.js';
import { PointRead } from './point-read.js';
import { WORDS } from './words.js';

const RATE: Choice<'speechRate'> = {
  menu: 'rate',
  label: 'rate',
  pref: 'speechRate',
  values: SPEECH_RATES,
  labels: { slow: 'rateSlow', normal: 'rateNormal', fast: 'rateFast' },
};

export default {
  prefs: ['speechRate', 'pointRead'],
  words: WORDS,
  effect: ({ speech }) => {
    const point = new PointRead((el) => speech.say(el));
    return { apply: (p) => point.set(p.pointRead && speech.hasVoices()) };
  },
  actions: {
    read: (ctx) => ctx.speech.read(),
    rate: (ctx) => cycle(ctx, RATE),
    pointRead: (ctx) => toggle(ctx, 'pointRead', 'pointRead'),
  },
  control: (ctx) => {
    // No voice for the page's language: 声音 says so and is disabled.
    const voices = !ctx.status.noVoice;
    const state = ctx.status.reading ?? 'idle';
    const off = voices ? 'false' : 'true';
    const why = voices ? nothing : 'no-voices';
    return html`<span class="zoom" role="group" aria-label=${ctx.a('sound')}>
        <button part="button" type="button" data-item="read" aria-disabled=${off} aria-describedby=${why}
          @click=${() => voices && ctx.actions?.read()}>${ctx.a(state === 'playing' ? 'pause' : state === 'paused' ? 'resume' : 'read')}</button>
        <button part="button" type="button" data-item="stop" aria-disabled=${voices && state !== 'idle' ? 'false' : 'true'}
          aria-describedby=${why} @click=${() => ctx.actions?.stopReading()}>${ctx.a('stop')}</button>
        <button part="button" type="button" data-item="pointRead" aria-pressed=${ctx.prefs.pointRead ? 'true' : 'false'} aria-disabled=${off}
          aria-describedby=${why} @click=${() => voices && ctx.setPrefs({ pointRead: !ctx.prefs.pointRead })}>${ctx.a('pointRead')}</button>
        ${ctx.menuButton(RATE)}
      </span>
      ${ctx.choices(RATE)}
      ${voices ? nothing : html`<span id="no-voices" class="hidden">${ctx.a('noVoices')}</span>`}`;
  },
  help: [['read', 'helpRead', 'read'], ['pointRead', 'helpPointRead', 'pointRead'], ['rate', 'helpRate', 'rate']],
} satisfies BarFunction;
