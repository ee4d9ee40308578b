// The phone's own store (IndexedDB): saved records and unsaved drafts. Nothing
// leaves the phone unless the user exports it. Records hold pseudonymous ids
// only (never a child's name), as the JJ Act s.74 requires.
const DB = "suraksha";
const VERSION = 1;

function request(req) {
  return new Promise((ok, fail) => {
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
}

/** Open the store: `records` (key: kind + id) and `drafts` (key: form name). */
export async function openStore() {
  const open = indexedDB.open(DB, VERSION);
  open.onupgradeneeded = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains("records")) {
      const records = db.createObjectStore("records", { keyPath: "key" });
      records.createIndex("kind", "kind");
    }
    if (!db.objectStoreNames.contains("drafts")) db.createObjectStore("drafts");
  };
  const db = await request(open);
  const tx = (store, mode = "readonly") => db.transaction(store, mode).objectStore(store);
  const done = (t) => new Promise((ok, fail) => { t.oncomplete = ok; t.onerror = () => fail(t.error); t.onabort = () => fail(t.error); });
  return {
    /** Save a record of `kind` (replaces the one with the same id). */
    async put(kind, record, valid, problems) {
      const t = db.transaction("records", "readwrite");
      const entry = { key: `${kind}:${record.id}`, kind, id: record.id, record, valid, problems, savedAt: new Date().toISOString() };
      t.objectStore("records").put(entry);
      await done(t);
      return entry;
    },
    get: (kind, id) => request(tx("records").get(`${kind}:${id}`)),
    /** Every saved record of `kind`, newest first. */
    async list(kind) {
      const all = await request(tx("records").index("kind").getAll(kind));
      return all.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
    },
    async remove(kind, id) {
      const t = db.transaction("records", "readwrite");
      t.objectStore("records").delete(`${kind}:${id}`);
      await done(t);
    },
    async saveDraft(form, values) {
      const t = db.transaction("drafts", "readwrite");
      t.objectStore("drafts").put(values, form);
      await done(t);
    },
    loadDraft: (form) => request(tx("drafts").get(form)),
  };
}
