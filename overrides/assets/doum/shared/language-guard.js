// A page of another language reached through Material's instant navigation is loaded in full.
//
// Instant navigation swaps the page's content and keeps everything loaded with the first page:
// the site data (#doum-site, outside the swapped container), the interface strings in it and the
// search worker with its language's index. A multilingual site's languages are separate builds
// (site/languages.py), so a link from an English page to a Korean one would leave the launcher
// and the search in English. The page data (#doum-page, in the head, which instant navigation
// swaps) names each page's language: when it differs from the site data's, the page reloads.

import { pageData, siteData } from './site.js'

/** True when the current page's language is not the one the page was first loaded in. */
export function languageChanged(page = pageData(), site = siteData()) {
  return Boolean(page.language && site.language && page.language !== site.language)
}

if (window.document$?.subscribe) {
  window.document$.subscribe(() => {
    if (languageChanged()) window.location.reload()
  })
}
