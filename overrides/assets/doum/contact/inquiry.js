// The checklist as data: which fields apply, what is missing, and the email they become.
// Pure functions over plain values, so node tests cover them without a browser.
import { composeMailto, headerText } from './mailto.js'

// Field keys in form order; the page gives each control id `contact-<key>` and name `<key>`.
export const FIELDS = [
  'service', 'type', 'email', 'summary', 'description', 'screenshot',
  'order', 'paidAt', 'payMethod', 'deviceModel', 'os', 'osVersion', 'appVersion', 'appLatest',
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

function orNone(value) {
  const text = String(value ?? '').trim()
  return text || '-'
}

/** "2026-11-28T14:30" (datetime-local) → "2026-11-28 14:30"; anything else unchanged. */
export function paidAtText(value) {
  return String(value ?? '').replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/, '$1 $2')
}

/**
 * The labelled sections of the body, [{label, text}], in the order an agent reads them.
 * Wording is short on purpose: every Hangul syllable costs 9 characters of the mailto: limit.
 */
export function sectionsOf(values, contact) {
  const sections = [
    { label: '문의 요약', text: orNone(values.summary) },
    { label: '내용', text: orNone(values.description), block: true },
    { label: '계정 이메일', text: orNone(values.email) },
  ]
  if (needsPayment(values, contact)) {
    sections.push({
      label: '결제 정보',
      text: `주문 번호 ${orNone(values.order)} / 결제 일시 ${orNone(paidAtText(values.paidAt))} / 결제 수단 ${orNone(values.payMethod)}`,
    })
  }
  const os = [values.os, values.osVersion].map((v) => String(v ?? '').trim()).filter(Boolean).join(' ')
  sections.push(
    { label: '기기/OS', text: `${orNone(values.deviceModel)} / ${orNone(os)}` },
    { label: '앱 버전', text: orNone(values.appVersion) },
    { label: '최신 버전 여부', text: values.appLatest ? '예' : '확인 안 함' },
    { label: '오류 화면 첨부 안내', text: values.screenshot ? '캡처를 첨부했어요' : '첨부 없음' },
  )
  if (!blank(values.from)) sections.push({ label: '문의한 페이지', text: values.from.trim() })
  return sections
}

/** "[label] text" lines, a block for long text; "\n" breaks that mailto.js turns into CRLF. */
export function bodyOf(sections) {
  const lines = []
  for (const { label, text, block } of sections) {
    if (block || text.includes('\n')) lines.push(`[${label}]`, text, '')
    else lines.push(`[${label}] ${text}`)
  }
  return `${lines.join('\n').trimEnd()}\n`
}

export function shortBodyOf(values) {
  return [
    '문의 내용이 길어서 메일 앱으로 한 번에 넘기지 못했어요.',
    '도움말 센터 문의 페이지에서 [내용 복사]로 복사한 내용을 이 아래에 붙여 넣어 주세요.',
    '',
    `[계정 이메일]`,
    orNone(values.email),
    '',
    '(여기에 붙여 넣기)',
    '',
  ].join('\n')
}

/**
 * Everything the page needs to send: {subject, body, clipboard, href, fits}.
 * `clipboard` is the whole inquiry as plain text for 내용 복사.
 */
export function inquiryOf(values, contact, to) {
  const subject = subjectOf(values)
  const body = bodyOf(sectionsOf(values, contact))
  const { href, fits } = composeMailto({
    to, subject, body, shortBody: shortBodyOf(values), limit: contact.mailto_limit,
  })
  return { subject, body, clipboard: `제목: ${subject}\n\n${body}`, href, fits }
}
