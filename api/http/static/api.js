// The page's only way to the server: GET a JSON endpoint, relative to where the page is served,
// so the page works behind a path prefix too. Answers are cached for the session, since the
// knowledge base does not change while the server runs.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const cache = new Map();

export function getJSON(path, { cached = true } = {}) {
  if (cached && cache.has(path)) return cache.get(path);
  const promise = fetch(path, { headers: { Accept: "application/json" } }).then(async (response) => {
    let body = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    if (!response.ok) {
      const message = errorMessage(body) || `${response.status} ${response.statusText}`;
      throw new ApiError(response.status, message);
    }
    return body;
  });
  cache.set(path, promise);
  promise.catch(() => cache.delete(path));
  return promise;
}

function errorMessage(body) {
  if (!body) return "";
  if (typeof body.error === "string") return body.error;
  if (typeof body.detail === "string") return body.detail;
  if (Array.isArray(body.detail)) return body.detail.map((d) => d.msg).join("; ");
  if (Array.isArray(body.errors)) return body.errors.map((e) => (typeof e === "string" ? e : e.message || e.msg)).join("; ");
  return "";
}

// The list inside a response, whether the endpoint answers with a bare list or wraps it.
export function listOf(body, ...keys) {
  if (Array.isArray(body)) return body;
  for (const key of [...keys, "rows", "items", "results", "data"]) {
    if (body && Array.isArray(body[key])) return body[key];
  }
  return [];
}

export function query(params) {
  const entries = Object.entries(params || {}).filter(([, v]) => v !== null && v !== undefined && v !== "");
  const text = new URLSearchParams(entries).toString();
  return text ? `?${text}` : "";
}

// Every row of a paged list endpoint ({rows, next}), following `next` until the last page.
export async function allRows(path, ...keys) {
  const sep = path.includes("?") ? "&" : "?";
  const rows = [];
  let offset = 0;
  for (let guard = 0; guard < 100; guard++) {
    const body = await getJSON(`${path}${sep}limit=1000&offset=${offset}`);
    rows.push(...listOf(body, ...keys));
    if (!body || body.next === null || body.next === undefined || Array.isArray(body)) break;
    offset = body.next;
  }
  return rows;
}

// Documents by id, for titles and dates next to every source link.
export async function documentsById() {
  return new Map((await allRows("documents", "documents")).map((d) => [d.id, d]));
}

export async function measuresByKey() {
  return new Map((await allRows("measures", "measures")).map((m) => [m.key, m]));
}

export function allFindings() {
  return allRows("inconsistencies", "findings", "inconsistencies");
}
