// shared/strings.js: t() looks a dotted key up in the site data's `strings`, fills {placeholders},
// and answers a missing key with the key itself (logged once, never thrown); and the browser
// modules speak English with the English catalog (times still on the calendar's clock).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'

import { KOREAN, LANGUAGES, readCatalog } from './catalog.mjs'
import {
  formatCount,
  locale,
  parts,
  plural,
  t,
  useStrings,
} from '../../overrides/assets/doum/shared/strings.js'
import { describeState, formatDateTime, supportState } from '../../overrides/assets/doum/launcher/calendar.js'
import { factsOf, inquiryOf, validate } from '../../overrides/assets/doum/contact/inquiry.js'
import { inAppOf } from '../../overrides/assets/doum/contact/platform.js'
import { fromUserAgent } from '../../overrides/assets/doum/contact/device.js'
import { choiceText } from '../../overrides/assets/doum/shared/consent-state.js'

const ENGLISH = readCatalog('en')
const SITE_MODULE = new URL('../../overrides/assets/doum/shared/strings.js', import.meta.url)
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/
const calendar = JSON.parse(
  readFileSync(new URL('../support/fixtures/support-calendar.json', import.meta.url), 'utf8'),
)
const kst = (text) => new Date(`${text}+09:00`)

/** Run `check` with `strings` as the page's catalog, then go back to Korean. */
function withStrings(strings, check) {
  useStrings(strings)
  try {
    check()
  } finally {
    useStrings(KOREAN)
  }
}

function capturedWarnings(action) {
  const warnings = []
  const original = console.warn
  console.warn = (...args) => warnings.push(args.join(' '))
  try {
    action()
  } finally {
    console.warn = original
  }
  return warnings
}

test('t() finds a nested key and fills its placeholders', () => {
  withStrings({ a: { b: { c: '{who}님, {count}개 남았어요 {who}' } } }, () => {
    assert.equal(t('a.b.c', { who: '민수', count: 3 }), '민수님, 3개 남았어요 민수')
    assert.equal(t('a.b.c', { who: '민수' }), '민수님, {count}개 남았어요 민수', 'no value: left as written')
    assert.equal(t('a.b.c', { who: '$& {count}', count: 1 }), '$& {count}님, 1개 남았어요 $& {count}')
  })
})

test('a missing key reads as the key, is logged once and never throws', () => {
  withStrings({ a: { b: 'text' }, list: ['x'] }, () => {
    const warnings = capturedWarnings(() => {
      for (const key of ['a.nope', 'a.nope', 'a', 'a.b.c', 'list.0', 'toString', '__proto__.x', '']) {
        assert.equal(t(key), key)
      }
    })
    assert.equal(warnings.filter((line) => line.includes('"a.nope"')).length, 1)
    assert.ok(warnings.some((line) => line.includes('"toString"')))
  })
})

test('strings come from the site data (#doum-site); data of the wrong shape reads as missing keys', async () => {
  // A fresh strings.js over the shared site.js, whose site data nothing in this file read yet.
  const site = { strings: { launcher: { agent_open: 'Agents available' } } }
  globalThis.document = {
    getElementById: (id) => (id === 'doum-site' ? { textContent: JSON.stringify(site) } : null),
  }
  try {
    const fresh = await import(`${SITE_MODULE.href}?fresh`)
    assert.equal(fresh.t('launcher.agent_open'), 'Agents available')
  } finally {
    delete globalThis.document
  }
  for (const broken of [['x'], 'x', null, 7]) {
    withStrings(broken, () => {
      capturedWarnings(() => assert.equal(t('launcher.agent_open'), 'launcher.agent_open'))
    })
  }
})

test('parts() splits a sentence around an element', () => {
  const link = { element: 'a' }
  withStrings({ s: '찾는 답이 없나요? {link} 양식으로 알려 주세요.', e: '{link} first', n: 'none' }, () => {
    assert.deepEqual(parts('s', { link }), ['찾는 답이 없나요? ', link, ' 양식으로 알려 주세요.'])
    assert.deepEqual(parts('e', { link }), [link, ' first'])
    assert.deepEqual(parts('n', { link }), ['none'])
  })
})

test('plural() picks the form of the catalog locale', () => {
  withStrings(ENGLISH, () => {
    assert.equal(locale(), 'en-US')
    assert.equal(plural('launcher.answers', 1), '1 answer that may help')
    assert.equal(plural('launcher.answers', 3), '3 answers that may help')
  })
  assert.equal(locale(), 'ko-KR')
  assert.equal(plural('launcher.answers', 1), '도움이 될 만한 답변 1개')
  withStrings({ locale: 'not a locale!', n: { other: '{count} things' } }, () => {
    assert.equal(locale(), undefined)
    assert.equal(plural('n', 1), '1 things', 'a catalog without a form falls back to other')
  })
})

test("formatCount() writes a count as Intl does in each catalog's locale, without asking Intl", () => {
  const counts = [0, 7, 999, 1000, 3333, 12345, 999999, 1234567, -1234, 2.7, Number.NaN]
  for (const language of LANGUAGES) {
    withStrings(readCatalog(language), () => {
      for (const count of counts) {
        const expected = Number.isNaN(count) ? '0' : Math.trunc(count).toLocaleString(locale())
        assert.equal(formatCount(count), expected, `${language}: ${count}`)
      }
    })
  }
  withStrings({ locale: 'en-US', n: { other: '{count} things' } }, () => {
    assert.equal(formatCount(1234), '1234', 'a catalog without a digit_group mark writes plain digits')
  })
})

test('the Korean and English catalogs have the same keys and placeholders', () => {
  const flat = (tree, prefix = '') =>
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'string' ? [[prefix + key, value]] : flat(value, `${prefix}${key}.`),
    )
  const english = new Map(flat(ENGLISH))
  const names = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort()
  for (const [key, text] of flat(KOREAN)) {
    assert.ok(english.has(key), `en lacks ${key}`)
    assert.deepEqual(names(english.get(key)), names(text), key)
    assert.ok(!HANGUL.test(english.get(key)), `en ${key} is English`)
  }
  assert.equal(english.size, flat(KOREAN).length)
})

test('the support state in English, times in KST and the visitor zone', () => {
  const monday = kst('2025-12-01T10:00')
  assert.equal(formatDateTime(monday, 'Asia/Seoul'), '12월 1일(월) 10:00')
  withStrings(ENGLISH, () => {
    assert.equal(formatDateTime(monday, 'Asia/Seoul'), 'Mon, Dec 1, 10:00')
    const state = (at, zone) => describeState(supportState(kst(at), calendar), calendar, zone)
    assert.deepEqual(state('2026-12-02T11:00', 'Asia/Seoul'), {
      agent: 'Agents available',
      detail: 'Until 12:00',
    })
    assert.deepEqual(state('2026-12-02T11:00', 'Europe/Berlin'), {
      agent: 'Agents available',
      detail: 'Until 12:00 Korea time (your time 04:00)',
    })
    assert.deepEqual(state('2026-12-02T12:30', 'Asia/Seoul'), {
      agent: 'Agents on 점심시간',
      detail: 'Back at 13:00',
    })
    const friday = state('2026-12-04T19:00', 'America/Los_Angeles')
    assert.equal(friday.agent, 'Agents are offline right now')
    assert.equal(friday.detail, 'Next available: Mon, Dec 7, 10:00 Korea time (your time Sun, Dec 6, 17:00)')
    for (const text of Object.values(state('2026-12-31T11:00', 'Asia/Seoul'))) {
      assert.ok(!HANGUL.test(text.replace(calendar.closed['2026-12-31'], '')), text)
    }
  })
})

test('the contact form checks and the inquiry email speak the page language', () => {
  const contact = {
    services: ['KakaoTalk'],
    paid_services: ['KakaoTalk'],
    types: ['Payment'],
    payment_types: [],
    mailto_limit: { desktop: 1800, mobile: 30000 },
  }
  const values = { service: 'KakaoTalk', type: 'Payment', email: 'me@example.com', os: 'Android' }
  withStrings(ENGLISH, () => {
    const errors = validate({ ...values, summary: 'x'.repeat(101) }, contact)
    assert.ok(errors.some((error) => error.message === 'Keep the one-line summary under 100 characters.'))
    for (const { message } of errors) assert.ok(!HANGUL.test(message), message)
    const facts = factsOf({ ...values, appVersion: '25.9', appLatest: true, screenshot: true }, contact)
    assert.deepEqual(
      facts.map((fact) => `${fact.label}: ${fact.text}`),
      ['Email: me@example.com', 'OS: Android', 'App: 25.9 (latest)', 'Screenshot: attached'],
    )
    const inquiry = inquiryOf(
      { ...values, summary: 'Refund', description: 'Hello' },
      contact,
      'help@example.com',
    )
    assert.match(inquiry.text, /^To: help@example\.com\nSubject: \[KakaoTalk\/Payment\] Refund\n/)
    assert.ok(inquiry.text.includes('\n[Details]\nHello'))
    assert.equal(inAppOf('Mozilla/5.0 KAKAOTALK 10.4.3'), 'KakaoTalk')
    assert.deepEqual(fromUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64)').osVersion, '10 or later')
    assert.equal(choiceText(''), "You haven't chosen yet. Nothing is sent until you do.")
  })
})
