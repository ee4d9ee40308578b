// Exports of saved records: JSON (as the CLI and `suraksha report` read them)
// and CSV (one row per record, one column per field path, for a spreadsheet).

/** Offer `text` as a file download. */
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function flatten(value, path, out) {
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== "object")) out[path] = value.join("; ");
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out);
  } else out[path] = value;
  return out;
}

function cell(v) {
  if (v === undefined || v === null) return "";
  let s = String(v);
  // A text cell starting with = + - @ would run as a formula in a spreadsheet.
  if (typeof v === "string" && /^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\n\r;]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Records as CSV: columns are field paths (`child.sex`, `concerns.0.kind`). */
export function toCsv(records) {
  const rows = records.map((r) => flatten(r, "", {}));
  const columns = [];
  for (const row of rows) for (const k of Object.keys(row)) if (!columns.includes(k)) columns.push(k);
  return [columns.map(cell).join(","), ...rows.map((row) => columns.map((c) => cell(row[c])).join(","))].join("\r\n") + "\r\n";
}
