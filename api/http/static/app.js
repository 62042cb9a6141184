// The page's router. Every view has a shareable address after the hash:
//   #/sok?q=...          search and answers
//   #/serie, #/serie/KEY  measures, and one measure's series (?kon=, ?forman=)
//   #/avvikelser         audit findings (?typ=, ?allvar=, ?matt=, ?id=)
//   #/dokument, #/dokument/ID  documents, and one document (?block=, ?cell=, ?line=, ?fn=, ?page=)
// A hash that does not start with "#/" (the skip link) is left to the browser.

import { h, notice } from "./dom.js";
import { searchView } from "./search.js";
import { measureListView, seriesView } from "./series.js";
import { auditView } from "./audit.js";
import { documentListView, documentView } from "./document.js";

const ROUTES = [
  [/^\/?$/, searchView, "sok"],
  [/^\/sok$/, searchView, "sok"],
  [/^\/serie$/, measureListView, "serie"],
  [/^\/serie\/(.+)$/, seriesView, "serie"],
  [/^\/avvikelser$/, auditView, "avvikelser"],
  [/^\/dokument$/, documentListView, "dokument"],
  [/^\/dokument\/(.+)$/, documentView, "dokument"],
];

let renderCount = 0;
let focusAfterRender = null;

// Go to a new address from inside a view; `keepFocus` names the control (by id) that should
// have focus after the view is redrawn, so changing a filter does not throw the user back to the top.
export function navigate(hash, { keepFocus = null } = {}) {
  focusAfterRender = keepFocus;
  if (location.hash === hash) render();
  else location.hash = hash;
}

function parseHash() {
  const raw = location.hash.startsWith("#/") ? location.hash.slice(1) : "/";
  const [path, queryText = ""] = raw.split("?", 2);
  return { path, params: new URLSearchParams(queryText) };
}

let rendered = false;

// Focus after a view is drawn. On the first load the page behaves like any page (focus stays at
// the top, so the skip link comes first) unless the address points at a quote or a finding.
// After a navigation focus moves to the new view's heading, its target, or the control that
// changed, and screen readers hear the new title from the status region.
async function render() {
  // an in-page anchor (the skip link) is the browser's business once a view is showing
  if (rendered && location.hash && !location.hash.startsWith("#/")) return;
  const initial = !rendered;
  rendered = true;
  const { path, params } = parseHash();
  const main = document.getElementById("huvudinnehall");
  const route = ROUTES.find(([re]) => re.test(path));
  const token = ++renderCount;
  const keepFocus = focusAfterRender;
  focusAfterRender = null;
  markNav(route ? route[2] : null);
  main.setAttribute("aria-busy", "true");
  let view;
  try {
    if (!route) throw new Error(`Sidan ${path} finns inte.`);
    const args = path.match(route[0]).slice(1).map(decodeURIComponent);
    view = await route[1]({ args, params, navigate });
  } catch (error) {
    view = {
      title: "Något gick fel",
      node: h("section", {}, h("h1", { tabindex: "-1" }, "Något gick fel"), notice("error", "Fel: ", error.message)),
    };
  }
  if (token !== renderCount) return; // a newer navigation won
  main.replaceChildren(view.node);
  main.removeAttribute("aria-busy");
  document.title = `${view.title} – rapportkoll`;
  if (!initial) announce(view.announce || view.title);
  const kept = keepFocus && document.getElementById(keepFocus);
  if (kept) {
    kept.focus();
  } else if (view.target) {
    view.target.focus({ preventScroll: true });
    view.target.scrollIntoView({ block: "center" });
  } else if (!initial) {
    (view.focus || main.querySelector("h1"))?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }
  if (view.after) view.after();
}

function markNav(name) {
  for (const link of document.querySelectorAll("[data-nav]")) {
    if (link.dataset.nav === name) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

function announce(text) {
  const status = document.getElementById("status");
  status.textContent = "";
  setTimeout(() => (status.textContent = text), 50);
}

window.addEventListener("hashchange", render);
render();
