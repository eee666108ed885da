// The first module of the main bundle: a page opened from file:// (a site built with Material's
// offline plugin) still runs doum's per-page code.
//
// doum's modules start per page through Material's window.document$. From file:// Material turns
// its instant navigation off, and document$ completes before the page has loaded, so it never
// emits and nothing subscribed to it would run: the contact checklist, the feedback vote, the
// loader. Without instant navigation every page is a fresh document, so a stand-in that hands
// each subscriber the document at once is what document$ would have been.

function completed(source) {
  let done = false
  source.subscribe({ complete: () => (done = true) })?.unsubscribe?.()
  return done
}

const source = window.document$
if (location.protocol === 'file:' && typeof source?.subscribe === 'function' && completed(source)) {
  window.document$ = {
    subscribe(observer) {
      const next = typeof observer === 'function' ? observer : observer?.next?.bind(observer)
      next?.(document)
      return { unsubscribe() {} }
    },
  }
}
