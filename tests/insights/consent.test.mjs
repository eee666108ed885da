// The pure half of the insights consent (overrides/assets/doum/shared/consent-state.js): when
// there is anything to ask, how a remembered choice is read (garbage, other versions: not chosen)
// and written, and the consent text read whole or not at all.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  AGREED,
  REFUSED,
  choiceText,
  mayAsk,
  readChoice,
  readConsent,
  storedChoice,
} from '../../overrides/assets/doum/shared/consent-state.js'
import { readSettings } from '../../overrides/assets/doum/shared/insights-core.js'

const CONSENT = {
  items: ['검색어 (가린 뒤)', '보고 있던 페이지'],
  purpose: '도움말을 고치기 위해',
  retention: '수집한 날부터 6개월',
  receiver: 'https://events.example.com',
  version: 'abc123def456',
}

test('a choice is remembered for the consent text it was made about', () => {
  for (const choice of [AGREED, REFUSED]) {
    assert.equal(readChoice(storedChoice(choice, 'v1'), 'v1'), choice)
    assert.equal(readChoice(storedChoice(choice, 'v1'), 'v2'), '', 'a changed text asks again')
  }
})

test('nothing stored, garbage or another shape reads as not chosen', () => {
  for (const stored of [
    null,
    undefined,
    '',
    'yes',
    '{',
    '[]',
    'null',
    '{"choice":"maybe","version":"v1"}',
    '{"choice":"yes"}',
    '{"choice":true,"version":"v1"}',
    42,
  ]) {
    assert.equal(readChoice(stored, 'v1'), '', String(stored))
  }
  assert.equal(readChoice(storedChoice(AGREED, 'v1'), ''), '', 'no version: never agreed')
  assert.throws(() => storedChoice('maybe', 'v1'), TypeError)
})

test('asking only where the site could send', () => {
  const on = readSettings({ endpoint: 'https://events.example.com/e' })
  assert.equal(mayAsk(on, {}), true)
  assert.equal(mayAsk(readSettings({}), {}), false, 'no endpoint')
  assert.equal(
    mayAsk(readSettings({ endpoint: 'https://e.example.com/', sample_rate: 0 }), {}),
    false,
    'sampling 0',
  )
  assert.equal(mayAsk(on, { doNotTrack: '1' }), false, 'Do Not Track honoured')
  assert.equal(mayAsk(on, { globalPrivacyControl: true }), false, 'GPC honoured')
  const ignoring = readSettings({ endpoint: 'https://events.example.com/e', respect_do_not_track: false })
  assert.equal(mayAsk(ignoring, { doNotTrack: '1' }), true, 'the owner sends despite DNT: so asks')
  assert.equal(mayAsk(null), false)
})

test('the consent text is read whole, trimmed, or not at all', () => {
  assert.deepEqual(readConsent({ ...CONSENT, purpose: '  도움말을 고치기 위해 ' }), CONSENT)
  assert.deepEqual(
    readConsent({ ...CONSENT, items: [' 검색어 (가린 뒤)', '', 3, '보고 있던 페이지'] }).items,
    CONSENT.items,
  )
  for (const missing of ['items', 'purpose', 'retention', 'receiver', 'version']) {
    const { [missing]: _, ...rest } = CONSENT
    assert.equal(readConsent(rest), null, `without ${missing}`)
  }
  assert.equal(readConsent({ ...CONSENT, items: [] }), null)
  for (const raw of [null, undefined, 'x', [CONSENT]]) assert.equal(readConsent(raw), null)
})

test('the current choice in words', () => {
  assert.match(choiceText(AGREED), /동의한/)
  assert.match(choiceText(REFUSED), /보내지 않아요/)
  assert.match(choiceText(''), /고르지 않았어요/)
})
