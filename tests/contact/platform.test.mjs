// Which limit a device gets, which in-app browsers are recognised, the way out to the phone's
// browser, and what the optional receiver is sent and how its answer is read.
import { test } from 'node:test'
import assert from 'node:assert/strict'

import {
  platformOf,
  limitFor,
  inAppOf,
  externalOpenUrl,
} from '../../overrides/assets/doum/contact/platform.js'
import { payloadOf, readAnswer, receiptNumber } from '../../overrides/assets/doum/contact/receiver.js'
import { inquiryOf } from '../../overrides/assets/doum/contact/inquiry.js'

const UA = {
  iphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  android:
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  androidTablet:
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  mac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  windows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  kakao:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 KAKAOTALK 10.6.5',
  naver:
    'Mozilla/5.0 (Linux; Android 14; SM-S918N; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/131.0.0.0 Mobile Safari/537.36 NAVER(inapp; search; 2000; 12.10.3)',
  line: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari Line/14.5.1',
  instagram:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 320.0.0.0',
}

test('the platform: client hints first, the user agent otherwise', () => {
  assert.equal(platformOf({ userAgent: UA.iphone }), 'mobile')
  assert.equal(platformOf({ userAgent: UA.android }), 'mobile')
  assert.equal(platformOf({ userAgent: UA.androidTablet }), 'mobile', 'Android hands mailto: to an intent')
  assert.equal(platformOf({ userAgent: UA.mac, maxTouchPoints: 0 }), 'desktop')
  assert.equal(
    platformOf({ userAgent: UA.mac, maxTouchPoints: 5 }),
    'mobile',
    'iPadOS asks for desktop pages',
  )
  assert.equal(platformOf({ userAgent: UA.windows }), 'desktop')
  assert.equal(platformOf({ userAgent: UA.edge }), 'desktop')
  // Hints win over the string (a UA frozen or overridden), an empty platform defers to it.
  assert.equal(
    platformOf({ userAgent: UA.windows, userAgentData: { platform: 'Android', mobile: false } }),
    'mobile',
  )
  assert.equal(
    platformOf({ userAgent: UA.android, userAgentData: { platform: 'Windows', mobile: false } }),
    'desktop',
  )
  assert.equal(platformOf({ userAgent: UA.iphone, userAgentData: { platform: '', mobile: false } }), 'mobile')
  assert.equal(platformOf(undefined), 'desktop')
})

test('limits: a plain number for every platform, or per platform with a safe fallback', () => {
  assert.equal(limitFor(900, 'mobile'), 900)
  assert.equal(limitFor({ desktop: 1800, mobile: 30000 }, 'mobile'), 30000)
  assert.equal(limitFor({ desktop: 1800, mobile: 30000 }, 'desktop'), 1800)
  assert.equal(limitFor({ desktop: 1500 }, 'mobile'), 1500)
  assert.equal(limitFor(undefined, 'desktop'), 1800)
  assert.equal(limitFor({ desktop: 'x', mobile: -1 }, 'mobile'), 1800)
})

test('in-app browsers are named; ordinary browsers are not', () => {
  assert.equal(inAppOf(UA.kakao), '카카오톡')
  assert.equal(inAppOf(UA.naver), '네이버 앱')
  assert.equal(inAppOf(UA.line), '라인')
  assert.equal(inAppOf(UA.instagram), '인스타그램')
  for (const ua of [UA.iphone, UA.android, UA.mac, UA.windows, UA.edge, '', undefined])
    assert.equal(inAppOf(ua), '')
})

test("the way out to the phone's browser keeps the page and its parameters", () => {
  const page = 'https://help.example.com/contact/?service=%EC%9D%B4&q=a%26b'
  assert.equal(
    externalOpenUrl(UA.kakao, page),
    `kakaotalk://web/openExternal?url=${encodeURIComponent(page)}`,
  )
  assert.equal(new URL(externalOpenUrl(UA.line, page)).searchParams.get('openExternalBrowser'), '1')
  assert.equal(
    externalOpenUrl(UA.naver, page),
    'intent://help.example.com/contact/?service=%EC%9D%B4&q=a%26b#Intent;scheme=https;action=android.intent.action.VIEW;end',
  )
  assert.equal(externalOpenUrl(UA.instagram, page), '', 'iOS: no link, the app menu in words')
  assert.equal(externalOpenUrl(UA.kakao, 'javascript:alert(1)'), '')
  assert.equal(externalOpenUrl(UA.kakao, 'not a url'), '')
})

const CONTACT = {
  services: ['카카오톡', '이모티콘'],
  paid_services: ['이모티콘'],
  types: ['설정', '결제/환불'],
  payment_types: ['결제/환불'],
  mailto_limit: { desktop: 1800, mobile: 30000 },
  consent: { items: ['카카오 계정 이메일'], purpose: '답장', retention: '3년' },
}

test('the receiver gets the fields that apply as typed, the mail text and the consent', () => {
  const values = {
    service: '카카오톡',
    type: '설정',
    email: 'a@example.com',
    summary: '요약',
    description: '  줄1\n줄2  ',
    order: '남은 주문',
    paidAt: '',
    payMethod: '',
    deviceModel: '',
    os: 'iOS',
    osVersion: '',
    appVersion: '',
    appLatest: false,
    screenshot: true,
    from: '',
  }
  const inquiry = inquiryOf(values, CONTACT, 'help@example.com', 1800)
  const payload = payloadOf({
    values,
    contact: CONTACT,
    inquiry,
    receipt: 'D-1',
    now: Date.UTC(2026, 11, 2),
    to: 'help@example.com',
  })
  assert.deepEqual(payload.fields, {
    service: '카카오톡',
    type: '설정',
    email: 'a@example.com',
    summary: '요약',
    description: '  줄1\n줄2  ',
    screenshot: true,
    os: 'iOS',
    appLatest: false,
  })
  assert.equal(payload.subject, '[카카오톡/설정] 요약')
  assert.equal(payload.text, inquiry.body)
  assert.deepEqual(payload.consent, {
    agreed: true,
    at: '2026-12-02T00:00:00.000Z',
    items: ['카카오 계정 이메일'],
    purpose: '답장',
    retention: '3년',
  })
  assert.equal(JSON.parse(JSON.stringify(payload)).receipt, 'D-1')
})

test("the receiver's answer: 2xx is OK unless it says ok:false; its own receipt wins when well-formed", () => {
  assert.deepEqual(readAnswer(200, '', 'D-1'), { ok: true, receipt: 'D-1' })
  assert.deepEqual(readAnswer(200, '{"ok":true,"receipt":"CS-42"}', 'D-1'), { ok: true, receipt: 'CS-42' })
  assert.deepEqual(readAnswer(200, '{"receipt":"<b>x</b>"}', 'D-1'), { ok: true, receipt: 'D-1' })
  assert.deepEqual(readAnswer(200, '{"ok":false}', 'D-1'), { ok: false, receipt: 'D-1' })
  assert.deepEqual(readAnswer(500, '{"ok":true}', 'D-1'), { ok: false, receipt: 'D-1' })
  assert.deepEqual(readAnswer(0, '', 'D-1'), { ok: false, receipt: 'D-1' })
})

test('receipt numbers: the Korean date and six unambiguous characters', () => {
  const receipt = receiptNumber(Date.UTC(2026, 11, 1, 16, 30), (n) => new Uint8Array(n).fill(0))
  assert.equal(receipt, 'D-20261202-222222')
  assert.match(receiptNumber(), /^D-\d{8}-[2-9A-HJ-NP-Z]{6}$/)
})
