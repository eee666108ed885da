// The page-bundle loader, the last module of the main bundle (assets/doum-bundle/doum.<hash>.js).
//
// The build lists the page bundles on the main bundle's <script> (data-doum-pages: [{selector,
// src}], src next to the main bundle): the contact form's code, say, is fetched only on a page
// that has the form. It checks on the first load and on every page Material's instant navigation
// brings (document$), and adds each bundle once, as a plain <script src> (allowed under
// `script-src 'self'`). Loaded as a module on its own, it has no list and does nothing.

const script = document.currentScript
const added = new Set()

function readPages() {
  try {
    const pages = JSON.parse(script?.dataset.doumPages || '[]')
    return Array.isArray(pages) ? pages.filter((page) => page?.selector && page?.src) : []
  } catch {
    return []
  }
}

const pages = readPages()

/** Add the bundles the current page needs and does not have yet. */
export function loadPageBundles(root = document) {
  for (const { selector, src } of pages) {
    const url = new URL(src, script.src).href
    if (added.has(url) || !root.querySelector(selector)) continue
    added.add(url)
    const element = document.createElement('script')
    element.src = url
    element.dataset.doumPage = ''
    document.head.append(element)
  }
}

if (pages.length) {
  if (window.document$?.subscribe) window.document$.subscribe(() => loadPageBundles())
  else loadPageBundles()
}
