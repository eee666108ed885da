// Draft storage: versioned key, only known fields, nothing saved for an empty form, and
// storage that throws (privacy modes, full quota) never breaks the page.
import { test } from 'node:test'
import assert from 'node:assert/strict'

import { DRAFT_KEY, loadDraft, saveDraft, clearDraft, hasContent } from '../../overrides/assets/doum/contact/draft.js'

class MemoryStorage {
  constructor() { this.items = new Map() }
  getItem(key) { return this.items.has(key) ? this.items.get(key) : null }
  setItem(key, value) { this.items.set(key, String(value)) }
  removeItem(key) { this.items.delete(key) }
}

const FIELDS = ['summary', 'description', 'appLatest']

test('a saved draft comes back under a versioned key, with its time', () => {
  const storage = new MemoryStorage()
  assert.equal(saveDraft(storage, { summary: '환불 😀', appLatest: true }, 1234), true)
  assert.match(DRAFT_KEY, /:v\d+$/)
  assert.deepEqual(loadDraft(storage, FIELDS), { values: { summary: '환불 😀', appLatest: true }, savedAt: 1234 })
})

test('unknown fields and values of other types are dropped', () => {
  const storage = new MemoryStorage()
  storage.setItem(DRAFT_KEY, JSON.stringify({ values: { summary: 'ok', evil: 'x', description: { html: '<b>' } }, savedAt: 1 }))
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
  const throwing = { getItem() { throw new Error('denied') }, setItem() { throw new Error('quota') }, removeItem() { throw new Error('denied') } }
  assert.equal(loadDraft(throwing, FIELDS), null)
  assert.equal(saveDraft(throwing, { summary: 'x' }), false)
  assert.doesNotThrow(() => clearDraft(throwing))
  clearDraft(storage)
  assert.equal(storage.getItem(DRAFT_KEY), null)
})
