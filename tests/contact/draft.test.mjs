// Draft storage: versioned key, only known fields, nothing saved for an empty form, and
// storage that throws (privacy modes, full quota) never breaks the page.
import { test } from 'node:test'
import assert from 'node:assert/strict'

import {
  DRAFT_KEY,
  loadDraft,
  saveDraft,
  clearDraft,
  hasContent,
  savedAtOf,
} from '../../overrides/assets/doum/contact/draft.js'

class MemoryStorage {
  constructor() {
    this.items = new Map()
  }
  getItem(key) {
    return this.items.has(key) ? this.items.get(key) : null
  }
  setItem(key, value) {
    this.items.set(key, String(value))
  }
  removeItem(key) {
    this.items.delete(key)
  }
}

const FIELDS = ['summary', 'description', 'appLatest']

test('a saved draft comes back under a versioned key, with its time', () => {
  const storage = new MemoryStorage()
  const now = Date.UTC(2026, 11, 2, 3, 0)
  assert.equal(saveDraft(storage, { summary: '환불 😀', appLatest: true }, now), true)
  assert.match(DRAFT_KEY, /:v\d+$/)
  assert.deepEqual(loadDraft(storage, FIELDS), {
    values: { summary: '환불 😀', appLatest: true },
    savedAt: now,
  })
})

test('unknown fields and values of other types are dropped', () => {
  const storage = new MemoryStorage()
  storage.setItem(
    DRAFT_KEY,
    JSON.stringify({ values: { summary: 'ok', evil: 'x', description: { html: '<b>' } }, savedAt: 1 }),
  )
  assert.deepEqual(loadDraft(storage, FIELDS).values, { summary: 'ok' })
})

test('an empty form removes the draft instead of saving blanks', () => {
  const storage = new MemoryStorage()
  saveDraft(storage, { summary: '내용' })
  saveDraft(storage, { summary: '  ', appLatest: false })
  assert.equal(storage.getItem(DRAFT_KEY), null)
  assert.equal(hasContent({ summary: ' ', appLatest: false }), false)
  assert.equal(hasContent({ appLatest: true }), true)
})

test('corrupt JSON, missing storage and throwing storage are all "no draft"', () => {
  const storage = new MemoryStorage()
  storage.setItem(DRAFT_KEY, '{not json')
  assert.equal(loadDraft(storage, FIELDS), null)
  assert.equal(loadDraft(null, FIELDS), null)
  const throwing = {
    getItem() {
      throw new Error('denied')
    },
    setItem() {
      throw new Error('quota')
    },
    removeItem() {
      throw new Error('denied')
    },
  }
  assert.equal(loadDraft(throwing, FIELDS), null)
  assert.equal(saveDraft(throwing, { summary: 'x' }), false)
  assert.doesNotThrow(() => clearDraft(throwing))
  clearDraft(storage)
  assert.equal(storage.getItem(DRAFT_KEY), null)
})

test('garbage under the key is "no draft" or a draft without a time, never an exception', () => {
  const storage = new MemoryStorage()
  const cases = [
    'toString',
    '{}',
    '[]',
    '"',
    '""',
    'null',
    '1e300',
    'true',
    '[{"values":{"summary":"x"}}]',
    '{"values":[]}',
    '{"values":"summary"}',
    '{"values":{"toString":"x","__proto__":{"summary":"y"}}}',
    '{"values":{"summary":"x"},"savedAt":1e300}',
    '{"values":{"summary":"x"},"savedAt":"2026-12-02"}',
    '{"values":{"summary":"x"},"savedAt":-1}',
    '{"values":{"summary":"x"},"savedAt":{"valueOf":1}}',
  ]
  for (const raw of cases) {
    storage.setItem(DRAFT_KEY, raw)
    let draft
    assert.doesNotThrow(() => {
      draft = loadDraft(storage, [...FIELDS, 'constructor', 'hasOwnProperty'])
    }, raw)
    if (draft) {
      assert.deepEqual(draft, { values: { summary: 'x' }, savedAt: 0 }, raw)
      assert.doesNotThrow(() =>
        new Intl.DateTimeFormat('ko-KR').format(new Date(draft.savedAt || Date.now())),
      )
    }
  }
  assert.equal(savedAtOf(1e300), 0)
  assert.equal(savedAtOf(Number.NaN), 0)
  assert.equal(savedAtOf('1700000000000'), 0)
  assert.equal(savedAtOf(Date.UTC(2026, 0, 1)), Date.UTC(2026, 0, 1))
})

test('storage whose getItem returns a non-string or throws only on quota is handled', () => {
  const odd = {
    getItem() {
      return { not: 'a string' }
    },
    setItem() {
      throw new DOMException('full', 'QuotaExceededError')
    },
    removeItem() {},
  }
  assert.equal(loadDraft(odd, FIELDS), null)
  assert.equal(saveDraft(odd, { summary: 'x' }), false)
})
