// The mailto builder against an independent RFC 6068 decoder (byte-level UTF-8, no decodeURIComponent).
import { test } from 'node:test'
import assert from 'node:assert/strict'

import {
  buildMailto,
  composeMailto,
  headerText,
  bodyText,
  cutText,
} from '../../overrides/assets/doum/contact/mailto.js'
import {
  inquiryOf,
  validate,
  subjectOf,
  needsPayment,
  paidAtText,
} from '../../overrides/assets/doum/contact/inquiry.js'

const CONTACT = {
  services: ['카카오톡', '카카오페이', '선물하기', '이모티콘'],
  paid_services: ['카카오페이', '선물하기', '이모티콘'],
  types: ['계정/로그인', '결제/환불', '오류/장애', '설정', '기타'],
  payment_types: ['결제/환불'],
  mailto_limit: 1800,
}
const TO = 'help@example.com'

// RFC 3986 unreserved + RFC 6068 some-delims, ":" "@" in values; "=" "&" "?" only as separators.
const QCHAR = /^(?:[A-Za-z0-9\-._~!$'()*+,;:@]|%[0-9A-F]{2})*$/

function percentDecode(text) {
  const bytes = []
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '%') {
      assert.match(text.slice(i, i + 3), /^%[0-9A-F]{2}$/, `bad escape at ${i}`)
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16))
      i += 2
    } else {
      const code = text.charCodeAt(i)
      assert.ok(code < 0x80, 'raw non-ASCII in URL')
      bytes.push(code)
    }
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes))
}

/** {to: [..], headers: {name: value}} — fails on anything RFC 6068 would not parse the same way. */
function decodeMailto(url) {
  assert.ok(url.startsWith('mailto:'))
  const rest = url.slice('mailto:'.length)
  assert.equal(rest.split('?').length <= 2, true, 'more than one ?')
  assert.ok(!rest.includes('#'), 'fragment in a mailto URL')
  const [toPart, query = ''] = rest.split('?')
  const to = toPart.split(',').map(percentDecode)
  const headers = {}
  for (const field of query ? query.split('&') : []) {
    const parts = field.split('=')
    assert.equal(parts.length, 2, `field ${field.slice(0, 40)} is not name=value`)
    assert.match(parts[1], QCHAR)
    const name = percentDecode(parts[0]).toLowerCase()
    assert.ok(!(name in headers), `duplicate header ${name}`)
    headers[name] = percentDecode(parts[1])
  }
  return { to, headers }
}

const NASTY = [
  'a\r\nBcc: evil@example.net',
  'x&to=evil@example.net',
  'x?cc=evil@example.net',
  '#fragment',
  '100% 확실 %0D%0A %41',
  'a=b+c d',
  '이모티콘 😀👍🏽 🇰🇷 결제',
  'tab\there \u2028 sep \u0085 nel \u0000 nul',
  'lone \uD83D surrogate',
]

test('a plain inquiry round-trips: one recipient, subject and body only', () => {
  const url = buildMailto({
    to: TO,
    subject: '[이모티콘/결제/환불] 구매한 이모티콘이 안 보여요',
    body: '첫 줄\n둘째 줄',
  })
  const { to, headers } = decodeMailto(url)
  assert.deepEqual(to, [TO])
  assert.deepEqual(Object.keys(headers), ['subject', 'body'])
  assert.equal(headers.subject, '[이모티콘/결제/환불] 구매한 이모티콘이 안 보여요')
  assert.equal(headers.body, '첫 줄\r\n둘째 줄')
  assert.ok(url.includes('%0D%0A'))
  assert.ok(url.includes('%EC%9D%B4%EB%AA%A8%ED%8B%B0%EC%BD%98'), 'UTF-8 percent-encoding of 이모티콘')
})

for (const attack of NASTY) {
  test(`injection attempt stays text: ${JSON.stringify(attack)}`, () => {
    const url = buildMailto({ to: TO, subject: attack, body: `${attack}\n${attack}` })
    const { to, headers } = decodeMailto(url)
    assert.deepEqual(to, [TO])
    assert.deepEqual(Object.keys(headers).sort(), ['body', 'subject'])
    assert.doesNotMatch(headers.subject, /[\r\n\u0000-\u001F\u0085\u2028\u2029]/)
    assert.equal(headers.subject, headerText(attack))
    // Every break in the body is CRLF; no bare CR or LF, no NUL.
    assert.doesNotMatch(headers.body.replace(/\r\n/g, ''), /[\r\n\u0000\u0085\u2028\u2029]/)
    assert.equal(headers.body, bodyText(`${attack}\n${attack}`))
  })
}

test('the text a customer types survives exactly, apart from line-break normalisation', () => {
  const text = 'x&to=evil?cc=a#b %41 + = 😀 "quotes" <tag> \\ / ;,:@'
  const { headers } = decodeMailto(buildMailto({ to: TO, subject: text, body: text }))
  assert.equal(headers.subject, text)
  assert.equal(headers.body, text)
})

test('lone surrogates become U+FFFD instead of throwing', () => {
  const { headers } = decodeMailto(buildMailto({ to: TO, subject: 'a\uD83Db', body: '\uDE00' }))
  assert.equal(headers.subject, 'a\uFFFDb')
  assert.equal(headers.body, '\uFFFD')
})

const VALID = {
  service: '이모티콘',
  type: '결제/환불',
  email: 'me@example.com',
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

test('the inquiry body has every labelled section, subject [service/type] summary', () => {
  const { href, fits, subject } = inquiryOf(VALID, CONTACT, TO)
  assert.equal(fits, true)
  assert.equal(subject, '[이모티콘/결제/환불] 구매한 이모티콘이 안 보여요')
  const { headers } = decodeMailto(href)
  assert.equal(headers.subject, subject)
  const lines = headers.body.split('\r\n')
  for (const label of ['이메일', '주문번호', '결제일시', '결제수단', '기기', 'OS', '앱', '캡처', '페이지']) {
    assert.ok(
      lines.some((line) => line.startsWith(`${label}: `)),
      label,
    )
  }
  assert.ok(lines.includes('[내용]'))
  assert.ok(headers.body.includes('어제 결제했는데\r\n목록에 없어요'))
  assert.ok(lines.includes('결제일시: 2026-11-27 21:05'))
  assert.ok(lines.includes('기기: SM-S918N') && lines.includes('OS: Android 14'))
})

test('the payment section appears only for paid services or payment types', () => {
  const free = { ...VALID, service: '카카오톡', type: '설정' }
  assert.equal(needsPayment(free, CONTACT), false)
  assert.ok(!decodeMailto(inquiryOf(free, CONTACT, TO).href).headers.body.includes('주문번호'))
  assert.equal(needsPayment({ ...free, type: '결제/환불' }, CONTACT), true)
  assert.equal(needsPayment({ ...free, service: '선물하기' }, CONTACT), true)
})

test('validation names each missing field in form order; payment only when it applies', () => {
  assert.deepEqual(validate(VALID, CONTACT), [])
  const errors = validate({ service: '이모티콘' }, CONTACT).map((e) => e.field)
  assert.deepEqual(errors, ['type', 'email', 'summary', 'description', 'order', 'paidAt', 'payMethod', 'os'])
  const freeErrors = validate({ service: '카카오톡', type: '설정' }, CONTACT).map((e) => e.field)
  assert.ok(!freeErrors.includes('order'))
  assert.deepEqual(
    validate({ ...VALID, email: 'not-an-email' }, CONTACT).map((e) => e.field),
    ['email'],
  )
  assert.deepEqual(
    validate({ ...VALID, service: '<b>없는 서비스</b>' }, CONTACT).map((e) => e.field),
    ['service'],
  )
})

test('a 5,000-character description passes the limit: short body, flagged, still one clean link', () => {
  const long = '가나다라마바사 😀 & ? # % = +\n'.repeat(250)
  assert.ok(long.length >= 5000)
  const result = inquiryOf({ ...VALID, description: long }, CONTACT, TO)
  assert.equal(result.fits, false)
  assert.ok(result.href.length <= CONTACT.mailto_limit, `${result.href.length}`)
  const { to, headers } = decodeMailto(result.href)
  assert.deepEqual(to, [TO])
  assert.equal(headers.subject, result.subject)
  assert.ok(headers.body.includes('붙여 넣어'))
  assert.ok(headers.body.includes('me@example.com'))
  assert.equal(result.description, long.trimEnd(), 'the send button copies the description')
  assert.ok(result.text.includes(long.trimEnd()), '문의 내용 복사 holds everything')
})

test('the cut-off is exactly the limit: one character under fits, one over does not', () => {
  const full = buildMailto({ to: TO, subject: 's', body: 'b'.repeat(100) })
  const exact = composeMailto({
    to: TO,
    subject: 's',
    body: 'b'.repeat(100),
    shortBody: 'short',
    limit: full.length,
  })
  assert.equal(exact.fits, true)
  assert.equal(exact.href, full)
  const over = composeMailto({
    to: TO,
    subject: 's',
    body: 'b'.repeat(100),
    shortBody: 'short',
    limit: full.length - 1,
  })
  assert.equal(over.fits, false)
  assert.ok(over.href.length <= full.length - 1)
})

test('a subject too long for the limit alone is shortened without splitting emoji', () => {
  const subject = '😀'.repeat(400)
  const result = composeMailto({ to: TO, subject, body: 'x', shortBody: 'paste', limit: 600 })
  assert.equal(result.fits, false)
  assert.ok(result.href.length <= 600)
  const { headers } = decodeMailto(result.href)
  assert.match(headers.subject, /^(😀)+…$/u)
})

test('helpers: subject has no line breaks, datetime-local reads as date and time, cut keeps pairs', () => {
  assert.equal(
    subjectOf({ service: '카카오톡', type: '기타', summary: '줄\r\n바꿈' }),
    '[카카오톡/기타] 줄 바꿈',
  )
  assert.equal(paidAtText('2026-01-02T03:04'), '2026-01-02 03:04')
  assert.equal(cutText('😀😀😀', 2), '😀…')
})
