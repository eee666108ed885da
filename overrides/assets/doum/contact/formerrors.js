// GOV.UK-style errors: a message above each field, a summary at the top linking to each field.
// Controls are found by id "contact-<key>"; messages live in "<id>-error", hints in "<id>-hint".
import { t } from '../shared/strings.js'

function describedBy(control, withError) {
  // The hint, a counter where the field has one (the description), then the message.
  const ids = [`${control.id}-hint`, `${control.id}-counter`, `${control.id}-error`]
    .filter((id) => document.getElementById(id))
    .filter((id) => withError || !id.endsWith('-error'))
  if (ids.length) control.setAttribute('aria-describedby', ids.join(' '))
  else control.removeAttribute('aria-describedby')
}

function visuallyHidden(text) {
  const span = document.createElement('span')
  span.className = 'doum-visually-hidden'
  span.textContent = text
  return span
}

/** Mark every field of `keys`: the ones in `errors` invalid with their message, the rest valid. */
export function showFieldErrors(keys, errors, idOf) {
  const byField = new Map(errors.map((error) => [error.field, error.message]))
  for (const key of keys) {
    const control = document.getElementById(idOf(key))
    const message = document.getElementById(`${idOf(key)}-error`)
    if (!control || !message) continue
    const text = byField.get(key)
    message.replaceChildren(...(text ? [visuallyHidden(t('contact.errors.prefix')), text] : []))
    message.hidden = !text
    control.closest('.doum-field')?.classList.toggle('doum-field--error', Boolean(text))
    if (text) control.setAttribute('aria-invalid', 'true')
    else control.removeAttribute('aria-invalid')
    describedBy(control, Boolean(text))
  }
}

/** Fill (or hide) the summary; its links focus the field, as a label click would. */
export function showSummary(summary, errors, idOf) {
  const list = summary.querySelector('ul')
  list.replaceChildren(
    ...errors.map(({ field, message }) => {
      const item = document.createElement('li')
      const link = document.createElement('a')
      link.href = `#${idOf(field)}`
      link.textContent = message
      item.append(link)
      return item
    }),
  )
  summary.hidden = errors.length === 0
}

/** Summary links move focus to the control and bring its label into view (not just the input). */
export function linkSummary(summary, signal) {
  summary.addEventListener(
    'click',
    (event) => {
      const link = event.target.closest?.('a[href^="#"]')
      if (!link) return
      const control = document.getElementById(decodeURIComponent(link.hash.slice(1)))
      if (!control) return
      event.preventDefault()
      // Material's instant navigation would treat the #hash link as a navigation and re-render
      // the page, wiping the error state; this link only moves focus.
      event.stopPropagation()
      const field = control.closest('.doum-field') ?? control
      field.scrollIntoView({ block: 'start' })
      control.focus({ preventScroll: true })
    },
    { signal },
  )
}
