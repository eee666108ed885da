// The compact body and its budget: which facts appear and in what order, CRLF, and the
// arithmetic that decides whether the whole inquiry fits the link on each platform's limit.
import { test } from 'node:test'
import assert from 'node:assert/strict'

import { inquiryOf, factsOf, COPIED_NOTE, HANGUL_COST } from '../../overrides/assets/doum/contact/inquiry.js'
import { buildMailto, encodedLength, fitEncoded } from '../../overrides/assets/doum/contact/mailto.js'

const CONTACT = {
  services: ['카카오톡', '카카오페이', '선물하기', '이모티콘'],
  paid_services: ['카카오페이', '선물하기', '이모티콘'],
  types: ['계정/로그인', '결제/환불', '오류/장애', '설정', '기타'],
  payment_types: ['결제/환불'],
  mailto_limit: { desktop: 1800, mobile: 30000 },
}
const TO = 'help@example.com'
const FULL = {
  service: '이모티콘',
  type: '결제/환불',
  email: 'me+kakao@example.com',
  summary: '구매한 이모티콘이 안 보여요',
  description: '어제 결제했는데\n목록에 없어요',
  screenshot: true,
  order: 'A-123',
  paidAt: '2026-11-27T21:05',
  payMethod: '신용카드',
  deviceModel: 'SM-S918N',
  os: 'Android',
  osVersion: '14',
  appVersion: '25.9.1',
  appLatest: true,
  from: 'https://help.example.com/paid/emoticon-refund/',
}
const BARE = {
  service: '카카오톡',
  type: '설정',
  email: 'a@example.com',
  summary: '알림이 안 와요',
  description: '설정은 켰어요',
  screenshot: false,
  order: '',
  paidAt: '',
  payMethod: '',
  deviceModel: '',
  os: 'iOS',
  osVersion: '',
  appVersion: '',
  appLatest: false,
  from: '',
}

/** Percent-decoding at the byte level; throws on a broken %-sequence or invalid UTF-8. */
function strictDecode(text) {
  const bytes = []
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '%') {
      assert.match(text.slice(i, i + 3), /^%[0-9A-F]{2}$/, `broken escape at ${i}`)
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16))
      i += 2
    } else bytes.push(text.charCodeAt(i))
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes))
}

function bodyOfHref(href) {
  const match = href.match(/[?&]body=([^&]*)/)
  return match ? strictDecode(match[1]) : ''
}

const hangul = (count) =>
  Array.from({ length: count }, (_, i) => '가나다라마바사아자차카타파하'[i % 14]).join('')

test('facts come in the order an agent reads them, one line each, then [내용]', () => {
  assert.deepEqual(
    factsOf(FULL, CONTACT).map((fact) => fact.label),
    ['이메일', '주문번호', '결제일시', '결제수단', '기기', 'OS', '앱', '캡처', '페이지'],
  )
  const lines = bodyOfHref(inquiryOf(FULL, CONTACT, TO, 1800).href).split('\r\n')
  assert.deepEqual(lines, [
    '이메일: me+kakao@example.com',
    '주문번호: A-123',
    '결제일시: 2026-11-27 21:05',
    '결제수단: 신용카드',
    '기기: SM-S918N',
    'OS: Android 14',
    '앱: 25.9.1 (최신)',
    '캡처: 첨부',
    '페이지: https://help.example.com/paid/emoticon-refund/',
    '',
    '[내용]',
    '어제 결제했는데',
    '목록에 없어요',
    '',
  ])
})

test('empty optional fields, unchecked boxes and payment for a free service are left out', () => {
  assert.deepEqual(factsOf(BARE, CONTACT), [
    { label: '이메일', text: 'a@example.com' },
    { label: 'OS', text: 'iOS' },
  ])
  const paidButEmpty = { ...BARE, service: '이모티콘', order: 'B-1' }
  assert.deepEqual(
    factsOf(paidButEmpty, CONTACT).map((f) => f.label),
    ['이메일', '주문번호', 'OS'],
  )
  assert.deepEqual(factsOf({ ...BARE, appLatest: true }, CONTACT).at(-1), { label: '앱', text: '(최신)' })
  // A payment value typed before switching to a free service does not leak into the mail.
  assert.ok(
    !bodyOfHref(inquiryOf({ ...FULL, service: '카카오톡', type: '설정' }, CONTACT, TO, 1800).href).includes(
      'A-123',
    ),
  )
})

test('every line break is CRLF, the body ends with one, the subject is [service/type] summary', () => {
  const { href, subject } = inquiryOf({ ...FULL, description: 'a\rb\nc\r\nd\u2028e' }, CONTACT, TO, 1800)
  const body = bodyOfHref(href)
  assert.equal(body.replace(/\r\n/g, '').match(/[\r\n]/), null)
  assert.ok(body.endsWith('a\r\nb\r\nc\r\nd\r\ne\r\n'))
  assert.equal(subject, '[이모티콘/결제/환불] 구매한 이모티콘이 안 보여요')
})

for (const limit of [900, 1800, 2083, 30000]) {
  for (const values of [FULL, BARE]) {
    test(`limit ${limit} (${values === FULL ? 'all fields' : 'bare'}): exactly the limit fits, one more character does not`, () => {
      const base = buildMailto({
        to: TO,
        subject: inquiryOf(values, CONTACT, TO, limit).subject,
        body: inquiryOf({ ...values, description: '' }, CONTACT, TO, limit).body,
      }).length
      const budget = limit - base
      assert.ok(budget > HANGUL_COST, `room for a description at ${limit}`)
      const syllables = Math.floor(budget / HANGUL_COST)
      const exact = hangul(syllables) + 'a'.repeat(budget - syllables * HANGUL_COST)
      assert.equal(encodedLength(exact), budget)

      const at = inquiryOf({ ...values, description: exact }, CONTACT, TO, limit)
      assert.equal(at.href.length, limit)
      assert.equal(at.fits, true)
      assert.equal(at.room, 0)
      assert.ok(bodyOfHref(at.href).includes(exact), 'the whole description is in the link')

      const under = inquiryOf({ ...values, description: exact.slice(0, -1) }, CONTACT, TO, limit)
      assert.equal(under.fits, true)
      assert.equal(under.room, exact.endsWith('a') ? 1 : HANGUL_COST)

      const over = inquiryOf({ ...values, description: `${exact}a` }, CONTACT, TO, limit)
      assert.equal(over.fits, false)
      assert.equal(over.room, -1)
      assert.ok(over.href.length <= limit)
      const body = bodyOfHref(over.href)
      assert.ok(
        body.startsWith(`${COPIED_NOTE}\r\n`),
        'the first line says what was copied and where it goes',
      )
      assert.ok(!body.includes('가나다'), 'no half description')
      assert.equal(over.description, `${exact}a`, 'what the send button copies')
      if (limit >= 1800) {
        for (const { label, text } of factsOf(values, CONTACT))
          assert.ok(body.includes(`${label}: ${text}\r\n`), label)
      }
    })
  }
}

test('a cut never splits a syllable, an emoji or a CRLF into a broken %-sequence', () => {
  const text = '가😀a\n나 다%라\u00e9'.repeat(4)
  let previous = ''
  for (let budget = 0; budget <= encodedLength(text) + 1; budget++) {
    const cut = fitEncoded(text, budget)
    assert.ok(text.startsWith(cut), `prefix at ${budget}`)
    const encoded = encodeURIComponent(cut.replace(/\n/g, '\r\n'))
    assert.ok(encoded.length <= budget, `within ${budget}`)
    assert.equal(strictDecode(encoded), cut.replace(/\n/g, '\r\n'))
    assert.ok(cut.length >= previous.length, 'monotonic')
    if (cut !== text) {
      const next = Array.from(text.slice(cut.length))[0]
      assert.ok(encodedLength(cut + next) > budget, `the longest prefix at ${budget}`)
    }
    previous = cut
  }
  // A syllable is 9: budgets 9k … 9k+8 keep k syllables.
  for (let j = 0; j < 9; j++) assert.equal(fitEncoded(hangul(10), 27 + j), hangul(3))
})

test('a summary too long for a tiny limit is cut, facts dropped last-first, the link still valid', () => {
  const result = inquiryOf(
    { ...FULL, summary: '아주 긴 요약 '.repeat(14), description: hangul(500) },
    CONTACT,
    TO,
    300,
  )
  assert.equal(result.fits, false)
  assert.ok(result.href.length <= 300, `${result.href.length}`)
  strictDecode(result.href.slice('mailto:'.length))
})
