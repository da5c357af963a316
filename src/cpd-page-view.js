// Runs in the "cpd" script world, isolated from the page (whose own scripts never run).
// It reports the heading being read to the app; the app jumps to headings as to a fragment.
'use strict';

(() => {
  const headings = Array.from(document.querySelectorAll('h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]'));

  // The heading being read is the last one whose top has passed the upper third of the view.
  // Headings are in document order, so their tops grow monotonically: binary search.
  function currentHeading() {
    // At the very top the reader is at the beginning, even when a short page shows all of
    // its headings above the line.
    if (window.scrollY <= 0)
      return headings[0];
    const line = window.innerHeight / 3;
    let lo = 0, hi = headings.length - 1, found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (headings[mid].getBoundingClientRect().top <= line) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return headings[found];
  }

  function report() {
    if (headings.length === 0)
      return;
    const id = currentHeading().id;
    // The heading goes out as the document's fragment, which the app reads from the view's URI,
    // and the first heading as no fragment, the page's beginning: a script message would make
    // the app start a JavaScript context of its own, whose timers then wake it while the reader
    // is idle. replaceState() neither scrolls nor adds to the history, and nothing but a script
    // can set the fragment without a navigation, which the app refuses. Compared with the URL
    // itself, not with what was reported last: the app's own jumps to a heading set it too.
    const page = location.href.split('#')[0];
    const url = id === headings[0].id ? page : page + '#' + encodeURIComponent(id);
    if (location.href === url)
      return;
    try {
      history.replaceState(null, '', url);
    } catch (e) {
      // WebKit limits how often a page may replace its state; the next crossing retries.
    }
  }

  // Let the last heading reach the top of the view, as the sidebar promises.
  function padEnd() {
    if (headings.length === 0)
      return;
    const last = headings[headings.length - 1];
    document.body.style.paddingBottom = '';
    // Measured to the end of the content: the document's scrollHeight is never less than the
    // view, which on a short page hid exactly the room that was missing.
    const below = document.body.getBoundingClientRect().bottom - last.getBoundingClientRect().top;
    const missing = Math.ceil(window.innerHeight - below);
    if (missing > 0)
      document.body.style.paddingBottom = missing + 'px';
  }

  // Event-driven: called only when a heading crosses the reading line.
  const observer = new IntersectionObserver(report, { rootMargin: '0px 0px -66% 0px' });
  headings.forEach(h => observer.observe(h));
  window.addEventListener('resize', padEnd, { passive: true });
  padEnd();

  // WebKitGTK keeps Tab inside the page after its last link, a keyboard trap: at either end of
  // the page's links, Tab hands the focus back to the window.
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey)
      return;
    const links = document.querySelectorAll('a[href]');
    const edge = event.shiftKey ? links[0] : links[links.length - 1];
    if (links.length > 0 && document.activeElement !== edge)
      return;
    event.preventDefault();
    window.webkit.messageHandlers.cpdFocusOut.postMessage(event.shiftKey ? 'backward' : 'forward');
  }, true);
})();
