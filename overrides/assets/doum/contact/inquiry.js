// The checklist as data: which fields apply, what is missing, and the email they become.
// Pure functions over plain values, so node tests cover them without a browser.
import { buildMailto, composeMailto, encodedLength, headerText } from './mailto.js'
import { limitFor } from './platform.js'
import { t } from '../shared/strings.js'

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
  const fail = (field, key, values = {}) =>
    errors.push({ field, message: t(`contact.errors.${key}`, values) })
  if (!contact.services.includes(values.service)) fail('service', 'service')
  if (!contact.types.includes(values.type)) fail('type', 'type')
  if (blank(values.email)) fail('email', 'email')
  else if (!EMAIL.test(values.email.trim()) || values.email.trim().length > 254) {
    fail('email', 'email_format')
  }
  if (blank(values.summary)) fail('summary', 'summary')
  else if (Array.from(values.summary.trim()).length > SUMMARY_MAX) {
    fail('summary', 'summary_long', { max: SUMMARY_MAX })
  }
  if (blank(values.description)) fail('description', 'description')
  if (needsPayment(values, contact)) {
    if (blank(values.order)) fail('order', 'order')
    if (blank(values.paidAt)) fail('paidAt', 'paid_at')
    if (blank(values.payMethod)) fail('payMethod', 'pay_method')
  }
  if (blank(values.os)) fail('os', 'os')
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
// The inquiry email's words are in the page's language (contact.mail.*).
const label = (key) => t(`contact.mail.${key}`)

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
  add(label('email'), values.email)
  if (needsPayment(values, contact)) {
    add(label('order'), values.order)
    add(label('paid_at'), paidAtText(trimmed(values.paidAt)))
    add(label('pay_method'), values.payMethod)
  }
  add(label('device'), values.deviceModel)
  if (!blank(values.os)) add(label('os'), `${trimmed(values.os)} ${trimmed(values.osVersion)}`)
  const app = trimmed(values.appVersion)
  if (app || values.appLatest === true)
    add(label('app'), [app, values.appLatest === true ? label('app_latest') : ''].filter(Boolean).join(' '))
  if (values.screenshot === true) add(label('screenshot'), label('screenshot_attached'))
  add(label('page'), values.from)
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
  lines.push('', `[${label('description')}]`, description)
  return `${lines.join('\n')}\n`
}

/** The first line of the copy path's body: the description was copied, paste it below. */
export const COPIED_NOTE = label('copied_note')

/** The body of the copy path: what was copied and where it goes, the facts, an empty [내용]. */
export function shortBodyOf(facts) {
  const lines = [COPIED_NOTE, '', ...facts.map(factLine), '', `[${label('description')}]`, '']
  return lines.join('\n')
}

/** The whole inquiry as plain text, for 문의 내용 복사 (webmail, in-app browsers). */
export function plainTextOf(to, subject, body) {
  const head = to ? `${t('contact.mail.to', { to })}\n` : ''
  return `${head}${t('contact.mail.subject', { subject })}\n\n${body}`
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
