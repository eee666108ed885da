// Runs a bundle built by doum (src/doum/site/bundle.py) next to the ES modules it came from and
// prints, per case, whether both give the same answer. Called by test_bundle.py:
//   node bundle_parity.mjs <bundle.js> <assets/doum folder>
// The cases call pure functions whose sources use what the minifier must get right: template
// literals, regular expressions (lookbehind, classes with slashes), optional chaining, default
// parameters, spread and Korean text.
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import vm from 'node:vm'

const [bundlePath, assets] = process.argv.slice(2)
const bundleUrl = pathToFileURL(bundlePath).href
globalThis.window = globalThis
globalThis.document = { currentScript: { src: bundleUrl }, baseURI: bundleUrl }
vm.runInThisContext(readFileSync(bundlePath, 'utf8'), { filename: bundlePath })
const registry = globalThis.__doumModules

const CONTACT = {
  services: ['카카오톡', '이모티콘'],
  paid_services: ['이모티콘'],
  types: ['계정/로그인', '결제/환불'],
  payment_types: ['결제/환불'],
  mailto_limit: { desktop: 1800, mobile: 30000 },
}
const VALUES = {
  service: '이모티콘',
  type: '결제/환불',
  email: 'me+kakao@example.com',
  summary: '구매한 이모티콘이 `목록`에 안 보여요 & ? # %',
  description: '어제 밤에 결제했어요.\r\n이모티콘 탭에\u2028아무것도 없어요.\t\u0007끝',
  order: 'E-2026-1128',
  paidAt: '2026-11-27T21:05',
  payMethod: '신용카드',
}
const UA =
  'Mozilla/5.0 (Linux; Android 14; SM-S918N) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120 Mobile Safari/537.36 KAKAOTALK 10.4.3'
const CASES = [
  ['contact/mailto.js', 'headerText', ['제목\r\n둘째\t줄 \uD800 끝']],
  ['contact/mailto.js', 'buildMailto', [{ to: 'help@example.com', subject: '환불', body: '줄1\n줄2 & 3' }]],
  ['contact/mailto.js', 'encodedLength', ['한글 text %']],
  ['contact/mailto.js', 'cutText', ['가나다라마바사', 4]],
  ['contact/inquiry.js', 'validate', [VALUES, CONTACT]],
  ['contact/inquiry.js', 'validate', [{ ...VALUES, email: 'not an address', summary: '' }, CONTACT]],
  ['contact/inquiry.js', 'inquiryOf', [VALUES, CONTACT, 'help@example.com']],
  [
    'contact/inquiry.js',
    'inquiryOf',
    [{ ...VALUES, description: '가'.repeat(900) }, CONTACT, 'help@example.com'],
  ],
  ['contact/device.js', 'fromUserAgent', [UA]],
  ['contact/platform.js', 'inAppOf', [UA]],
  ['contact/platform.js', 'externalOpenUrl', [UA, 'https://help.example.com/contact/?q=%ED%99%98%EB%B6%88']],
  ['launcher/calendar.js', 'formatDateTime', [Date.UTC(2026, 2, 4, 2, 30), 'Asia/Seoul']],
  ['launcher/calendar.js', 'visitorTime', [Date.UTC(2026, 2, 4, 2, 30), 'Asia/Seoul', 'Europe/Berlin']],
]

const lines = []
for (const [id, name, args] of CASES) {
  const original = await import(pathToFileURL(`${assets}/${id}`).href)
  const run = (fn) => {
    try {
      return JSON.stringify(fn(...structuredClone(args)))
    } catch (error) {
      return `throws ${error?.name}`
    }
  }
  const bundled = registry[id]?.[name]
  const same = typeof bundled === 'function' && run(bundled) === run(original[name])
  lines.push(`${same ? 'same' : 'DIFFERENT'} ${id} ${name}`)
  // Every export of the module is there, with the same kind of value.
  for (const key of Object.keys(original)) {
    if (typeof registry[id]?.[key] !== typeof original[key]) lines.push(`DIFFERENT ${id} export ${key}`)
  }
}
// import.meta.url reads as the module's own URL beside the bundle: <site>/assets/doum/shared/site.js.
lines.push(`root ${registry['shared/site.js']?.SITE_ROOT?.href}`)
console.log(lines.join('\n'))
