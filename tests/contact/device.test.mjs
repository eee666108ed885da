// Device suggestions from real User-Agent strings and User-Agent Client Hints.
import { test } from 'node:test'
import assert from 'node:assert/strict'

import {
  fromUserAgent,
  fromClientHints,
  mergeDevice,
  suggestDevice,
  OS_CHOICES,
} from '../../overrides/assets/doum/contact/device.js'

const UA = {
  galaxyWebview:
    'Mozilla/5.0 (Linux; Android 14; SM-S918N Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36',
  reducedChrome:
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  iphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  ipad: 'Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1',
  windows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  mac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15',
  linux:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
}

test('Android webview: model and version from the UA string', () => {
  assert.deepEqual(fromUserAgent(UA.galaxyWebview), { model: 'SM-S918N', os: 'Android', osVersion: '14' })
})

test('reduced Chrome UA: the frozen "K" model is not a model', () => {
  assert.deepEqual(fromUserAgent(UA.reducedChrome), { model: '', os: 'Android', osVersion: '10' })
})

test('iPhone and iPad', () => {
  assert.deepEqual(fromUserAgent(UA.iphone), { model: 'iPhone', os: 'iOS', osVersion: '17.4.1' })
  assert.deepEqual(fromUserAgent(UA.ipad), { model: 'iPad', os: 'iPadOS', osVersion: '16.6' })
})

test('desktops', () => {
  assert.deepEqual(fromUserAgent(UA.windows), { model: 'PC', os: 'Windows', osVersion: '10 이상' })
  assert.deepEqual(fromUserAgent(UA.mac), { model: 'Mac', os: 'macOS', osVersion: '10.15.7' })
  assert.deepEqual(fromUserAgent(UA.linux), { model: 'PC', os: '기타', osVersion: '' })
})

test('unknown or missing UA gives empty suggestions, every OS is a choice of the form', () => {
  assert.deepEqual(fromUserAgent(undefined), { model: '', os: '', osVersion: '' })
  assert.deepEqual(fromUserAgent('curl/8.0'), { model: '', os: '', osVersion: '' })
  for (const ua of Object.values(UA)) assert.ok(OS_CHOICES.includes(fromUserAgent(ua).os))
})

test('client hints: Android model and version, Windows 11 from platformVersion 13+', () => {
  assert.deepEqual(fromClientHints({ platform: 'Android', platformVersion: '14.0.0', model: 'SM-S918N' }), {
    model: 'SM-S918N',
    os: 'Android',
    osVersion: '14',
  })
  assert.equal(fromClientHints({ platform: 'Windows', platformVersion: '15.0.0' }).osVersion, '11')
  assert.equal(fromClientHints({ platform: 'Windows', platformVersion: '10.0.0' }).osVersion, '10')
  assert.deepEqual(fromClientHints(null), { model: '', os: '', osVersion: '' })
})

test('hints win over the reduced UA string and the UA fills the gaps', () => {
  const merged = mergeDevice(
    fromClientHints({ platform: 'Android', platformVersion: '15.0.0', model: 'Pixel 8' }),
    fromUserAgent(UA.reducedChrome),
  )
  assert.deepEqual(merged, { model: 'Pixel 8', os: 'Android', osVersion: '15' })
  assert.deepEqual(mergeDevice(fromClientHints({}), fromUserAgent(UA.iphone)), fromUserAgent(UA.iphone))
})

test('suggestDevice never rejects, even when hints are refused', async () => {
  const refusing = {
    userAgent: UA.windows,
    userAgentData: { getHighEntropyValues: () => Promise.reject(new Error('no')) },
  }
  assert.deepEqual(await suggestDevice(refusing), fromUserAgent(UA.windows))
  const giving = {
    userAgent: UA.windows,
    userAgentData: { getHighEntropyValues: async () => ({ platform: 'Windows', platformVersion: '14.0.0' }) },
  }
  assert.deepEqual(await suggestDevice(giving), { model: 'PC', os: 'Windows', osVersion: '11' })
  assert.deepEqual(await suggestDevice({}), { model: '', os: '', osVersion: '' })
})
