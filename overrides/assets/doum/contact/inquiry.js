// The checklist as data: which fields apply, what is missing, and the email they become.
// Pure functions over plain values, so node tests cover them without a browser.
import { buildMailto, composeMailto, encodedLength, headerText } from './mailto.js'
import { limitFor } from './platform.js'

// Field keys in form order; the page gives each control id `contact-<key>` and name `<key>`.
export const FIELDS = [
  'service',
  'type',
  'email',
  'summary',
  'description',
  'screenshot',
  'order',
  'paidAt',
  'payMethod',
  'deviceModel',
  'os',
  'osVersion',
  'appVersion',
  'appLatest',
]
export const PAYMENT_FIELDS = ['order', 'paidAt', 'payMethod']
export const SUMMARY_MAX = 100

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/

/** Paid services and payment inquiry types need the order number, date and method. */
export function needsPayment(values, contact) {
  return contact.paid_services.includes(values.service) || contact.payment_types.includes(values.type)
}

function blank(value) {
  return !String(value ?? '').trim()
}

/** [{field, message}] in form order; empty when the inquiry can be sent. */
export function validate(values, contact) {
  const errors = []
  const fail = (field, message) => errors.push({ field, message })
  if (!contact.services.includes(values.service)) fail('service', '문의할 서비스를 골라 주세요.')
  if (!contact.types.includes(values.type)) fail('type', '문의 유형을 골라 주세요.')
  if (blank(values.email)) fail('email', '카카오 계정 이메일을 입력해 주세요.')
  else if (!EMAIL.test(values.email.trim()) || values.email.trim().length > 254) {
    fail('email', '이메일 주소를 name@example.com 형식으로 입력해 주세요.')
  }
  if (blank(values.summary)) fail('summary', '문의 내용을 한 줄로 요약해 주세요.')
  else if (Array.from(values.summary.trim()).length > SUMMARY_MAX) {
    fail('summary', `한 줄 요약은 ${SUMMARY_MAX}자 이내로 줄여 주세요.`)
  }
  if (blank(values.description)) fail('description', '어떤 문제가 있는지 내용을 적어 주세요.')
  if (needsPayment(values, contact)) {
    if (blank(values.order)) fail('order', '주문 번호를 입력해 주세요. 결제 내역에서 찾을 수 있어요.')
    if (blank(values.paidAt)) fail('paidAt', '결제한 날짜와 시간을 입력해 주세요.')
    if (blank(values.payMethod)) fail('payMethod', '결제 수단을 입력해 주세요. 예: 신용카드')
  }
  if (blank(values.os)) fail('os', '사용하는 기기의 OS를 골라 주세요.')
  return errors
}

/** "[이모티콘/결제/환불] 구매한 이모티콘이 안 보여요" */
export function subjectOf(values) {
  const tag = [values.service, values.type].map(headerText).filter(Boolean).join('/')
  return headerText(`${tag ? `[${tag}] ` : ''}${values.summary ?? ''}`)
}

function trimmed(value) {
  return String(value ?? '').trim()
}

/** "2026-11-28T14:30" (datetime-local) → "2026-11-28 14:30"; anything else unchanged. */
export function paidAtText(value) {
  return String(value ?? '').replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/, '$1 $2')
}

// Every Hangul syllable costs 9 characters of a mailto: link (3 UTF-8 bytes, each %XX).
export const HANGUL_COST = 9
export const DESCRIPTION_LABEL = '내용'

/**
 * The structured facts, [{label, text}], one line each in the order an agent reads them.
 * Only what the customer filled in: an empty optional field costs nothing. Labels are short
 * on purpose, so the link's budget goes to the customer's own words.
 */
export function factsOf(values, contact) {
  const facts = []
  const add = (label, text) => {
    const line = headerText(text)
    if (line) facts.push({ label, text: line })
  }
  add('이메일', values.email)
  if (needsPayment(values, contact)) {
    add('주문번호', values.order)
    add('결제일시', paidAtText(trimmed(values.paidAt)))
    add('결제수단', values.payMethod)
  }
  add('기기', values.deviceModel)
  if (!blank(values.os)) add('OS', `${trimmed(values.os)} ${trimmed(values.osVersion)}`)
  const app = trimmed(values.appVersion)
  if (app || values.appLatest === true)
    add('앱', [app, values.appLatest === true ? '(최신)' : ''].filter(Boolean).join(' '))
  if (values.screenshot === true) add('캡처', '첨부')
  add('페이지', values.from)
  return facts
}

/** The description as it goes into the body: outer blank lines dropped, inner text untouched. */
export function descriptionText(values) {
  return String(values.description ?? '')
    .replace(/^(?:[ \t]*(?:\r\n|[\r\n]))+/, '')
    .trimEnd()
}

/** "label: text" ([ ] would cost 6 characters a line once encoded, a colon 3). */
export const factLine = ({ label, text }) => `${label}: ${text}`

/** The body: one line per fact, then [내용] and the description. "\n" breaks (CRLF in the link). */
export function bodyOf(facts, description) {
  const lines = facts.map(factLine)
  lines.push('', `[${DESCRIPTION_LABEL}]`, description)
  return `${lines.join('\n')}\n`
}

export const COPIED_NOTE = '자세한 내용은 길어서 복사해 두었어요. 맨 아래 [내용] 밑에 붙여 넣어 주세요.'

/** The body of the copy path: what was copied and where it goes, the facts, an empty [내용]. */
export function shortBodyOf(facts) {
  const lines = [COPIED_NOTE, '', ...facts.map(factLine), '', `[${DESCRIPTION_LABEL}]`, '']
  return lines.join('\n')
}

/** The whole inquiry as plain text, for 문의 내용 복사 (webmail, in-app browsers). */
export function plainTextOf(to, subject, body) {
  return `${to ? `받는 사람: ${to}\n` : ''}제목: ${subject}\n\n${body}`
}

/**
 * Everything the page needs to send: {subject, body, text, href, fits, room, limit, description}.
 * `fits`: the whole inquiry is in `href`. Otherwise `href` has the subject, the facts and a
 * first line asking to paste the description, which the page copies (`description`).
 * `room`: link characters left (negative when over), for the counter under the description.
 */
export function inquiryOf(values, contact, to, limit = limitFor(contact.mailto_limit, 'desktop')) {
  const subject = subjectOf(values)
  const facts = factsOf(values, contact)
  const description = descriptionText(values)
  const body = bodyOf(facts, description)
  const full = buildMailto({ to, subject, body })
  let shortFacts = facts
  let composed = composeMailto({ to, subject, body, shortBody: shortBodyOf(facts), limit })
  // A limit too small even for the subject cut down: the last facts go first.
  while (!composed.fits && composed.href.length > limit && shortFacts.length) {
    shortFacts = shortFacts.slice(0, -1)
    composed = composeMailto({ to, subject, body, shortBody: shortBodyOf(shortFacts), limit })
  }
  // Not even the note fits (a limit of a few hundred): the subject alone, cut to fit.
  if (composed.href.length > limit) composed = composeMailto({ to, subject, body, shortBody: '', limit })
  return {
    subject,
    body,
    facts,
    description,
    limit,
    text: plainTextOf(headerText(to), subject, body),
    href: composed.href,
    fits: composed.fits,
    room: limit - full.length,
    cost: encodedLength(description),
  }
}
